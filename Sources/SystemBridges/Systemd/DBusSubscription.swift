import CSystemd

/// A match rule installed on the bus and the handler its signals go to.
/// Owned by `DBusEventLoop.subscriptions`; owner thread only.
final class DBusSubscription {
    typealias MessageHandler = @Sendable (OpaquePointer) -> Void
    typealias InstallHandler = @Sendable (DBusError?) -> Void
    typealias EndHandler = @Sendable (DBusError) -> Void

    let id: UInt64
    unowned let loop: DBusEventLoop
    var slot: OpaquePointer?
    let onMessage: MessageHandler
    private var onInstalled: InstallHandler?
    private let onEnd: EndHandler

    init(id: UInt64, loop: DBusEventLoop, onMessage: @escaping MessageHandler,
         onInstalled: @escaping InstallHandler, onEnd: @escaping EndHandler) {
        self.id = id
        self.loop = loop
        self.onMessage = onMessage
        self.onInstalled = onInstalled
        self.onEnd = onEnd
    }

    /// Reports the bus's answer to AddMatch, once.
    func installed(_ error: DBusError?) {
        let handler = onInstalled
        onInstalled = nil
        handler?(error)
    }

    /// Removes the match and tells the subscriber why it ends.
    func end(_ error: DBusError) {
        slot = slot.flatMap(sd_bus_slot_unref)
        installed(error)
        onEnd(error)
    }
}

extension DBusEventLoop {
    /// Installs `rule` without blocking; `onInstalled` runs once the bus has accepted or refused it.
    func addSubscription(
        id: UInt64, rule: String, onMessage: @escaping DBusSubscription.MessageHandler,
        onInstalled: @escaping DBusSubscription.InstallHandler, onEnd: @escaping DBusSubscription.EndHandler
    ) {
        let subscription = DBusSubscription(
            id: id, loop: self, onMessage: onMessage, onInstalled: onInstalled, onEnd: onEnd)
        let added = sd_bus_add_match_async(
            bus, &subscription.slot, rule,
            { message, userdata, _ in
                guard let message, let userdata else { return 0 }
                Unmanaged<DBusSubscription>.fromOpaque(userdata).takeUnretainedValue().onMessage(message)
                return 0
            },
            { reply, userdata, _ in
                guard let reply, let userdata else { return 0 }
                let subscription = Unmanaged<DBusSubscription>.fromOpaque(userdata).takeUnretainedValue()
                subscription.loop.matchInstalled(subscription, reply: reply)
                return 0
            },
            Unmanaged.passUnretained(subscription).toOpaque()
        )
        guard added >= 0 else {
            return subscription.end(.local(added, "could not add the match rule \(rule)"))
        }
        subscriptions[id] = subscription
    }

    /// Removes a subscription whose stream has ended; the bus is told to drop the match.
    func removeSubscription(id: UInt64) {
        guard let subscription = subscriptions.removeValue(forKey: id) else { return }
        subscription.slot = subscription.slot.flatMap(sd_bus_slot_unref)
    }

    /// sd-bus holds a reference to the match slot while this callback runs, so ending it here is safe.
    private func matchInstalled(_ subscription: DBusSubscription, reply: OpaquePointer) {
        do {
            _ = try DBusMessageReader(message: reply).readReply()
            subscription.installed(nil)
        } catch {
            subscriptions[subscription.id] = nil
            subscription.end(error)
        }
    }
}
