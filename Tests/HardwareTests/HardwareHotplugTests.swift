import Foundation
import SupervisorKernel
import Testing

/// Hotplug: a uevent becomes a `HardwareEvent` on the kernel bus.
@Suite struct HardwareHotplugTests {
    @Test(.timeLimit(.minutes(1)))
    func ueventReachesTheBus() async throws {
        let hardware = try await HardwareKernel()
        let kernel = hardware.kernel
        await kernel.start()
        let events = kernel.bus.subscribe(to: HardwareEvent.self)
        let services = kernel.pluginServices
        #expect(services.count == 1)
        let pump = Task { try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { try await service.run() } }
            try await group.waitForAll()
        } }
        // The monitor was bound by start(), so this event is not lost even if the pump starts later.
        try "change".write(toFile: "/sys/devices/virtual/mem/null/uevent", atomically: false, encoding: .utf8)
        var match: HardwareEvent?
        for await event in events where event.sysfsPath == "/sys/devices/virtual/mem/null" {
            match = event
            break
        }
        let event = try #require(match)
        #expect(event.action == .change)
        #expect(event.subsystem == "mem")
        #expect(event.devicePath == "/dev/null")
        #expect(event.properties["DEVNAME"] == "/dev/null")
        await kernel.stop()
        // Stopping the plugin closes the monitor, which ends the service.
        try await pump.value
    }
}
