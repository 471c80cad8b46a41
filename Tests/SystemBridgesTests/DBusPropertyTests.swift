import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    @Suite struct Properties {
        private func fixtureWithProperties() throws -> DBusTestFixture {
            let fixture = try DBusTestFixture()
            try fixture.mock.addProperties(
                interface: DBusTestFixture.interface,
                propertiesLiteral: "{'Hostname': 'homeassistant', 'Uptime': dbus.UInt64(1234), "
                    + "'Features': dbus.Array(['a', 'b'], signature='s')}")
            return fixture
        }

        @Test func getOneAndAll() async throws {
            let fixture = try fixtureWithProperties()
            defer { fixture.stop() }

            let hostname = try await fixture.connection.property(
                destination: DBusTestFixture.busName, path: DBusTestFixture.path,
                interface: DBusTestFixture.interface, name: "Hostname")
            let all = try await fixture.connection.allProperties(
                destination: DBusTestFixture.busName, path: DBusTestFixture.path, interface: DBusTestFixture.interface)

            #expect(hostname == .string("homeassistant"))
            #expect(all == [
                "Hostname": .string("homeassistant"), "Uptime": .uint64(1234), "Features": .stringArray(["a", "b"]),
            ])
        }

        @Test func setThenGet() async throws {
            let fixture = try fixtureWithProperties()
            defer { fixture.stop() }

            try await fixture.connection.setProperty(
                destination: DBusTestFixture.busName, path: DBusTestFixture.path,
                interface: DBusTestFixture.interface, name: "Hostname", value: "renamed")
            let hostname = try await fixture.connection.property(
                destination: DBusTestFixture.busName, path: DBusTestFixture.path,
                interface: DBusTestFixture.interface, name: "Hostname")

            #expect(hostname.stringValue == "renamed")
        }

        @Test func unknownPropertyIsTyped() async throws {
            let fixture = try fixtureWithProperties()
            defer { fixture.stop() }

            let error = await dbusError {
                _ = try await fixture.connection.property(
                    destination: DBusTestFixture.busName, path: DBusTestFixture.path,
                    interface: DBusTestFixture.interface, name: "Missing")
            }

            #expect(error?.code == .unknownProperty)
        }

        @Test func propertiesChangedArrivesOnItsStream() async throws {
            let fixture = try fixtureWithProperties()
            defer { fixture.stop() }
            let changes = try await fixture.connection.propertiesChanged(
                sender: DBusTestFixture.busName, path: DBusTestFixture.path, interface: DBusTestFixture.interface)

            try await fixture.connection.setProperty(
                destination: DBusTestFixture.busName, path: DBusTestFixture.path,
                interface: DBusTestFixture.interface, name: "Uptime", value: .uint64(99))
            var iterator = changes.makeAsyncIterator()
            let change = try await iterator.next()

            #expect(change == DBusPropertiesChange(
                path: DBusTestFixture.path, interface: DBusTestFixture.interface,
                changed: ["Uptime": .uint64(99)], invalidated: []))
        }

        @Test func aTemplateServiceAnswersAndLogsItsCalls() async throws {
            let bus = try PrivateSystemBus()
            defer { bus.stop() }
            let timedated = try DBusMockService(bus: bus, template: "timedated", parameters: #"{"Timezone": "Europe/Berlin"}"#)
            defer { timedated.stop() }
            let connection = try DBusConnection(address: bus.address)
            defer { connection.close() }

            let before = try await connection.property(
                destination: timedated.busName, path: timedated.mainPath, interface: timedated.mainInterface,
                name: "Timezone")
            _ = try await connection.call(
                destination: timedated.busName, path: timedated.mainPath, interface: timedated.mainInterface,
                member: "SetTimezone", arguments: ["Europe/Paris", .boolean(false)])
            let after = try await connection.property(
                destination: timedated.busName, path: timedated.mainPath, interface: timedated.mainInterface,
                name: "Timezone")

            #expect(before == "Europe/Berlin")
            #expect(after == "Europe/Paris")
            #expect(try timedated.methodCalls("SetTimezone") == ["['Europe/Paris', False]"])
        }
    }
}
