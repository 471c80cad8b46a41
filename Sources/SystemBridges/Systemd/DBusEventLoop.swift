import CSystemd
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Owns one sd-bus connection and the one thread that may touch it.
///
/// sd-bus objects are not thread-safe, so other threads never call libsystemd: they `enqueue` work
/// that this thread runs between `sd_bus_process` rounds, and a pipe wakes its `poll`.
///
/// `@unchecked Sendable`: `bus`, `calls` and `subscriptions` are read and written only on the owner
/// thread (in `run()` and the work items and sd-bus callbacks it executes). Everything other threads
/// touch is the `inbox` Mutex, the wake pipe (written only) and the `finished` group.
final class DBusEventLoop: @unchecked Sendable {
    typealias Work = @Sendable (DBusEventLoop) -> Void

    private struct Inbox {
        var work: [Work] = []
        var wakeRequested = false
        var closing = false
    }

    let bus: OpaquePointer
    var calls: [UInt64: DBusPendingCall] = [:]
    /// Calls waiting for one of the `maximumCallsInFlight` places.
    var queuedCalls: [DBusQueuedCall] = []
    var subscriptions: [UInt64: DBusSubscription] = [:]

    private let inbox = Mutex(Inbox())
    private let wakeReader: Int32
    private let wakeWriter: Int32
    private let finished = DispatchGroup()
    private let ownerThread = Mutex<pthread_t?>(nil)

    /// Takes over `bus` (a started sd-bus connection) and starts the owner thread.
    init(bus: OpaquePointer) throws(DBusError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            sd_bus_close_unref(bus)
            throw DBusError.local(-errno, "could not create the wake pipe")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        self.bus = bus
        wakeReader = fds[0]
        wakeWriter = fds[1]
        finished.enter()
        let thread = Thread { [self] in run() }
        thread.name = "DBusConnection"
        thread.start()
    }

    /// Queues `work` for the owner thread; false once the loop is closing (the work will never run).
    func enqueue(_ work: @escaping Work) -> Bool {
        let mustWake: Bool? = inbox.withLock { inbox in
            guard !inbox.closing else { return nil }
            inbox.work.append(work)
            defer { inbox.wakeRequested = true }
            return !inbox.wakeRequested
        }
        guard let mustWake else { return false }
        if mustWake { wake() }
        return true
    }

    /// Stops the owner thread: queued work still runs, then every pending call and subscription fails
    /// with `.disconnected` and the connection is closed. Waits for that, unless called on the owner thread.
    func close() {
        let first = inbox.withLock { inbox in
            defer { inbox.closing = true }
            return !inbox.closing
        }
        if first { wake() }
        let onOwnerThread = ownerThread.withLock { owner in owner.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
        if !onOwnerThread { finished.wait() }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)  // A full pipe already means "wake up".
    }

    private func run() {
        ownerThread.withLock { $0 = pthread_self() }
        var pollSet = [pollfd(fd: -1, events: 0, revents: 0), pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
        while true {
            let (work, closing) = inbox.withLock { inbox in
                defer { inbox.work = []; inbox.wakeRequested = false }
                return (inbox.work, inbox.closing)
            }
            for item in work { item(self) }
            if closing { break }

            var processed: Int32
            repeat { processed = sd_bus_process(bus, nil) } while processed > 0
            let events = sd_bus_get_events(bus)
            guard processed >= 0, events >= 0 else {
                beginClosing()  // The next round runs what is still queued, then leaves.
                continue
            }
            pollSet[0].fd = sd_bus_get_fd(bus)
            pollSet[0].events = Int16(events)
            pollSet[0].revents = 0
            pollSet[1].revents = 0
            if poll(&pollSet, 2, pollTimeout()) > 0, pollSet[1].revents != 0 { drainWakePipe() }
        }
        shutDown()
        finished.leave()
    }

    private func beginClosing() {
        inbox.withLock { $0.closing = true }
    }

    /// Milliseconds until sd-bus has a timeout to handle (a call's deadline), or -1 for none.
    private func pollTimeout() -> Int32 {
        var deadline: UInt64 = 0
        guard sd_bus_get_timeout(bus, &deadline) >= 0, deadline != UInt64.max else { return -1 }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowMicroseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        guard deadline > nowMicroseconds else { return 0 }
        return Int32(clamping: (deadline - nowMicroseconds + 999) / 1_000)
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeReader, &buffer, buffer.count) > 0 {}
    }

    private func shutDown() {
        let error = DBusError.disconnected()
        let pendingCalls = calls.values
        let waitingCalls = queuedCalls
        let activeSubscriptions = subscriptions.values
        calls = [:]
        queuedCalls = []
        subscriptions = [:]
        for call in pendingCalls { call.fail(error) }
        for call in waitingCalls { call.completion(.failure(error)) }
        for subscription in activeSubscriptions { subscription.end(error) }
        sd_bus_close_unref(bus)
    }

    /// The pipe outlives the thread because `close()` may still write to it.
    deinit {
        Glibc.close(wakeReader)
        Glibc.close(wakeWriter)
    }
}
