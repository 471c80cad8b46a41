#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CUdev

/// Device enumeration through libudev.
///
/// Each call creates its own `udev` context and releases it before returning, so no libudev
/// handle is ever shared between threads; the results are plain Sendable values.
public enum Udev {
    /// True when a udev daemon is running (its control socket exists), so the udev database,
    /// `DEVLINKS` and the `udev` netlink source are available.
    public static var isDaemonRunning: Bool { access("/run/udev/control", F_OK) == 0 }

    /// Every device matching `query`, in libudev's order (sorted by sysfs path).
    public static func devices(_ query: UdevQuery = UdevQuery()) throws(UdevError) -> [UdevDevice] {
        let links = isDaemonRunning ? nil : DevLinkIndex()
        return try withContext { udev throws(UdevError) in
            var result: [UdevDevice] = []
            for sysPath in try scan(udev, subsystems: query.subsystems) {
                guard let device = udev_device_new_from_syspath(udev, sysPath) else { continue }
                defer { udev_device_unref(device) }
                if query.requireDeviceNode && udev_device_get_devnode(device) == nil { continue }
                result.append(UdevDeviceReader.read(
                    device, attributes: query.attributes, includeParents: query.includeParents, links: links))
            }
            return result
        }
    }

    /// The sysfs paths of every device in `subsystems` (all subsystems when empty), without reading them.
    public static func sysPaths(subsystems: [String] = []) throws(UdevError) -> [String] {
        try withContext { udev throws(UdevError) in try scan(udev, subsystems: subsystems) }
    }

    /// One device by its sysfs path, or `nil` when it does not exist.
    public static func device(
        sysPath: String, attributes: [String] = UdevQuery.commonAttributes, includeParents: Bool = false
    ) throws(UdevError) -> UdevDevice? {
        let links = isDaemonRunning ? nil : DevLinkIndex()
        return try withContext { udev in
            guard let device = udev_device_new_from_syspath(udev, sysPath) else { return nil }
            defer { udev_device_unref(device) }
            return UdevDeviceReader.read(device, attributes: attributes, includeParents: includeParents, links: links)
        }
    }

    static func withContext<T>(_ body: (OpaquePointer) throws(UdevError) -> T) throws(UdevError) -> T {
        guard let udev = udev_new() else { throw UdevError("udev_new", code: errno) }
        defer { udev_unref(udev) }
        return try body(udev)
    }

    private static func scan(_ udev: OpaquePointer, subsystems: [String]) throws(UdevError) -> [String] {
        guard let enumerate = udev_enumerate_new(udev) else { throw UdevError("udev_enumerate_new", code: errno) }
        defer { udev_enumerate_unref(enumerate) }
        for subsystem in subsystems {
            let status = udev_enumerate_add_match_subsystem(enumerate, subsystem)
            if status < 0 { throw UdevError("udev_enumerate_add_match_subsystem", code: -status) }
        }
        let status = udev_enumerate_scan_devices(enumerate)
        if status < 0 { throw UdevError("udev_enumerate_scan_devices", code: -status) }
        return UdevDeviceReader.listNames(udev_enumerate_get_list_entry(enumerate))
    }
}
