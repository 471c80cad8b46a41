private let busName = "org.freedesktop.DBus"
private let busPath = "/org/freedesktop/DBus"

extension DBusConnection {
    /// Whether someone currently owns `name` on the bus.
    public func nameHasOwner(_ name: String) async throws -> Bool {
        let reply = try await call(
            destination: busName, path: busPath, interface: busName, member: "NameHasOwner", arguments: [.string(name)])
        guard let owns = reply.first?.boolValue else { throw DBusError.unexpectedReply("NameHasOwner", reply) }
        return owns
    }

    /// The unique name owning `name`, or nil if nobody does.
    public func nameOwner(_ name: String) async throws -> String? {
        do {
            let reply = try await call(
                destination: busName, path: busPath, interface: busName, member: "GetNameOwner",
                arguments: [.string(name)])
            return reply.first?.stringValue
        } catch let error as DBusError where error.code == .serviceUnknown {
            return nil
        }
    }

    /// The owner of `name` now and after every change: a unique name, or nil while nobody owns it.
    ///
    /// The first element is the current owner, so a service that starts later, restarts or vanishes is
    /// seen without a gap. Consecutive duplicates are dropped. Ends with an error if the connection closes.
    public func ownerChanges(of name: String) -> AsyncThrowingStream<String?, any Error> {
        AsyncThrowingStream { continuation in
            let forwarding = Task {
                do {
                    // Subscribing first and asking second leaves no window in which a change could be missed.
                    let changes = try await signals(
                        sender: busName, path: busPath, interface: busName, member: "NameOwnerChanged", arg0: name)
                    var lastOwner: String?? = .none
                    func report(_ owner: String?) {
                        guard lastOwner != .some(owner) else { return }
                        lastOwner = .some(owner)
                        continuation.yield(owner)
                    }
                    report(try await nameOwner(name))
                    for try await change in changes {
                        guard change.arguments.count == 3, let newOwner = change.arguments[2].stringValue else { continue }
                        report(newOwner.isEmpty ? nil : newOwner)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in forwarding.cancel() }
        }
    }
}
