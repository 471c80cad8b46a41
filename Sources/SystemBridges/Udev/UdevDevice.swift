/// One device as libudev describes it, copied out of libudev so it can cross threads.
public struct UdevDevice: Sendable, Hashable {
    /// The sysfs path, e.g. `/sys/devices/virtual/mem/null`.
    public var sysPath: String
    /// The last component of the sysfs path, e.g. `null`, `ttyUSB0`, `sda1`.
    public var sysName: String
    /// The kernel subsystem, e.g. `tty`, `block`, `input`; empty when the kernel names none.
    public var subsystem: String
    /// The device type within the subsystem, e.g. `disk` or `partition` for block devices.
    public var devType: String?
    /// The device node, e.g. `/dev/ttyUSB0`, when the device has one.
    public var devNode: String?
    /// Symlinks to the device node: udev's `DEVLINKS`, completed from `/dev/*/by-id` when needed.
    public var devLinks: [String]
    /// Every udev property (from the udev database when udevd runs, else the kernel's `uevent`).
    public var properties: [String: String]
    /// The sysfs attributes that were asked for and exist, e.g. `name`, `model`, `vendor`.
    public var attributes: [String: String]
    /// The bound driver, if any.
    public var driver: String?
    /// Ancestors from the nearest parent up to the root, when asked for.
    public var parents: [UdevParent]

    public init(
        sysPath: String, sysName: String, subsystem: String, devType: String? = nil, devNode: String? = nil,
        devLinks: [String] = [], properties: [String: String] = [:], attributes: [String: String] = [:],
        driver: String? = nil, parents: [UdevParent] = []
    ) {
        self.sysPath = sysPath
        self.sysName = sysName
        self.subsystem = subsystem
        self.devType = devType
        self.devNode = devNode
        self.devLinks = devLinks
        self.properties = properties
        self.attributes = attributes
        self.driver = driver
        self.parents = parents
    }

    /// The parent's sysfs path, if the device has a parent.
    public var parentSysPath: String? { parents.first?.sysPath }

    /// The first link of the form `/dev/<dir>/by-id/<name>`, the stable name add-ons map.
    public var byID: String? {
        devLinks.first { link in
            let parts = link.split(separator: "/", omittingEmptySubsequences: true)
            return parts.count == 4 && parts[0] == "dev" && parts[2] == "by-id"
        }
    }

    /// True for devices under `/sys/devices/virtual/` (no physical parent).
    public var isVirtual: Bool { sysPath.contains("/devices/virtual/") }

    /// An attribute of this device or, failing that, of the nearest ancestor that has it.
    public func attribute(_ name: String) -> String? {
        attributes[name] ?? parents.lazy.compactMap { $0.attributes[name] }.first
    }
}

/// An ancestor of a device (USB hub, PCI function, SCSI host, …).
public struct UdevParent: Sendable, Hashable {
    public var sysPath: String
    public var subsystem: String?
    public var devType: String?
    public var driver: String?
    /// The sysfs attributes that were asked for and exist on this ancestor.
    public var attributes: [String: String]

    public init(sysPath: String, subsystem: String?, devType: String?, driver: String?, attributes: [String: String]) {
        self.sysPath = sysPath
        self.subsystem = subsystem
        self.devType = devType
        self.driver = driver
        self.attributes = attributes
    }
}
