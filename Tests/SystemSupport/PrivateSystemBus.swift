import Foundation

/// A private `dbus-daemon` configured as a system bus, listening on a socket in its own temp dir.
/// Stopped by its PID in `stop()` (or when released).
public final class PrivateSystemBus: Sendable {
    /// The address to connect to, `unix:path=…`.
    public let address: String
    /// `DBUS_SYSTEM_BUS_ADDRESS` pointing at this bus, for child processes.
    public var environment: [String: String] { ["DBUS_SYSTEM_BUS_ADDRESS": address] }

    private let directory: TemporaryDirectory
    private let daemon: ManagedProcess

    /// Starts the daemon and waits until it answers; throws with a clear message if dbus-daemon is missing.
    public init() throws {
        guard let daemonPath = ManagedProcess.which("dbus-daemon"), let dbusSend = ManagedProcess.which("dbus-send") else {
            throw DBusHarnessError("dbus-daemon and dbus-send are needed for D-Bus tests: apt-get install -y dbus")
        }
        let directory = try TemporaryDirectory(prefix: "system-bus")
        self.directory = directory
        let socket = directory.file("bus.sock")
        address = "unix:path=\(socket)"
        let config = directory.file("system.conf")
        try Self.configuration(socket: socket).write(toFile: config, atomically: true, encoding: .utf8)
        daemon = try ManagedProcess(
            daemonPath, ["--config-file=\(config)", "--nofork", "--nopidfile", "--print-address=1"],
            outputPath: directory.file("dbus-daemon.log"))
        let answering = try ManagedProcess.waitUntil { [address, daemon] in
            guard daemon.isRunning else { return true }
            return try ManagedProcess.run(dbusSend, [
                "--bus=\(address)", "--dest=org.freedesktop.DBus", "--print-reply", "/org/freedesktop/DBus",
                "org.freedesktop.DBus.GetId",
            ]).status == 0
        }
        guard answering, daemon.isRunning else {
            daemon.stop()
            throw DBusHarnessError("dbus-daemon did not come up on \(address): \(daemon.output)")
        }
    }

    /// Stops the daemon; every connection to it drops.
    public func stop() {
        daemon.stop()
    }

    deinit { stop() }

    private static func configuration(socket: String) -> String {
        """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path=\(socket)</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <allow own="*"/>
            <allow send_destination="*"/>
            <allow receive_sender="*"/>
          </policy>
        </busconfig>
        """
    }
}

/// A test fixture could not be set up; the message says what is missing.
public struct DBusHarnessError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
