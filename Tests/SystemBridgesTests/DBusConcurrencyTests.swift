import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    @Suite struct Concurrency {
        @Test func manyConcurrentCallsAllComplete() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([("Double", "i", "i", "ret = args[0] * 2")])

            let results = try await withThrowingTaskGroup(of: (Int32, [DBusValue]).self) { group in
                for number in Int32(0)..<200 {
                    group.addTask { (number, try await fixture.call("Double", [.int32(number)])) }
                }
                return try await group.reduce(into: [Int32: [DBusValue]]()) { $0[$1.0] = $1.1 }
            }

            #expect(results.count == 200)
            #expect(results.allSatisfy { number, reply in reply == [.int32(number * 2)] })
        }

        @Test func closeFailsPendingCallsAndLaterOnes() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([("Hang", "", "", "time.sleep(5)")])

            let pending = Task { await dbusError { _ = try await fixture.call("Hang") } }
            // The mock logs a call before running it (and then cannot answer GetMethodCalls while it sleeps).
            _ = ManagedProcess.waitUntil { fixture.mock.log.contains("Hang") }
            fixture.connection.close()
            let pendingError = await pending.value
            let laterError = await dbusError { _ = try await fixture.call("Hang") }

            #expect(pendingError?.code == .disconnected)
            #expect(laterError?.code == .disconnected)
        }

        @Test func cancellingACallReturnsPromptly() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([("Hang", "", "", "time.sleep(5)")])

            let pending = Task { try await fixture.call("Hang") }
            _ = ManagedProcess.waitUntil { fixture.mock.log.contains("Hang") }
            pending.cancel()

            await #expect(throws: CancellationError.self) { try await pending.value }
        }
    }
}
