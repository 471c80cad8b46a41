import Foundation
import Testing
import UdevBridge

/// The netlink monitor on this machine: kernel uevents caused by writing `uevent` files.
@Suite struct UdevMonitorTests {
    /// Asks the kernel to resend a `change` uevent for one device.
    static func requestChange(_ sysfs: String) throws {
        try "change".write(toFile: sysfs + "/uevent", atomically: false, encoding: .utf8)
    }

    @Test func createsAndCancelsCleanly() async throws {
        for source in UdevMonitor.Source.allCases {
            let monitor = try UdevMonitor(source: source, subsystems: ["mem"])
            #expect(monitor.source == source)
            monitor.cancel()
            monitor.cancel()
            var received = 0
            for await _ in monitor.events { received += 1 }
            // The stream ended; anything before the cancel may have been delivered, nothing hangs.
            #expect(received >= 0)
        }
    }

    @Test func droppingTheConsumerStopsTheMonitor() async throws {
        let monitor = try UdevMonitor(source: .kernel, subsystems: ["mem"])
        let consumer = Task { for await _ in monitor.events {} }
        consumer.cancel()
        await consumer.value
        for await _ in monitor.events {}
    }

    @Test(.timeLimit(.minutes(1)))
    func kernelChangeEventArrives() async throws {
        let monitor = try UdevMonitor(source: .kernel, subsystems: ["mem"])
        defer { monitor.cancel() }
        try Self.requestChange("/sys/devices/virtual/mem/null")
        var match: UdevEvent?
        for await event in monitor.events where event.device.sysPath == "/sys/devices/virtual/mem/null" {
            match = event
            break
        }
        let event = try #require(match)
        #expect(event.action == "change")
        #expect(event.device.subsystem == "mem")
        #expect(event.device.devNode == "/dev/null")
        #expect(event.device.properties["ACTION"] == "change")
        #expect(event.device.properties["DEVNAME"] == "/dev/null")
    }

    @Test(.timeLimit(.minutes(1)))
    func subsystemFilterDropsOtherSubsystems() async throws {
        let monitor = try UdevMonitor(source: .kernel, subsystems: ["tty"])
        defer { monitor.cancel() }
        try Self.requestChange("/sys/devices/virtual/mem/null")
        try Self.requestChange("/sys/devices/virtual/tty/tty")
        for await event in monitor.events {
            #expect(event.device.subsystem == "tty")
            if event.device.sysPath == "/sys/devices/virtual/tty/tty" { break }
        }
    }
}
