import CSystemd

/// What to send in one method call.
struct DBusMethodCall: Sendable {
    var destination: String
    var path: String
    var interface: String?
    var member: String
    var arguments: [DBusValue]
    var timeout: Duration
}

/// A method call on the wire, waiting for its reply. Owned by `DBusEventLoop.calls`; owner thread only.
final class DBusPendingCall {
    typealias Completion = @Sendable (Result<[DBusValue], DBusError>) -> Void

    let id: UInt64
    unowned let loop: DBusEventLoop
    var slot: OpaquePointer?
    private let completion: Completion

    init(id: UInt64, loop: DBusEventLoop, completion: @escaping Completion) {
        self.id = id
        self.loop = loop
        self.completion = completion
    }

    func complete(_ result: Result<[DBusValue], DBusError>) {
        slot = slot.flatMap(sd_bus_slot_unref)
        completion(result)
    }

    func fail(_ error: DBusError) { complete(.failure(error)) }
}

/// A call waiting to be sent because `maximumCallsInFlight` calls already wait for replies.
struct DBusQueuedCall {
    let request: DBusMethodCall
    let id: UInt64
    let completion: DBusPendingCall.Completion
}

extension DBusEventLoop {
    /// dbus-daemon refuses a connection's calls beyond `max_replies_per_connection` (128 by default)
    /// with LimitsExceeded, so more calls than this wait here, in order, until earlier ones finish.
    /// Their timeout starts when they are sent.
    static let maximumCallsInFlight = 96

    /// Sends `request`; `completion` runs on the owner thread with the reply, or with `.noReply` after the timeout.
    func startCall(_ request: DBusMethodCall, id: UInt64, completion: @escaping DBusPendingCall.Completion) {
        guard calls.count < Self.maximumCallsInFlight else {
            queuedCalls.append(DBusQueuedCall(request: request, id: id, completion: completion))
            return
        }
        send(request, id: id, completion: completion)
    }

    private func send(_ request: DBusMethodCall, id: UInt64, completion: @escaping DBusPendingCall.Completion) {
        let call = DBusPendingCall(id: id, loop: self, completion: completion)
        var message: OpaquePointer?
        let created = withOptionalCString(request.interface) { interface in
            sd_bus_message_new_method_call(bus, &message, request.destination, request.path, interface, request.member)
        }
        guard created >= 0, let message else {
            return call.fail(.local(created, "could not create a call to \(request.member)"))
        }
        defer { sd_bus_message_unref(message) }
        do {
            try DBusMessageWriter(message: message).append(request.arguments)
        } catch {
            return call.fail(error)
        }
        let sent = sd_bus_call_async(
            bus, &call.slot, message,
            { reply, userdata, _ in
                guard let reply, let userdata else { return 0 }
                let call = Unmanaged<DBusPendingCall>.fromOpaque(userdata).takeUnretainedValue()
                call.loop.finishCall(call, reply: reply)
                return 0
            },
            Unmanaged.passUnretained(call).toOpaque(), request.timeout.microseconds
        )
        guard sent >= 0 else { return call.fail(.local(sent, "could not send \(request.member)")) }
        calls[id] = call
    }

    /// Forgets a call whose caller has stopped waiting; its reply, if one comes, is dropped.
    func cancelCall(id: UInt64) {
        queuedCalls.removeAll { $0.id == id }
        guard let call = calls.removeValue(forKey: id) else { return }
        call.slot = call.slot.flatMap(sd_bus_slot_unref)
        sendQueuedCalls()
    }

    private func sendQueuedCalls() {
        while calls.count < Self.maximumCallsInFlight, !queuedCalls.isEmpty {
            let next = queuedCalls.removeFirst()
            send(next.request, id: next.id, completion: next.completion)
        }
    }

    /// sd-bus holds its own reference to the slot while this callback runs, so unreffing ours here is safe.
    private func finishCall(_ call: DBusPendingCall, reply: OpaquePointer) {
        calls[call.id] = nil
        var result = Result { () throws(DBusError) in try DBusMessageReader(message: reply).readReply() }
        // sd-bus answers calls still pending when the connection drops with a synthetic NoReply.
        if case .failure(let error) = result, error.code == .noReply, sd_bus_is_open(bus) <= 0 {
            result = .failure(.disconnected(error.message))
        }
        call.complete(result)
        sendQueuedCalls()
    }
}

extension DBusMessageReader {
    /// The values of a method return, or the error an error reply carries.
    func readReply() throws(DBusError) -> [DBusValue] {
        if sd_bus_message_is_method_error(message, nil) > 0, let error = sd_bus_message_get_error(message) {
            throw DBusError(
                name: error.pointee.name.map { String(cString: $0) } ?? "org.freedesktop.DBus.Error.Failed",
                message: error.pointee.message.map { String(cString: $0) } ?? ""
            )
        }
        return try readAll()
    }
}

func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString(body)
}

extension Duration {
    /// Whole microseconds, at least 1 (sd-bus reads 0 as "use the default timeout").
    var microseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        let total = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000)
        guard !total.overflow else { return UInt64.max - 1 }
        return max(1, total.partialValue &+ UInt64(max(0, attoseconds) / 1_000_000_000_000))
    }
}
