import SupervisorKernel
import SystemdBridge

/// `/host/services` and `/host/service/{service}/start|stop|reload|restart` over systemd1.
struct HostServiceRoutes {
    let runtime: HostRuntime

    func register(_ routes: RouteBuilder) {
        routes.get("/host/services", summary: "systemd services on the host", response: HostSchemas.services) { _ in
            .ok(["services": .array(try await units().map { ["name": .string($0.name), "description": .string($0.description), "state": .string($0.state)] })])
        }
        for (action, method) in [("start", "StartUnit"), ("stop", "StopUnit"), ("reload", "ReloadUnit"), ("restart", "RestartUnit")] {
            routes.post("/host/service/{service}/\(action)", summary: "\(action.capitalized) a systemd service") { request in
                let unit = try Self.unitName(request.parameter("service"))
                try await runtime.context.jobs.run("host_service_\(action)", reference: unit) { _ in
                    do {
                        _ = try await runtime.bus.call(.systemd, method, [.string(unit), .string("replace")])
                    } catch let error as SupervisorError where error.message.contains("NoSuchUnit") || error.message.contains("KeyError") {
                        throw SupervisorError.notFound("Service \(unit) does not exist on this host")
                    }
                }
                return .ok()
            }
        }
    }

    /// `ListUnits` filtered to services: name, description, active state.
    func units() async throws -> [(name: String, description: String, state: String)] {
        let reply = try await runtime.bus.call(.systemd, "ListUnits")
        return (reply.first?.arrayValue ?? []).compactMap { unit in
            guard let fields = unit.structureValue, fields.count >= 4, let name = fields[0].stringValue,
                  name.hasSuffix(".service")
            else { return nil }
            return (name, fields[1].stringValue ?? "", fields[3].stringValue ?? "")
        }
    }

    /// Unit names as systemd accepts them; a bare name means `NAME.service`.
    static func unitName(_ text: String) throws(SupervisorError) -> String {
        let allowed = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || ":-_.@\\".utf8.contains(byte)
        }
        guard !text.isEmpty, text.count <= 255, allowed else {
            throw .badRequest("'\(text)' is not a valid systemd unit name")
        }
        return text.contains(".") ? text : "\(text).service"
    }
}
