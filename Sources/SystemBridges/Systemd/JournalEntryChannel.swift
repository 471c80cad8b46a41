import Glibc
import Synchronization

/// Hands entries from a reader thread to one async consumer through a small buffer. The thread
/// blocks while the buffer is full, so memory stays flat however much the journal holds; a pipe
/// wakes it when the consumer makes room or goes away.
final class JournalEntryChannel: Sendable {
    static let capacity = 256

    private struct State {
        var buffer: [JournalEntry] = []
        var end: Result<Void, any Error>?
        var consumerGone = false
        var waiter: CheckedContinuation<Result<JournalEntry?, any Error>, Never>?
    }

    private let state = Mutex(State())
    private let wakeup: WakeupPipe

    init() throws(JournalError) {
        wakeup = try WakeupPipe()
    }

    /// Readable whenever the producer should look at the channel again.
    var wakeFD: Int32 { wakeup.readFD }

    var isConsumerGone: Bool { state.withLock { $0.consumerGone } }

    /// Forgets wakeups already seen, so a later `poll` on `wakeFD` blocks again.
    func clearWakeups() { wakeup.drain() }

    // MARK: Producer (reader thread)

    /// Queues `entry`, blocking while the buffer is full; `false` once the consumer is gone.
    func send(_ entry: JournalEntry) -> Bool {
        while true {
            var handOff: CheckedContinuation<Result<JournalEntry?, any Error>, Never>?
            let outcome = state.withLock { s -> Bool? in
                if s.consumerGone { return false }
                if let waiter = s.waiter {
                    s.waiter = nil
                    handOff = waiter
                    return true
                }
                guard s.buffer.count < Self.capacity else { return nil }
                s.buffer.append(entry)
                return true
            }
            if let handOff { handOff.resume(returning: .success(entry)) }
            if let outcome { return outcome }
            wakeup.wait()
        }
    }

    /// Ends the stream after the buffered entries, with `error` if reading failed.
    func finish(_ error: (any Error)? = nil) {
        let waiter = state.withLock { s -> CheckedContinuation<Result<JournalEntry?, any Error>, Never>? in
            if s.end == nil { s.end = error.map { .failure($0) } ?? .success(()) }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: (error.map { .failure($0) } ?? .success(nil)))
    }

    // MARK: Consumer (async)

    /// The next entry, or `nil` at the end or after cancellation.
    func next() async throws -> JournalEntry? {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Result<JournalEntry?, any Error>, Never>) in
                let (ready, wasFull) = state.withLock { s -> (Result<JournalEntry?, any Error>?, Bool) in
                    if !s.buffer.isEmpty {
                        let wasFull = s.buffer.count >= Self.capacity
                        return (.success(s.buffer.removeFirst()), wasFull)
                    }
                    if s.consumerGone { return (.success(nil), false) }
                    if let end = s.end { return (end.map { nil }, false) }
                    s.waiter = waiter
                    return (nil, false)
                }
                if wasFull { wakeup.signal() }
                if let ready { waiter.resume(returning: ready) }
            }
        } onCancel: {
            cancel()
        }
        return try result.get()
    }

    /// Stops the producer; a waiting `next()` returns `nil`.
    func cancel() {
        let waiter = state.withLock { s -> CheckedContinuation<Result<JournalEntry?, any Error>, Never>? in
            s.consumerGone = true
            s.buffer = []
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: .success(nil))
        wakeup.signal()
    }
}

/// A non-blocking pipe used as a level-triggered wakeup for a thread blocked in `poll`.
final class WakeupPipe: Sendable {
    let readFD: Int32
    private let writeFD: Int32

    init() throws(JournalError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw JournalError("pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Blocks until signalled, then clears the signal.
    func wait() {
        var fd = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
        _ = poll(&fd, 1, -1)
        drain()
    }

    func drain() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(readFD, &scratch, scratch.count) > 0 {}
    }
}
