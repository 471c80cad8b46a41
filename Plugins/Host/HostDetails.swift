import Foundation
import SystemdBridge

/// What hostname1, timedate1 and the kernel say about the host, read on load and reload.
struct HostDetails: Sendable, Equatable {
    var hostname: String?
    var chassis: String?
    var deployment: String?
    var cpe: String?
    var operatingSystem: String?
    var kernel: String?
    var virtualization: String?
    var timezone: String?
    var useNTP: Bool?
    var ntpSynchronized: Bool?
    var agentVersion: String?

    /// Reads the present services; what is missing comes from the machine itself.
    static func read(from bus: HostBus) async -> HostDetails {
        let present = bus.present
        var details = HostDetails()
        if present.contains(.hostname) {
            let properties = await bus.properties(.hostname)
            details.hostname = nonEmpty(properties["StaticHostname"]?.stringValue) ?? nonEmpty(properties["Hostname"]?.stringValue)
            details.chassis = nonEmpty(properties["Chassis"]?.stringValue)
            details.deployment = nonEmpty(properties["Deployment"]?.stringValue)
            details.cpe = nonEmpty(properties["OperatingSystemCPEName"]?.stringValue)
            details.operatingSystem = nonEmpty(properties["OperatingSystemPrettyName"]?.stringValue)
            details.kernel = nonEmpty(properties["KernelRelease"]?.stringValue)
        }
        if present.contains(.timedate) {
            let properties = await bus.properties(.timedate)
            details.timezone = nonEmpty(properties["Timezone"]?.stringValue)
            details.useNTP = properties["NTP"]?.boolValue
            details.ntpSynchronized = properties["NTPSynchronized"]?.boolValue
        }
        if present.contains(.systemd) {
            details.virtualization = nonEmpty(await bus.properties(.systemd)["Virtualization"]?.stringValue)
        }
        if present.contains(.osAgent) {
            details.agentVersion = nonEmpty(await bus.properties(.osAgent)["Version"]?.stringValue)
        }
        details.kernel = details.kernel ?? MachineFacts.kernelRelease()
        details.operatingSystem = details.operatingSystem ?? MachineFacts.osPrettyName()
        details.hostname = details.hostname ?? MachineFacts.hostname()
        return details
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// Facts read from the machine when no D-Bus service tells them.
enum MachineFacts {
    static func kernelRelease() -> String? {
        var name = utsname()
        guard uname(&name) == 0 else { return nil }
        return withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    static func osPrettyName() -> String? {
        for path in ["/etc/os-release", "/usr/lib/os-release"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    static func hostname() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// When the kernel booted, microseconds since the epoch (`btime` in /proc/stat).
    static func bootTimestamp() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
              let seconds = Int(line.split(separator: " ")[1])
        else { return nil }
        return seconds * 1_000_000
    }
}
