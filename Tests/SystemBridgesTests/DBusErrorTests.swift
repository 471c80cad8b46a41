import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    @Suite struct Errors {
        @Test func unknownServiceIsTyped() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }

            let error = await dbusError {
                _ = try await fixture.connection.call(
                    destination: "org.example.Nobody", path: "/", interface: "org.example.Nobody", member: "Hello")
            }

            #expect(error?.code == .serviceUnknown)
            #expect(error?.name == "org.freedesktop.DBus.Error.ServiceUnknown")
        }

        @Test func unknownMethodIsTyped() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }

            let error = await dbusError { _ = try await fixture.call("NoSuchMethod") }

            #expect(error?.code == .unknownMethod)
        }

        @Test func aMethodErrorKeepsItsNameAndMessage() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([(
                "Fail", "", "",
                "raise dbus.exceptions.DBusException('it broke', name='org.example.Error.Broken')"
            )])

            let error = await dbusError { _ = try await fixture.call("Fail") }

            #expect(error?.code == .other)
            #expect(error?.name == "org.example.Error.Broken")
            #expect(error?.message == "it broke")
        }

        @Test func aSlowReplyTimesOut() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([("Slow", "", "", "time.sleep(2)")])

            let error = await dbusError { _ = try await fixture.call("Slow", timeout: .milliseconds(300)) }

            #expect(error?.code == .noReply)
        }

        @Test func aLostBusFailsCallsInsteadOfCrashing() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            let signals = try await fixture.connection.signals(interface: DBusTestFixture.interface)

            fixture.bus.stop()
            let streamError = await dbusError { for try await _ in signals {} }
            let callError = await dbusError { _ = try await fixture.call("Anything") }

            #expect(streamError?.code == .disconnected)
            #expect(callError?.code == .disconnected)
        }
    }
}
