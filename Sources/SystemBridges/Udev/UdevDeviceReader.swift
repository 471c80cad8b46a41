import CUdev

/// Copies a `udev_device` into a `UdevDevice`. Call only on the thread that owns the handle.
enum UdevDeviceReader {
    static func read(
        _ device: OpaquePointer, attributes: [String], includeParents: Bool, links: DevLinkIndex?
    ) -> UdevDevice {
        let sysPath = string(udev_device_get_syspath(device)) ?? ""
        let devNode = string(udev_device_get_devnode(device))
        var devLinks = listNames(udev_device_get_devlinks_list_entry(device))
        if let devNode, let extra = links?.links(to: devNode) {
            for link in extra where !devLinks.contains(link) { devLinks.append(link) }
        }
        var parents: [UdevParent] = []
        if includeParents {
            var parent = udev_device_get_parent(device)
            while let current = parent {
                parents.append(UdevParent(
                    sysPath: string(udev_device_get_syspath(current)) ?? "",
                    subsystem: string(udev_device_get_subsystem(current)),
                    devType: string(udev_device_get_devtype(current)),
                    driver: string(udev_device_get_driver(current)),
                    attributes: readAttributes(current, attributes)))
                parent = udev_device_get_parent(current)
            }
        }
        return UdevDevice(
            sysPath: sysPath,
            sysName: string(udev_device_get_sysname(device)) ?? lastComponent(sysPath),
            subsystem: string(udev_device_get_subsystem(device)) ?? "",
            devType: string(udev_device_get_devtype(device)),
            devNode: devNode,
            devLinks: devLinks,
            properties: listPairs(udev_device_get_properties_list_entry(device)),
            attributes: readAttributes(device, attributes),
            driver: string(udev_device_get_driver(device)),
            parents: parents)
    }

    /// The action of a device received from a monitor (`add`, `remove`, …).
    static func action(_ device: OpaquePointer) -> String? { string(udev_device_get_action(device)) }

    static func readAttributes(_ device: OpaquePointer, _ names: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for name in names {
            guard let value = string(udev_device_get_sysattr_value(device, name)) else { continue }
            result[name] = value.trimmingWhitespace()
        }
        return result
    }

    /// The names of a libudev list (`udev_list_entry_get_name`).
    static func listNames(_ first: OpaquePointer?) -> [String] {
        var names: [String] = []
        var entry = first
        while let current = entry {
            if let name = string(udev_list_entry_get_name(current)) { names.append(name) }
            entry = udev_list_entry_get_next(current)
        }
        return names
    }

    /// The name/value pairs of a libudev list.
    static func listPairs(_ first: OpaquePointer?) -> [String: String] {
        var pairs: [String: String] = [:]
        var entry = first
        while let current = entry {
            if let name = string(udev_list_entry_get_name(current)) {
                pairs[name] = string(udev_list_entry_get_value(current)) ?? ""
            }
            entry = udev_list_entry_get_next(current)
        }
        return pairs
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines (sysfs values end in a newline).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
