import SupervisorKernel

/// Request and response shapes of the Host endpoints, for validation and `/openapi.json`.
enum HostSchemas {
    static let options: Schema = .options([
        .init("hostname", .string(.init(check: Hostname.problem(with:))), summary: "The new static hostname"),
    ])

    static let power: Schema = .object([.init("force", .boolean, summary: "Accepted for current clients")])

    static let info: Schema = .object(
        ["agent_version", "apparmor_version", "chassis", "virtualization", "cpe", "deployment", "hostname",
         "llmnr_hostname", "kernel", "operating_system", "timezone", "dt_utc"].map { .init($0, .nullable(.string()), required: true) }
        + ["disk_total", "disk_used", "disk_free"].map { .init($0, .number, required: true) }
        + ["disk_life_time", "startup_time"].map { .init($0, .nullable(.number), required: true) }
        + ["dt_synchronized", "use_ntp", "broadcast_llmnr", "broadcast_mdns"].map { .init($0, .nullable(.boolean), required: true) }
        + [.init("boot_timestamp", .nullable(.integer()), required: true), .init("features", .array(.string()), required: true)])

    static let services: Schema = .object([
        .init("services", .array(.object([
            .init("name", .string(), required: true), .init("description", .string(), required: true),
            .init("state", .string(), required: true),
        ])), required: true),
    ])

    static let identifiers: Schema = .object([.init("identifiers", .array(.string()), required: true)])
    static let boots: Schema = .object([.init("boots", .map(.string()), required: true)])

    static let diskUsage: Schema = .object([
        .init("id", .string(), required: true), .init("label", .string()), .init("total_bytes", .integer()),
        .init("used_bytes", .integer(), required: true),
        .init("children", .array(.object([
            .init("id", .string(), required: true), .init("label", .string()), .init("used_bytes", .integer(), required: true),
        ]))),
    ])
}
