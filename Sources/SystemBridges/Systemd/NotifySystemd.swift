import CSystemd
import Glibc

/// The sd_notify protocol: tells the service manager about readiness, liveness and shutdown.
/// Outside systemd (no `NOTIFY_SOCKET`) every call is a no-op that returns `false`.
public enum SystemdNotifier {
    /// Whether a service manager is listening for notifications (`NOTIFY_SOCKET` is set).
    public static var isUnderSystemd: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Sends `state` (newline-separated assignments such as `READY=1`, `WATCHDOG=1`, `STOPPING=1`,
    /// `STATUS=...`). Returns whether it was delivered.
    @discardableResult
    public static func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// How often the service manager expects `WATCHDOG=1` at the latest (`WATCHDOG_USEC`), or `nil` when
    /// no watchdog is set up for this process (`WATCHDOG_PID`, when set, must be ours). Send at half this interval.
    public static func watchdogInterval() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(microseconds)
    }
}
