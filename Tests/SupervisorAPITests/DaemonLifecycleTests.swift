import Foundation
import SystemTestSupport
import Testing

/// The real `supervisord` binary under a service manager's notify socket: it announces READY once
/// the API answers, pings the watchdog, and on SIGTERM says STOPPING and exits cleanly.
@Suite(.timeLimit(.minutes(2))) struct DaemonLifecycleTests {
    @Test func notifiesReadyWatchdogAndStoppingAndShutsDownOnSIGTERM() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("supervisord").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build supervisord first (swift build --build-tests)")
        let directory = try TemporaryDirectory(prefix: "daemon")
        let notify = try NotifySocket(path: directory.file("notify.sock"))
        let port = try freePort()
        let daemon = try ManagedProcess(
            binary, ["--data-dir", directory.file("data"), "--host", "127.0.0.1", "--port", "\(port)"],
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"],
            outputPath: directory.file("supervisord.log"))

        let ready = notify.receive(until: { $0.contains("READY=1") })
        #expect(ready != nil, "no READY=1; log: \(daemon.output)")
        let ping = try ManagedProcess.run("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/supervisor/ping"])
        #expect(ping.output == #"{"data":{},"result":"ok"}"#)
        #expect(notify.receive(until: { $0.contains("WATCHDOG=1") }) != nil)

        kill(daemon.pid, SIGTERM)
        #expect(notify.receive(until: { $0.contains("STOPPING=1") }) != nil)
        #expect(ManagedProcess.waitUntil(timeout: .seconds(30)) { !daemon.isRunning }, "still running after SIGTERM")
        #expect(daemon.output.contains("Supervisor API is serving"))
    }

    func freePort() throws -> Int {
        let result = try ManagedProcess.run("/usr/bin/env", ["python3", "-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}

/// A unix datagram socket standing in for systemd's notify socket.
final class NotifySocket {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit { close(fd) }

    /// Reads datagrams until one satisfies `match`, or gives up after 20 s without one.
    func receive(until match: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + .seconds(20)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 200) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            if match(message) { return message }
        }
        return nil
    }
}
