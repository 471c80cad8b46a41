import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    @Suite struct NameOwners {
        @Test func aServiceThatStartsLaterIsPickedUpAndOneThatVanishesIsReported() async throws {
            let bus = try PrivateSystemBus()
            defer { bus.stop() }
            let connection = try DBusConnection(address: bus.address)
            defer { connection.close() }
            let name = "org.example.Later"
            var owners = connection.ownerChanges(of: name).makeAsyncIterator()

            #expect(try await owners.next() == .some(nil))
            #expect(try await connection.nameHasOwner(name) == false)

            let service = try DBusMockService(bus: bus, busName: name, path: "/org/example/Later", interface: name)
            let owner = try #require(try await owners.next() ?? nil)
            #expect(owner.hasPrefix(":"))
            #expect(try await connection.nameHasOwner(name))
            #expect(try await connection.nameOwner(name) == owner)

            service.stop()
            #expect(try await owners.next() == .some(nil))
            #expect(try await connection.nameHasOwner(name) == false)
            let error = await dbusError {
                _ = try await connection.call(destination: name, path: "/org/example/Later", interface: name, member: "Any")
            }
            #expect(error?.code == .serviceUnknown)
        }

        @Test func theCurrentOwnerComesFirst() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }

            var owners = fixture.connection.ownerChanges(of: DBusTestFixture.busName).makeAsyncIterator()
            let owner = try await owners.next() ?? nil

            #expect(owner?.hasPrefix(":") == true)
        }
    }
}
