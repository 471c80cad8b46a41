import Foundation
import Testing
import UdevBridge

/// The safe trigger: only tty, input, block, sound, gpio and usb; never net.
@Suite struct UdevTriggerTests {
    @Test func safeSetExcludesNet() {
        #expect(UdevTrigger.safeSubsystems == ["tty", "input", "block", "sound", "gpio", "usb"])
        #expect(!UdevTrigger.safeSubsystems.contains("net"))
    }

    @Test func refusesSubsystemsOutsideTheSafeSet() {
        for unsafe: Set<String> in [["net"], ["tty", "net"], ["mem"]] {
            #expect(throws: UdevError.self) { try UdevTrigger.change(subsystems: unsafe) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func triggersEveryTtyAndTheKernelReportsIt() async throws {
        let monitor = try UdevMonitor(source: .kernel, subsystems: ["tty"])
        defer { monitor.cancel() }
        let result = try UdevTrigger.change(subsystems: ["tty"])
        let expected = Set(try Udev.sysPaths(subsystems: ["tty"]))
        #expect(Set(result.triggered + result.failed) == expected)
        #expect(result.failed.isEmpty)
        var pending = Set(result.triggered)
        for await event in monitor.events where event.action == "change" {
            pending.remove(event.device.sysPath)
            if pending.isEmpty { break }
        }
        #expect(pending.isEmpty)
    }
}
