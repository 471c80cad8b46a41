import UdevBridge

/// The devices `/hardware/info` lists, read fresh from libudev.
///
/// Like the reference Supervisor: every device with a node under `/dev`, except the virtual
/// consoles, pseudo terminals and virtual block devices (`/sys/devices/virtual/{tty,block,vc}/`);
/// each with the sysfs paths of the devices below it as children.
struct DeviceInventory: Sendable {
    /// Listed devices, sorted by sysfs path.
    var devices: [UdevDevice]
    /// Names of input devices (the kernel's `NAME` of `inputN`, which has no node itself), sorted.
    var inputNames: [String]
    /// Every sysfs path libudev knows (any subsystem, node or not), sorted; used for children.
    private var allSysPaths: [String]

    init(devices: [UdevDevice], inputs: [UdevDevice] = [], allSysPaths: [String]) {
        self.devices = devices.filter { !Self.isHidden($0.sysPath) }.sorted { $0.sysPath < $1.sysPath }
        let names = inputs.compactMap { $0.properties["NAME"].map(Self.unquoted) ?? $0.attributes["name"] }
        self.inputNames = Array(Set(names.filter { !$0.isEmpty })).sorted()
        self.allSysPaths = allSysPaths.sorted()
    }

    /// Enumerates the host. When libudev sees nothing (a container without /sys), the lists are empty.
    static func scan() throws(UdevError) -> DeviceInventory {
        let devices = try Udev.devices(UdevQuery(requireDeviceNode: true, attributes: []))
        let inputs = try Udev.devices(UdevQuery(subsystems: ["input"], attributes: ["name"]))
        return DeviceInventory(devices: devices, inputs: inputs, allSysPaths: try Udev.sysPaths())
    }

    /// The sysfs paths strictly below `sysPath`.
    func children(of sysPath: String) -> [String] {
        let prefix = sysPath.hasSuffix("/") ? sysPath : sysPath + "/"
        var low = 0
        var high = allSysPaths.count
        while low < high {
            let middle = (low + high) / 2
            if allSysPaths[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: [String] = []
        while low < allSysPaths.count, allSysPaths[low].hasPrefix(prefix) {
            result.append(allSysPaths[low])
            low += 1
        }
        return result
    }

    /// Devices of one subsystem.
    func devices(in subsystem: String) -> [UdevDevice] { devices.filter { $0.subsystem == subsystem } }

    static func unquoted(_ text: String) -> String {
        var text = Substring(text)
        while text.first == "\"" { text = text.dropFirst() }
        while text.last == "\"" { text = text.dropLast() }
        return String(text)
    }

    static func isHidden(_ sysPath: String) -> Bool {
        ["tty", "block", "vc"].contains { sysPath.hasPrefix("/sys/devices/virtual/\($0)/") }
    }
}
