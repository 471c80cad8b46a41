extension DBusConnection {
    /// Subscribes to signals matching every given filter (nil matches anything).
    ///
    /// Returns once the bus has accepted the match, so no signal sent after that is missed. `arg0`
    /// matches the first argument when it is a string. The stream ends with `.disconnected` when the
    /// connection closes; ending the iteration removes the match. Signals are buffered until read.
    public func signals(
        sender: String? = nil, path: String? = nil, interface: String? = nil, member: String? = nil,
        arg0: String? = nil
    ) async throws -> AsyncThrowingStream<DBusSignal, any Error> {
        let rule = DBusMatchRule(sender: sender, path: path, interface: interface, member: member, arg0: arg0)
        return try await subscribe(to: rule) { $0 }
    }

    /// Subscribes to `PropertiesChanged` of `path` (or any object), for `interface` (or any interface).
    /// Returns once the bus has accepted the match.
    public func propertiesChanged(
        sender: String? = nil, path: String? = nil, interface: String? = nil
    ) async throws -> AsyncThrowingStream<DBusPropertiesChange, any Error> {
        let rule = DBusMatchRule(
            sender: sender, path: path, interface: "org.freedesktop.DBus.Properties",
            member: "PropertiesChanged", arg0: interface)
        return try await subscribe(to: rule, DBusPropertiesChange.init)
    }

    private func subscribe<Element: Sendable>(
        to rule: DBusMatchRule, _ transform: @escaping @Sendable (DBusSignal) -> Element?
    ) async throws -> AsyncThrowingStream<Element, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self)
        let id = nextID()
        continuation.onTermination = { [loop] _ in
            _ = loop.enqueue { $0.removeSubscription(id: id) }
        }
        try await withCheckedThrowingContinuation { (installation: CheckedContinuation<Void, any Error>) in
            let accepted = loop.enqueue { loop in
                loop.addSubscription(
                    id: id, rule: rule.text,
                    onMessage: { message in
                        if let signal = DBusSignal(message: message), let element = transform(signal) {
                            continuation.yield(element)
                        }
                    },
                    onInstalled: { error in installation.resume(with: error.map { .failure($0) } ?? .success(())) },
                    onEnd: { error in continuation.finish(throwing: error) })
            }
            if !accepted {
                continuation.finish(throwing: DBusError.disconnected())
                installation.resume(throwing: DBusError.disconnected())
            }
        }
        return stream
    }
}
