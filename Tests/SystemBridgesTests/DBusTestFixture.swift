import SystemTestSupport
import SystemdBridge
import Testing

/// Every D-Bus test suite hangs off this one so they run one after another: each test starts its own
/// dbus-daemon and python-dbusmock, which is heavy on a small machine.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DBusTests {}

/// A private system bus, a bare dbusmock object `org.example.Test` on it, and a connection to the bus.
struct DBusTestFixture {
    static let busName = "org.example.Test"
    static let path = "/org/example/Test"
    static let interface = "org.example.Test"

    let bus: PrivateSystemBus
    let mock: DBusMockService
    let connection: DBusConnection

    init() throws {
        bus = try PrivateSystemBus()
        mock = try DBusMockService(bus: bus, busName: Self.busName, path: Self.path, interface: Self.interface)
        connection = try DBusConnection(address: bus.address)
    }

    /// Calls `member` of the test object.
    func call(_ member: String, _ arguments: [DBusValue] = [], timeout: Duration = DBusConnection.defaultTimeout)
        async throws -> [DBusValue]
    {
        try await connection.call(
            destination: Self.busName, path: Self.path, interface: Self.interface, member: member,
            arguments: arguments, timeout: timeout)
    }

    /// Adds methods `(name, inSignature, outSignature, code)` to the test interface in one round trip.
    func addMethods(_ methods: [(name: String, inSignature: String, outSignature: String, code: String)]) throws {
        let tuples = methods.map { method in
            "(" + [method.name, method.inSignature, method.outSignature, method.code]
                .map(DBusMockService.python).joined(separator: ", ") + ")"
        }
        try mock.callMock("AddMethods", [DBusMockService.python(Self.interface), "[" + tuples.joined(separator: ", ") + "]"])
    }

    func stop() {
        connection.close()
        mock.stop()
        bus.stop()
    }
}

/// The `DBusError` an operation throws, or nil (and a recorded issue) if it throws something else or nothing.
func dbusError(_ operation: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> DBusError? {
    do {
        try await operation()
        Issue.record("expected a DBusError, but the operation succeeded", sourceLocation: sourceLocation)
    } catch let error as DBusError {
        return error
    } catch {
        Issue.record("expected a DBusError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
