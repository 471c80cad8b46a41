import SupervisorKernel
import Testing
import UdevBridge

/// `POST /hardware/trigger`: allowed for Core, refused for a default-role add-on.
@Suite struct HardwareTriggerTests {
    @Test func defaultRoleAddonIsRefused() async throws {
        let hardware = try await HardwareKernel()
        let (status, body) = try await hardware.call(.post, "/hardware/trigger", token: HardwareKernel.addonToken)
        #expect(status == 403)
        #expect(body["result"] == "error")
        // The add-on may still read info endpoints.
        let (infoStatus, _) = try await hardware.call(.get, "/hardware/info", token: HardwareKernel.addonToken)
        #expect(infoStatus == 200)
    }

    @Test func coreTriggersOnlyTheSafeSubsystems() async throws {
        let hardware = try await HardwareKernel()
        let before = try Udev.sysPaths(subsystems: UdevTrigger.safeSubsystems.sorted())
        let data = try await hardware.data("/hardware/trigger", method: .post)
        let after = try Udev.sysPaths(subsystems: UdevTrigger.safeSubsystems.sorted())
        #expect(data["subsystems"] == ["block", "gpio", "input", "sound", "tty", "usb"])
        #expect(before.allSatisfy { !$0.contains("/net/") })
        if before == after {  // no device came or went meanwhile
            #expect(data["triggered"]?.intValue == before.count)
            #expect(data["failed"] == 0)
        }
    }
}
