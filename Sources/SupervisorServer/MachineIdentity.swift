import Foundation
import SupervisorKernel

/// The architecture, machine type and machine id of the computer the Supervisor runs on.
enum MachineIdentity {
    static func detect(version: String, machine: String?, ipAddress: String) -> SupervisorIdentity {
        let arch = architecture()
        return SupervisorIdentity(
            version: version, arch: arch, supportedArchs: supportedArchitectures(arch),
            machine: machine ?? defaultMachine(arch), machineID: machineID(), ipAddress: ipAddress)
    }

    /// uname's machine in Docker's naming.
    static func architecture() -> String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch machine {
        case "x86_64": return "amd64"
        case "aarch64", "arm64": return "aarch64"
        case "armv7l", "armv8l": return "armv7"
        case "armv6l": return "armhf"
        case "i386", "i686": return "i386"
        default: return machine
        }
    }

    static func supportedArchitectures(_ arch: String) -> [String] {
        switch arch {
        case "amd64": ["amd64", "i386"]
        case "aarch64": ["aarch64", "armv7", "armhf"]
        case "armv7": ["armv7", "armhf"]
        default: [arch]
        }
    }

    /// The generic machine of an architecture, as a Supervisor on a plain Linux host reports it.
    static func defaultMachine(_ arch: String) -> String? {
        switch arch {
        case "amd64": "qemux86-64"
        case "aarch64": "qemuarm-64"
        case "armv7", "armhf": "qemuarm"
        case "i386": "qemux86"
        default: nil
        }
    }

    static func machineID() -> String? {
        for path in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !id.isEmpty { return id }
            }
        }
        return nil
    }
}
