/// What to enumerate and how much to read about each device.
public struct UdevQuery: Sendable, Hashable {
    /// Subsystems to match; empty matches every subsystem.
    public var subsystems: [String]
    /// Only devices that have a device node under `/dev`.
    public var requireDeviceNode: Bool
    /// sysfs attributes to read from each device (and each parent when `includeParents`).
    public var attributes: [String]
    /// Fill `UdevDevice.parents` with the ancestor chain.
    public var includeParents: Bool

    public init(
        subsystems: [String] = [], requireDeviceNode: Bool = false, attributes: [String] = UdevQuery.commonAttributes,
        includeParents: Bool = false
    ) {
        self.subsystems = subsystems
        self.requireDeviceNode = requireDeviceNode
        self.attributes = attributes
        self.includeParents = includeParents
    }

    /// Attributes useful for naming devices: input and card names, disk model and vendor, USB descriptors.
    public static let commonAttributes = [
        "name", "model", "vendor", "id", "number", "size", "removable", "ro", "partition",
        "manufacturer", "product", "serial", "idVendor", "idProduct", "label", "ngpio", "base",
    ]
}
