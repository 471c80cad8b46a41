import ServiceLifecycle
import SystemdBridge

/// sd_notify integration: READY=1 when the API serves, WATCHDOG=1 at half `WATCHDOG_USEC`,
/// STOPPING=1 when graceful shutdown begins. Outside systemd every step is a no-op.
enum SystemdNotify {
    static func ready() {
        SystemdNotifier.notify("READY=1\nSTATUS=Serving the Supervisor API")
    }

    /// The watchdog pinger when systemd asked for one, plus the STOPPING=1 sender.
    static func services() -> [any Service] {
        guard SystemdNotifier.isUnderSystemd else { return [] }
        var services: [any Service] = [StoppingNotifier()]
        if let interval = SystemdNotifier.watchdogInterval() { services.append(WatchdogPinger(interval: interval / 2)) }
        return services
    }
}

/// Sends WATCHDOG=1 every `interval` until shutdown.
struct WatchdogPinger: Service {
    let interval: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                SystemdNotifier.notify("WATCHDOG=1")
                try await Task.sleep(for: interval)
            }
        }
    }
}

/// Tells systemd the moment graceful shutdown starts.
struct StoppingNotifier: Service {
    func run() async throws {
        try? await gracefulShutdown()
        SystemdNotifier.notify("STOPPING=1")
    }
}
