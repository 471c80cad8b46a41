import Foundation
import SupervisorKernel
import SystemdBridge

/// `/host/info`, `/host/options`, `/host/reload` and the power endpoints.
struct HostInfoRoutes {
    let runtime: HostRuntime

    func register(_ routes: RouteBuilder) {
        routes.get("/host/info", summary: "Hostname, OS, kernel, disk and features of the host", response: HostSchemas.info) { _ in
            .ok(.object(try await info()))
        }
        routes.post("/host/options", summary: "Set the host's static hostname", request: HostSchemas.options) { request in
            let options = try await request.options(HostSchemas.options)
            if let hostname = options["hostname"]?.stringValue {
                try await runtime.context.jobs.run("host_set_hostname", reference: hostname) { _ in
                    _ = try await runtime.bus.call(.hostname, "SetStaticHostname", [.string(hostname), .boolean(false)])
                }
                await runtime.refresh()
            }
            return .ok()
        }
        routes.post("/host/reload", summary: "Re-read what the host services say") { _ in
            try await runtime.context.jobs.run("host_reload") { _ in
                await runtime.checkPresence()
                await runtime.refresh()
            }
            return .ok()
        }
        routes.post("/host/reboot", summary: "Reboot the host", request: HostSchemas.power) { request in
            _ = try await request.json(HostSchemas.power)
            try await power("Reboot")
            return .ok()
        }
        routes.post("/host/shutdown", summary: "Power the host off", request: HostSchemas.power) { request in
            _ = try await request.json(HostSchemas.power)
            try await power("PowerOff")
            return .ok()
        }
    }

    /// logind when present (it honours inhibitors), else systemd's manager.
    func power(_ action: String) async throws {
        try await runtime.context.jobs.run("host_\(action.lowercased())") { _ in
            if runtime.bus.present.contains(.login) {
                _ = try await runtime.bus.call(.login, action, [.boolean(false)])
            } else {
                _ = try await runtime.bus.call(.systemd, action)
            }
        }
    }

    func info() async throws -> [String: JSONValue] {
        let details = runtime.details
        let disk = try await DiskSpace.of(runtime.context.paths.data.path)
        let timedate = runtime.bus.present.contains(.timedate)
        return [
            "agent_version": JSONValue(details.agentVersion),
            "apparmor_version": .null,
            "chassis": JSONValue(details.chassis),
            "virtualization": JSONValue(details.virtualization),
            "cpe": JSONValue(details.cpe),
            "deployment": JSONValue(details.deployment),
            "disk_total": .double(disk.totalGB),
            "disk_used": .double(disk.usedGB),
            "disk_free": .double(disk.freeGB),
            "disk_life_time": .null,
            "features": JSONValue(runtime.features),
            "hostname": JSONValue(details.hostname),
            "llmnr_hostname": .null,
            "kernel": JSONValue(details.kernel),
            "operating_system": JSONValue(details.operatingSystem),
            "timezone": JSONValue(details.timezone),
            "dt_utc": timedate ? .string(Timestamp.iso8601()) : .null,
            "dt_synchronized": JSONValue(details.ntpSynchronized),
            "use_ntp": JSONValue(details.useNTP),
            "startup_time": .null,
            "boot_timestamp": JSONValue(MachineFacts.bootTimestamp()),
            "broadcast_llmnr": .null,
            "broadcast_mdns": .null,
        ]
    }
}

/// Hostnames as RFC 1123 allows them for one label: letters, digits and inner hyphens, 1–63 long.
enum Hostname {
    static func problem(with name: String) -> String? {
        let valid = (1...63).contains(name.utf8.count)
            && name.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            && !name.hasPrefix("-") && !name.hasSuffix("-")
        return valid ? nil : "'\(name)' is not a valid hostname: use 1 to 63 letters, digits or inner hyphens"
    }
}
