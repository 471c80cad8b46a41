import ServiceLifecycle
import SupervisorKernel
import UdevBridge

/// Publishes a `HardwareEvent` on the kernel bus for every udev hotplug event.
///
/// Runs until graceful shutdown or until the plugin stops. Without a monitor (no netlink
/// permission) it only waits for shutdown, so the Supervisor keeps running.
struct HotplugService: Service {
    let runtime: HardwareRuntime

    func run() async throws {
        runtime.openMonitor()
        guard let monitor = runtime.takeMonitorForPump(), let bus = runtime.bus else {
            try await gracefulShutdown()
            return
        }
        defer { monitor.cancel() }
        for await event in monitor.events.cancelOnGracefulShutdown() {
            bus.publish(Self.hardwareEvent(event))
        }
    }

    static func hardwareEvent(_ event: UdevEvent) -> HardwareEvent {
        HardwareEvent(
            action: HardwareEvent.Action(rawValue: event.action) ?? .other,
            subsystem: event.device.subsystem,
            sysfsPath: event.device.sysPath,
            devicePath: event.device.devNode,
            properties: event.device.properties)
    }
}
