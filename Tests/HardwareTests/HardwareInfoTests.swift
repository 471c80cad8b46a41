import Foundation
import SupervisorKernel
import Testing

/// `GET /hardware/info` through the kernel, compared with the real /sys.
@Suite struct HardwareInfoTests {
    @Test func listsDevicesWithNodesLikeTheReference() async throws {
        let hardware = try await HardwareKernel()
        let data = try await hardware.data("/hardware/info")
        let devices = try #require(data["devices"]?.arrayValue)
        let null = try #require(devices.first { $0["sysfs"] == "/sys/devices/virtual/mem/null" })
        #expect(null["name"] == "null")
        #expect(null["dev_path"] == "/dev/null")
        #expect(null["subsystem"] == "mem")
        #expect(null["by_id"] == .null)
        #expect(null["attributes"]?["DEVNAME"] == "/dev/null")
        #expect(null["children"] == [])
        for device in devices {
            let sysfs = try #require(device["sysfs"]?.stringValue)
            #expect(device["dev_path"]?.stringValue?.hasPrefix("/dev/") == true)
            #expect(!sysfs.hasPrefix("/sys/devices/virtual/tty/") && !sysfs.hasPrefix("/sys/devices/virtual/vc/"))
            #expect(!sysfs.hasPrefix("/sys/devices/virtual/block/"))
            for child in device["children"]?.arrayValue ?? [] {
                #expect(child.stringValue?.hasPrefix(sysfs + "/") == true)
            }
        }
    }

    @Test func ttyAndBlockDevicesMatchSysClass() async throws {
        let hardware = try await HardwareKernel()
        let devices = try #require(try await hardware.data("/hardware/info")["devices"]?.arrayValue)
        func listed(_ subsystem: String) -> [String] {
            devices.filter { $0["subsystem"]?.stringValue == subsystem }.compactMap { $0["sysfs"]?.stringValue }.sorted()
        }
        func expected(_ subsystem: String) -> [String] {
            Sysfs.classDevices(subsystem).filter { !$0.hasPrefix("/sys/devices/virtual/") && Sysfs.hasNode($0) }
        }
        #expect(listed("tty") == expected("tty"))
        #expect(listed("block") == expected("block"))
    }

    @Test func diskChildrenAreItsPartitions() async throws {
        let hardware = try await HardwareKernel()
        let devices = try #require(try await hardware.data("/hardware/info")["devices"]?.arrayValue)
        for disk in devices where disk["subsystem"] == "block" {
            let sysfs = try #require(disk["sysfs"]?.stringValue)
            let partitions = ((try? FileManager.default.contentsOfDirectory(atPath: sysfs)) ?? [])
                .filter { FileManager.default.fileExists(atPath: "\(sysfs)/\($0)/partition") }
                .map { "\(sysfs)/\($0)" }
            let children = Set(disk["children"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(Set(partitions).isSubset(of: children))
        }
    }

    @Test func servesTheOlderFlatLists() async throws {
        let hardware = try await HardwareKernel()
        let data = try await hardware.data("/hardware/info")
        let disks = try #require(data["disk"]?.arrayValue).compactMap(\.stringValue)
        let expectedDisks = Sysfs.classDevices("block").filter { !$0.hasPrefix("/sys/devices/virtual/") }
            .map { "/dev/" + ($0.split(separator: "/").last.map(String.init) ?? "") }
        #expect(disks.sorted() == expectedDisks.sorted())
        let serial = try #require(data["serial"]?.arrayValue).compactMap(\.stringValue)
        for tty in Sysfs.classDevices("tty") where !tty.hasPrefix("/sys/devices/virtual/") {
            #expect(serial.contains("/dev/" + (tty.split(separator: "/").last.map(String.init) ?? "")))
        }
        #expect(!serial.contains("/dev/tty0"))
        #expect(data["input"]?.arrayValue != nil)
        let gpioChips = Sysfs.classDevices("gpio").isEmpty && !FileManager.default.fileExists(atPath: "/sys/bus/gpio")
        if gpioChips { #expect(data["gpio"] == []) }
        #expect(data["audio"]?.objectValue != nil)
        #expect(data["drives"] == [])
    }
}
