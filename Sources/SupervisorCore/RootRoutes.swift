import SupervisorKernel

/// `GET /info`: a digest of the other `/…/info` endpoints.
struct RootRoutes {
    let runtime: CoreRuntime

    func register(_ routes: RouteBuilder) {
        routes.get("/info", summary: "Selected facts about the Supervisor, Core, OS and host", response: Self.schema) { _ in
            .ok(.object(info()))
        }
    }

    func info() -> [String: JSONValue] {
        let facts = runtime.context.facts.current
        let identity = runtime.context.identity
        return [
            "supervisor": .string(identity.version),
            "homeassistant": JSONValue(facts.homeAssistantVersion),
            "hassos": JSONValue(facts.osVersion),
            "docker": .string(facts.dockerVersion ?? "unknown"),
            "hostname": JSONValue(facts.hostname),
            "operating_system": JSONValue(facts.operatingSystem),
            "features": JSONValue(facts.hostFeatures),
            "machine": JSONValue(identity.machine),
            "machine_id": JSONValue(identity.machineID),
            "arch": .string(identity.arch),
            "state": .string(runtime.context.status.state.rawValue),
            "supported_arch": JSONValue(identity.supportedArchs),
            "supported": .bool(runtime.supported),
            "channel": .string(runtime.updater.current.channel.rawValue),
            "logging": .string(runtime.config.current.logging.rawValue),
            "timezone": .string(runtime.timezone),
        ]
    }

    static let schema: Schema = .object([
        .init("supervisor", .string(), required: true), .init("homeassistant", .nullable(.string())),
        .init("hassos", .nullable(.string())), .init("docker", .string(), required: true),
        .init("hostname", .nullable(.string())), .init("operating_system", .nullable(.string())),
        .init("features", .array(.string()), required: true), .init("machine", .nullable(.string())),
        .init("machine_id", .nullable(.string())), .init("arch", .string(), required: true),
        .init("state", .string(.oneOf(["initialize", "setup", "startup", "running", "freeze", "shutdown", "stopping", "close"])), required: true),
        .init("supported_arch", .array(.string()), required: true), .init("supported", .boolean, required: true),
        .init("channel", .string(.oneOf(UpdateChannel.self)), required: true),
        .init("logging", .string(.oneOf(LogLevel.self)), required: true), .init("timezone", .string(), required: true),
    ])
}
