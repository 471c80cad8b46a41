import Foundation
import ServiceLifecycle
import SupervisorKernel
import UdevBridge

/// The hardware subsystem: devices from libudev, ALSA cards, a safe udev trigger and hotplug events.
///
/// Hotplug events are published on the kernel bus as `HardwareEvent`, so the add-on subsystem can
/// hand new devices to containers without importing this plugin.
public struct HardwarePlugin: SupervisorPlugin {
    public let slug = "hardware"
    private let runtime = HardwareRuntime()
    /// Where ALSA's files are read from (`/proc/asound`).
    private let asoundRoot: String

    public init() { asoundRoot = "/proc/asound" }

    public func setup(_ context: PluginContext) async throws { runtime.configure(context) }

    public func start() async throws {
        runtime.resume()
        runtime.openMonitor()
    }

    public func stop() async { runtime.closeMonitor() }

    public var services: [any Service] { [HotplugService(runtime: runtime)] }

    public func registerRoutes(_ routes: RouteBuilder) {
        let runtime = runtime
        let asoundRoot = asoundRoot
        routes.get("/hardware/info", summary: "Devices, drives and the older flat device lists",
                   response: HardwareSchemas.info) { _ in
            .ok(try await BlockingWork.run {
                HardwareInfo.json(inventory: Self.scan(runtime), alsa: AlsaCatalog.load(root: asoundRoot),
                                  gpioClassNames: Self.gpioClassNames())
            })
        }
        routes.get("/hardware/audio", summary: "ALSA playback and capture devices",
                   response: HardwareSchemas.audio) { _ in
            let devices = try await BlockingWork.run {
                let sound = (try? Udev.devices(UdevQuery(subsystems: ["sound"], attributes: ["id"], includeParents: true))) ?? []
                return AudioDevices.load(alsa: AlsaCatalog.load(root: asoundRoot), udevSound: sound)
            }
            return .ok(["audio": ["input": .object(devices.input.mapValues(JSONValue.string)),
                                  "output": .object(devices.output.mapValues(JSONValue.string))]])
        }
        routes.post("/hardware/trigger", summary: "Replay change events for tty, input, block, sound, gpio and usb",
                    response: HardwareSchemas.trigger) { _ in
            let subsystems = UdevTrigger.safeSubsystems
            let result: UdevTrigger.Result
            do {
                result = try await BlockingWork.run { try UdevTrigger.change(subsystems: subsystems) }
            } catch {
                throw SupervisorError(.backendFailure, "udev trigger failed: \(error)")
            }
            runtime.logger.info("Triggered udev change events", metadata: [
                "devices": "\(result.triggered.count)", "failed": "\(result.failed.count)"])
            return .ok(["triggered": .int(result.triggered.count), "failed": .int(result.failed.count),
                        "subsystems": JSONValue(subsystems.sorted())])
        }
    }

    /// Enumerates; a libudev failure is logged and answered with empty lists, never an error.
    static func scan(_ runtime: HardwareRuntime) -> DeviceInventory {
        do {
            return try DeviceInventory.scan()
        } catch {
            runtime.logger.warning("Cannot enumerate devices", metadata: ["error": "\(error)"])
            return DeviceInventory(devices: [], allSysPaths: [])
        }
    }

    /// Entries of the legacy `/sys/class/gpio` folder (absent on most hosts).
    static func gpioClassNames() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "/sys/class/gpio")) ?? []
    }
}
