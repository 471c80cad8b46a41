#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A safe replacement for `udevadm trigger`.
///
/// A bare `udevadm trigger` replays `add` for every device, network interfaces included, and the
/// host's rules could then rename `eth0`. This writes `change` into the `uevent` file of devices
/// in a fixed set of subsystems add-ons care about, and refuses any other subsystem. Enumeration
/// goes through libudev, so it sees `/sys/class` and `/sys/bus` devices alike, and every device's
/// own subsystem is checked again before its file is written.
public enum UdevTrigger {
    /// The only subsystems that are ever triggered. Never `net`.
    public static let safeSubsystems: Set<String> = ["tty", "input", "block", "sound", "gpio", "usb"]

    /// The outcome of one trigger.
    public struct Result: Sendable, Equatable {
        /// sysfs paths whose `uevent` accepted `change`.
        public var triggered: [String]
        /// sysfs paths whose `uevent` could not be written (gone meanwhile, read-only sysfs, …).
        public var failed: [String]
    }

    /// Writes `change` to the `uevent` file of every device in `subsystems`.
    ///
    /// Throws `UdevError` with `EINVAL` when a subsystem is not in `safeSubsystems`.
    public static func change(subsystems: Set<String> = safeSubsystems) throws(UdevError) -> Result {
        if let unsafe = subsystems.subtracting(safeSubsystems).sorted().first {
            throw UdevError("trigger of subsystem '\(unsafe)' (not in the safe set)", code: EINVAL)
        }
        let devices = try Udev.devices(UdevQuery(subsystems: subsystems.sorted(), attributes: []))
        var result = Result(triggered: [], failed: [])
        for device in devices where safeSubsystems.contains(device.subsystem) {
            if writeChange(to: device.sysPath + "/uevent") {
                result.triggered.append(device.sysPath)
            } else {
                result.failed.append(device.sysPath)
            }
        }
        return result
    }

    /// Writes `change` to one `uevent` file.
    private static func writeChange(to ueventPath: String) -> Bool {
        let fd = open(ueventPath, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let word = Array("change".utf8)
        return word.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == word.count
    }
}
