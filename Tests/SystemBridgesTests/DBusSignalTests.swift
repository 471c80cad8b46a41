import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    @Suite struct Signals {
        @Test func aMatchingSignalArrivesAndOthersDoNot() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            let signals = try await fixture.connection.signals(
                path: DBusTestFixture.path, interface: DBusTestFixture.interface, member: "Ready")

            try fixture.mock.emitSignal(
                interface: DBusTestFixture.interface, name: "Ignored", signature: "s", argumentsLiteral: "['no']")
            try fixture.mock.emitSignal(
                interface: DBusTestFixture.interface, name: "Ready", signature: "sa{sv}",
                argumentsLiteral: "['yes', {'Count': dbus.Int32(3)}]")
            var iterator = signals.makeAsyncIterator()
            let signal = try #require(try await iterator.next())

            #expect(signal.member == "Ready")
            #expect(signal.path == DBusTestFixture.path)
            #expect(signal.interface == DBusTestFixture.interface)
            #expect(signal.sender?.hasPrefix(":") == true)
            #expect(signal.arguments == ["yes", .variantDictionary(["Count": .int32(3)])])
        }

        @Test func closingTheConnectionEndsTheStream() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            let signals = try await fixture.connection.signals(interface: DBusTestFixture.interface)

            fixture.connection.close()
            let error = await dbusError {
                for try await _ in signals {}
            }

            #expect(error?.code == .disconnected)
        }

        @Test func endingAStreamRemovesItsMatchFromTheBus() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            let clientName = "org.example.Client"
            _ = try await fixture.connection.call(
                destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus", interface: "org.freedesktop.DBus",
                member: "RequestName", arguments: [.string(clientName), .uint32(0)])
            let baseline = try #require(try await matchRuleCount(of: clientName, fixture), "dbus-daemon without Debug.Stats")

            let consumed = try await fixture.connection.signals(member: "Consumed")
            var dropped = try await fixture.connection.signals(member: "Dropped")
            #expect(try await matchRuleCount(of: clientName, fixture) == baseline + 2)

            let consumer = Task { for try await _ in consumed {} }
            consumer.cancel()
            dropped = try await fixture.connection.signals(member: "Replacement")
            _ = dropped

            #expect(try await waitForMatchRuleCount(baseline + 1, of: clientName, fixture))
        }

        private func matchRuleCount(of name: String, _ fixture: DBusTestFixture) async throws -> Int64? {
            let reply = try await fixture.connection.call(
                destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                interface: "org.freedesktop.DBus.Debug.Stats", member: "GetConnectionStats", arguments: [.string(name)])
            return reply.first?.dictionaryValue?["MatchRules"]?.int64Value
        }

        /// RemoveMatch is sent without waiting for its reply, so the count catches up a little later.
        private func waitForMatchRuleCount(_ expected: Int64?, of name: String, _ fixture: DBusTestFixture)
            async throws -> Bool
        {
            for _ in 0..<250 {
                if try await matchRuleCount(of: name, fixture) == expected { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
    }
}
