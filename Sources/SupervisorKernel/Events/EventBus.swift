import Synchronization

/// An event published on the bus. Each event type is its own topic.
public protocol SupervisorEvent: Sendable {}

/// Typed publish/subscribe between plugins.
///
/// Every subscriber gets its own buffered stream, so a slow subscriber only delays itself: the
/// publisher never waits and the other subscribers never lose an event because of it.
public final class EventBus: Sendable {
    private struct Subscriber: Sendable {
        let id: UInt64
        let yield: @Sendable (any SupervisorEvent) -> Void
        let finish: @Sendable () -> Void
    }

    private struct State {
        var nextID: UInt64 = 0
        var subscribers: [ObjectIdentifier: [Subscriber]] = [:]
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream of every event of type `E` published from now on.
    ///
    /// `bufferLimit` bounds what a subscriber that stopped reading can hold (oldest dropped first);
    /// the default keeps everything.
    public func subscribe<E: SupervisorEvent>(
        to type: E.Type, bufferLimit: Int? = nil
    ) -> AsyncStream<E> {
        let policy: AsyncStream<E>.Continuation.BufferingPolicy = bufferLimit.map { .bufferingNewest($0) } ?? .unbounded
        let (stream, continuation) = AsyncStream<E>.makeStream(bufferingPolicy: policy)
        let key = ObjectIdentifier(type)
        let id: UInt64? = state.withLock { state in
            guard !state.finished else { return nil }
            state.nextID += 1
            let subscriber = Subscriber(
                id: state.nextID,
                yield: { event in if let event = event as? E { continuation.yield(event) } },
                finish: { continuation.finish() })
            state.subscribers[key, default: []].append(subscriber)
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { $0.subscribers[key]?.removeAll { $0.id == id } }
        }
        return stream
    }

    /// Delivers `event` to every current subscriber of its type.
    public func publish<E: SupervisorEvent>(_ event: E) {
        let targets = state.withLock { $0.subscribers[ObjectIdentifier(E.self)] ?? [] }
        for subscriber in targets { subscriber.yield(event) }
    }

    /// Ends every stream (on shutdown).
    public func finish() {
        let all = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return state.subscribers.values.flatMap { $0 }
        }
        for subscriber in all { subscriber.finish() }
    }
}
