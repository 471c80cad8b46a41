import Foundation
import SystemTestSupport
import Testing
import UdevBridge

/// The /dev/*/by-* link index used when udevd has no database.
@Suite struct UdevDevLinkTests {
    @Test func indexesLinksByTheNodeTheyResolveTo() throws {
        let dev = try TemporaryDirectory(prefix: "udev-links")
        let files = FileManager.default
        try files.createDirectory(atPath: dev.file("serial/by-id"), withIntermediateDirectories: true)
        try files.createDirectory(atPath: dev.file("serial/by-path"), withIntermediateDirectories: true)
        try files.createDirectory(atPath: dev.file("disk/other"), withIntermediateDirectories: true)
        #expect(files.createFile(atPath: dev.file("ttyUSB0"), contents: nil))
        try files.createSymbolicLink(atPath: dev.file("serial/by-id/usb-Acme_Stick-if00"), withDestinationPath: "../../ttyUSB0")
        try files.createSymbolicLink(atPath: dev.file("serial/by-path/pci-usb-0:1"), withDestinationPath: "../../ttyUSB0")
        try files.createSymbolicLink(atPath: dev.file("disk/other/ignored"), withDestinationPath: "../../ttyUSB0")
        try files.createSymbolicLink(atPath: dev.file("serial/by-id/dangling"), withDestinationPath: "../../missing")

        let root = try #require(realpath(dev.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        let index = DevLinkIndex(devRoot: root)
        #expect(index.links(to: "\(root)/ttyUSB0") == [
            "\(root)/serial/by-id/usb-Acme_Stick-if00", "\(root)/serial/by-path/pci-usb-0:1",
        ])
        #expect(index.nodes == ["\(root)/ttyUSB0"])
    }

    @Test func byIDPicksTheByIDLink() {
        let device = UdevDevice(
            sysPath: "/sys/devices/x/ttyUSB0", sysName: "ttyUSB0", subsystem: "tty", devNode: "/dev/ttyUSB0",
            devLinks: ["/dev/serial/by-path/pci-0:1", "/dev/serial/by-id/usb-Acme-if00"])
        #expect(device.byID == "/dev/serial/by-id/usb-Acme-if00")
        #expect(UdevDevice(sysPath: "/sys/x", sysName: "x", subsystem: "tty").byID == nil)
    }

    @Test func realDevLinksResolveToTheirNodes() throws {
        let index = DevLinkIndex()
        for node in index.nodes {
            for link in index.links(to: node) {
                let resolved = try #require(realpath(link, nil))
                defer { free(resolved) }
                #expect(String(cString: resolved) == node)
            }
        }
    }
}
