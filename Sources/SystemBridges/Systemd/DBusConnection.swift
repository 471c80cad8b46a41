import CSystemd
import Synchronization

/// A client connection to a D-Bus bus, usable from any task.
///
/// One thread per connection owns the sd-bus object and runs its event loop; calls, property access
/// and subscriptions are handed to that thread and awaited. `close()` (or releasing the connection)
/// stops the thread and fails whatever is still pending with `DBusError.Code.disconnected`.
public final class DBusConnection: Sendable {
    /// How long a call waits for its reply unless told otherwise (the D-Bus convention).
    public static let defaultTimeout: Duration = .seconds(25)

    let loop: DBusEventLoop
    private let lastID = Atomic<UInt64>(0)

    /// Connects to the system bus: `DBUS_SYSTEM_BUS_ADDRESS` if set, else `/run/dbus/system_bus_socket`.
    public static func system() throws(DBusError) -> DBusConnection {
        var bus: OpaquePointer?
        let opened = sd_bus_open_system(&bus)
        guard opened >= 0, let bus else { throw DBusError.local(opened, "could not connect to the system bus") }
        return try DBusConnection(bus: bus)
    }

    /// Connects to the bus at `address`, e.g. `unix:path=/run/dbus/system_bus_socket`.
    public convenience init(address: String) throws(DBusError) {
        var bus: OpaquePointer?
        let created = sd_bus_new(&bus)
        guard created >= 0, let bus else { throw DBusError.local(created, "could not create a bus connection") }
        var result = sd_bus_set_address(bus, address)
        if result >= 0 { result = sd_bus_set_bus_client(bus, 1) }
        if result >= 0 { result = sd_bus_start(bus) }
        guard result >= 0 else {
            sd_bus_close_unref(bus)
            throw DBusError.local(result, "could not connect to \(address)")
        }
        try self.init(bus: bus)
    }

    private init(bus: OpaquePointer) throws(DBusError) {
        loop = try DBusEventLoop(bus: bus)
    }

    deinit { loop.close() }

    /// Closes the connection: pending calls fail and signal streams end with `.disconnected`.
    /// Returns once the connection's thread has stopped. Calling it again does nothing.
    public func close() {
        loop.close()
    }

    /// Calls `member` on `destination` and returns the reply's values.
    ///
    /// Throws `DBusError` for an error reply (`.serviceUnknown`, `.unknownMethod`, …), `.noReply` when no reply
    /// arrives within `timeout`, `.disconnected` once the connection is closed; `CancellationError` if the task is cancelled.
    public func call(
        destination: String, path: String, interface: String?, member: String,
        arguments: [DBusValue] = [], timeout: Duration = DBusConnection.defaultTimeout
    ) async throws -> [DBusValue] {
        let request = DBusMethodCall(
            destination: destination, path: path, interface: interface, member: member,
            arguments: arguments, timeout: timeout)
        let id = nextID()
        let reply = DBusReplyWaiter()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard reply.wait(with: continuation) else { return }
                let accepted = loop.enqueue { loop in
                    guard reply.isWaiting else { return }
                    loop.startCall(request, id: id) { result in reply.resume(with: result.mapError { $0 }) }
                }
                if !accepted { reply.resume(with: .failure(DBusError.disconnected())) }
            }
        } onCancel: {
            if reply.resume(with: .failure(CancellationError())) {
                _ = loop.enqueue { $0.cancelCall(id: id) }
            }
        }
    }

    func nextID() -> UInt64 {
        lastID.add(1, ordering: .relaxed).newValue
    }
}

/// The continuation of one `call`, resumed exactly once by whichever comes first: the reply,
/// a local failure, or cancellation (which may even come before the continuation exists).
private final class DBusReplyWaiter: Sendable {
    private enum State {
        case notYetWaiting
        case waiting(CheckedContinuation<[DBusValue], any Error>)
        case done(Result<[DBusValue], any Error>?)
    }

    private let state = Mutex(State.notYetWaiting)

    var isWaiting: Bool {
        state.withLock { if case .waiting = $0 { true } else { false } }
    }

    /// False if the outcome is already known; the continuation has then been resumed with it.
    func wait(with continuation: CheckedContinuation<[DBusValue], any Error>) -> Bool {
        let early: Result<[DBusValue], any Error>? = state.withLock { state in
            guard case .done(let result) = state else {
                state = .waiting(continuation)
                return nil
            }
            state = .done(nil)
            return result ?? .failure(CancellationError())
        }
        guard let early else { return true }
        continuation.resume(with: early)
        return false
    }

    /// True if this result is the one the caller gets.
    @discardableResult
    func resume(with result: Result<[DBusValue], any Error>) -> Bool {
        let continuation: CheckedContinuation<[DBusValue], any Error>?? = state.withLock { state in
            switch state {
            case .notYetWaiting:
                state = .done(result)
                return .some(nil)
            case .waiting(let continuation):
                state = .done(nil)
                return continuation
            case .done:
                return nil
            }
        }
        guard let continuation else { return false }
        continuation?.resume(with: result)
        return true
    }
}
