import Foundation
import Testing
import UdevBridge

/// libudev enumeration against the real /sys and /dev of this machine.
@Suite struct UdevEnumerationTests {
    /// Entries of a /sys/class folder, resolved to their /sys/devices paths.
    static func classDevices(_ subsystem: String) -> Set<String> {
        let folder = "/sys/class/\(subsystem)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(names.compactMap { name in
            guard let resolved = realpath("\(folder)/\(name)", nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        })
    }

    @Test func memDevicesMatchSysfsAndDev() throws {
        let devices = try Udev.devices(UdevQuery(subsystems: ["mem"]))
        #expect(Set(devices.map(\.sysPath)) == Self.classDevices("mem"))
        let null = try #require(devices.first { $0.sysName == "null" })
        #expect(null.sysPath == "/sys/devices/virtual/mem/null")
        #expect(null.subsystem == "mem")
        #expect(null.devNode == "/dev/null")
        #expect(null.properties["DEVNAME"] == "/dev/null")
        #expect(null.properties["SUBSYSTEM"] == "mem")
        #expect(null.isVirtual)
        let sysfsNumbers = try String(contentsOfFile: null.sysPath + "/dev", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect("\(null.properties["MAJOR"] ?? ""):\(null.properties["MINOR"] ?? "")" == sysfsNumbers)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        // glibc's encoding of dev_t (the major()/minor() macros do not import into Swift).
        let rdev = UInt64(info.st_rdev)
        let major = ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfff)
        let minor = (rdev & 0xff) | ((rdev >> 12) & ~0xff)
        #expect(sysfsNumbers == "\(major):\(minor)")
    }

    @Test func ttyEnumerationEqualsSysClassTty() throws {
        let devices = try Udev.devices(UdevQuery(subsystems: ["tty"], attributes: []))
        #expect(!devices.isEmpty)
        #expect(Set(devices.map(\.sysPath)) == Self.classDevices("tty"))
        for device in devices {
            #expect(device.subsystem == "tty")
            if let name = device.properties["DEVNAME"] {  // libudev gives the full /dev path
                #expect(device.devNode == name)
            }
        }
    }

    @Test func blockDevicesHaveTypesAndSysfsAttributes() throws {
        let devices = try Udev.devices(UdevQuery(subsystems: ["block"], requireDeviceNode: true))
        #expect(Set(devices.map(\.sysPath)) == Self.classDevices("block"))
        for device in devices {
            #expect(device.devType == "disk" || device.devType == "partition")
            let size = try String(contentsOfFile: device.sysPath + "/size", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(device.attributes["size"] == size)
            #expect(device.devNode == "/dev/\(device.sysName)")
        }
    }

    @Test func parentsFollowTheSysfsTree() throws {
        let physical = try Udev.devices(UdevQuery(subsystems: ["tty", "block"], includeParents: true))
            .filter { !$0.isVirtual }
        for device in physical {
            let parent = try #require(device.parentSysPath)
            #expect(device.sysPath.hasPrefix(parent + "/"))
            #expect(zip(device.parents, device.parents.dropFirst()).allSatisfy { $0.sysPath.hasPrefix($1.sysPath + "/") })
        }
    }

    @Test func oneDeviceBySysfsPath() throws {
        let zero = try #require(try Udev.device(sysPath: "/sys/devices/virtual/mem/zero"))
        #expect(zero.devNode == "/dev/zero")
        #expect(try Udev.device(sysPath: "/sys/devices/virtual/mem/no-such-device") == nil)
    }

    @Test func unknownSubsystemGivesAnEmptyList() throws {
        #expect(try Udev.devices(UdevQuery(subsystems: ["no-such-subsystem"])).isEmpty)
    }

    @Test func sysPathsCoverEveryDevice() throws {
        let all = Set(try Udev.sysPaths())
        let withNodes = try Udev.devices(UdevQuery(requireDeviceNode: true, attributes: []))
        #expect(!withNodes.isEmpty)
        #expect(withNodes.allSatisfy { all.contains($0.sysPath) && $0.devNode != nil })
    }
}
