import Foundation
import SystemTestSupport
import SystemdBridge
import Testing

/// These tests change `NOTIFY_SOCKET` and `WATCHDOG_*`, which are process-wide: one serialized
/// suite, and every test puts the variables back as it found them.
@Suite(.serialized) struct NotifySystemdTests {
    @Test func outsideSystemdNotifyIsANoOp() {
        withEnvironment(["NOTIFY_SOCKET": nil]) {
            #expect(!SystemdNotifier.isUnderSystemd)
            #expect(!SystemdNotifier.notify("READY=1"))
        }
    }

    @Test func notifySendsADatagramToTheSocket() throws {
        let directory = try TemporaryDirectory(prefix: "notify")
        let socket = try DatagramSocket(path: directory.file("notify.sock"))
        let received = withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            #expect(SystemdNotifier.isUnderSystemd)
            #expect(SystemdNotifier.notify("READY=1"))
            let first = socket.receive()
            #expect(SystemdNotifier.notify("STATUS=serving\nWATCHDOG=1"))
            return [first, socket.receive()]
        }
        #expect(received == ["READY=1", "STATUS=serving\nWATCHDOG=1"])
    }

    @Test func watchdogIntervalComesFromTheEnvironment() {
        let ourPID = "\(getpid())"
        withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": ourPID]) {
            #expect(SystemdNotifier.watchdogInterval() == .seconds(20))
        }
        withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier.watchdogInterval() == .seconds(20))
        }
        withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(getpid() + 1)"]) {
            #expect(SystemdNotifier.watchdogInterval() == nil)
        }
        withEnvironment(["WATCHDOG_USEC": "not-a-number", "WATCHDOG_PID": ourPID]) {
            #expect(SystemdNotifier.watchdogInterval() == nil)
        }
        withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier.watchdogInterval() == nil)
        }
    }

    private func withEnvironment<T>(_ values: [String: String?], _ body: () -> T) -> T {
        let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (name, value) in values { set(name, value) }
        defer { for (name, value) in saved { set(name, value) } }
        return body()
    }

    private func set(_ name: String, _ value: String?) {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
}

/// A bound unix datagram socket standing in for the service manager's notification socket.
private final class DatagramSocket {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8.prefix(buffer.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
    }

    deinit { close(fd) }

    /// The datagram already queued (sd_notify has returned, so it is there or was never sent), or `nil`.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
