import Foundation
import SupervisorKernel

/// `/supervisor/*`: the Supervisor's own state, options, logs, stats and update.
struct SupervisorRoutes {
    let runtime: CoreRuntime
    var context: PluginContext { runtime.context }

    func register(_ routes: RouteBuilder) {
        routes.get("/supervisor/ping", summary: "Answer when the API is up (no token needed)") { _ in .ok() }
        routes.get("/supervisor/info", summary: "The Supervisor's version, options and installed add-ons", response: Self.infoSchema) { _ in
            .ok(.object(info()))
        }
        routes.post("/supervisor/options", summary: "Change the Supervisor's options (at least one key)", request: Self.optionsSchema) { request in
            try apply(try await request.options(Self.optionsSchema))
            return .ok()
        }
        routes.post("/supervisor/reload", summary: "Re-read versions and host facts") { _ in
            try await context.jobs.run("supervisor_reload") { _ in context.bus.publish(ReloadRequested()) }
            return .ok()
        }
        routes.post("/supervisor/repair", summary: "Repair the Supervisor's data directory") { _ in
            try await context.jobs.run("supervisor_repair") { job in try Repair(context: context).run(job) }
            return .ok()
        }
        routes.get("/supervisor/stats", summary: "CPU, memory, network and block I/O of the Supervisor process", response: Self.statsSchema) { _ in
            .ok(.object(runtime.stats.snapshot()))
        }
        routes.post("/supervisor/update", summary: "Update the Supervisor", request: Self.updateSchema) { request in
            try update(try await request.json(Self.updateSchema)["version"]?.stringValue)
            return .ok()
        }
        SupervisorLogRoutes(logs: context.logs).register(routes)
    }

    func info() -> [String: JSONValue] {
        let config = runtime.config.current
        let facts = context.facts.current
        let latest = facts.latestVersions["supervisor"]
        let version = context.identity.version
        return [
            "version": .string(version),
            "version_latest": JSONValue(latest),
            "update_available": .bool(latest.map { Versions.isNewer($0, than: version) } ?? false),
            "channel": .string(runtime.updater.current.channel.rawValue),
            "arch": .string(context.identity.arch),
            "supported": .bool(runtime.supported),
            "healthy": .bool(runtime.healthy),
            "ip_address": .string(context.identity.ipAddress),
            "timezone": .string(runtime.timezone),
            "logging": .string(config.logging.rawValue),
            "debug": .bool(config.debug),
            "debug_block": .bool(config.debugBlock),
            "diagnostics": JSONValue(config.diagnostics),
            "auto_update": .bool(runtime.updater.current.autoUpdate),
            "country": JSONValue(config.country),
            "detect_blocking_io": .bool(config.detectBlockingIO != .off),
            "feature_flags": .object(config.featureFlags.mapValues(JSONValue.bool)),
            "wait_boot": .int(config.waitBoot),
            "addons": .array(facts.installedAddons),
            "addons_repositories": JSONValue(config.addonsRepositories),
        ]
    }

    /// Applies validated options and saves them; nothing is applied if saving fails.
    func apply(_ options: [String: JSONValue]) throws {
        try runtime.config.update { config in
            if let value = options["timezone"]?.stringValue { config.timezone = value }
            if let value = options["logging"]?.stringValue.flatMap(LogLevel.init(rawValue:)) { config.logging = value }
            if let value = options["debug"]?.boolValue { config.debug = value }
            if let value = options["debug_block"]?.boolValue { config.debugBlock = value }
            if let value = options["diagnostics"] { config.diagnostics = value.boolValue }
            if let value = options["wait_boot"]?.intValue { config.waitBoot = value }
            if let value = options["country"] { config.country = value.stringValue }
            if let value = options["detect_blocking_io"]?.stringValue.flatMap(DetectBlockingIO.init(rawValue:)) {
                config.detectBlockingIO = value
            }
            if let flags = options["feature_flags"]?.objectValue {
                for (flag, enabled) in flags { config.featureFlags[flag] = enabled.boolValue }
            }
            if let repositories = options["addons_repositories"]?.arrayValue {
                config.addonsRepositories = repositories.compactMap(\.stringValue)
            }
        }
        if options["channel"] != nil || options["auto_update"] != nil {
            try runtime.updater.update { updater in
                if let value = options["channel"]?.stringValue.flatMap(UpdateChannel.init(rawValue:)) { updater.channel = value }
                if let value = options["auto_update"]?.boolValue { updater.autoUpdate = value }
            }
        }
        context.logs.level = runtime.config.current.logging.loggerLevel
    }

    func update(_ requested: String?) throws {
        let current = context.identity.version
        guard let latest = context.facts.current.latestVersions["supervisor"] else {
            throw SupervisorError(.failedPrecondition,
                "Supervisor update not available: no version source has answered, so the newest version is unknown")
        }
        let target = requested ?? latest
        guard Versions.isNewer(target, than: current) || requested != nil else {
            throw SupervisorError(.failedPrecondition, "No supervisor update available - \(current)")
        }
        throw SupervisorError(.unavailable,
            "Supervisor update to \(target) needs the container subsystem, which is not available in this build")
    }

    static let optionsSchema: Schema = .options([
        .init("channel", .string(.oneOf(UpdateChannel.self))),
        .init("timezone", .string(.init(check: Timezones.problem(with:)))),
        .init("wait_boot", .integer(minimum: 1, maximum: 60)),
        .init("debug", .boolean), .init("debug_block", .boolean), .init("diagnostics", .nullable(.boolean)),
        .init("logging", .string(.oneOf(LogLevel.self))),
        .init("addons_repositories", .array(.string(.init(check: Repositories.problem(with:))))),
        .init("auto_update", .boolean), .init("country", .nullable(.string(.init(check: { $0.count == 2 ? nil : "expected a two-letter country code" })))),
        .init("detect_blocking_io", .string(.oneOf(DetectBlockingIO.self))),
        .init("feature_flags", .map(.boolean)),
        .init("content_trust", .boolean, summary: "Accepted for old clients; has no effect"),
        .init("force_security", .boolean, summary: "Accepted for old clients; has no effect"),
    ])

    static let updateSchema: Schema = .object([.init("version", .string())])

    static let statsSchema: Schema = .object(
        ["cpu_percent", "memory_percent"].map { .init($0, .number, required: true) }
            + ["memory_usage", "memory_limit", "network_rx", "network_tx", "blk_read", "blk_write"].map { .init($0, .integer(), required: true) })

    static let infoSchema: Schema = .object([
        .init("version", .string(), required: true), .init("version_latest", .nullable(.string()), required: true),
        .init("update_available", .boolean, required: true), .init("channel", .string(.oneOf(UpdateChannel.self)), required: true),
        .init("arch", .string(), required: true), .init("supported", .boolean, required: true),
        .init("healthy", .boolean, required: true), .init("ip_address", .string(.init(format: "ipv4")), required: true),
        .init("timezone", .string(), required: true), .init("logging", .string(.oneOf(LogLevel.self)), required: true),
        .init("debug", .boolean, required: true), .init("debug_block", .boolean, required: true),
        .init("diagnostics", .nullable(.boolean), required: true), .init("auto_update", .boolean, required: true),
        .init("country", .nullable(.string()), required: true), .init("detect_blocking_io", .boolean, required: true),
        .init("feature_flags", .map(.boolean), required: true), .init("wait_boot", .integer(), required: true),
        .init("addons", .array(.map(.any)), required: true), .init("addons_repositories", .array(.string()), required: true),
    ])
}

/// Add-on repository addresses.
enum Repositories {
    static func problem(with url: String) -> String? {
        let schemes = ["https://", "http://", "git://", "ssh://", "git@"]
        guard schemes.contains(where: url.hasPrefix), url.count > 8, !url.contains(" ") else {
            return "'\(url)' is not a repository URL (https://…, git@…)"
        }
        return nil
    }
}

/// Comparison of calendar versions such as `2026.11.1` or `2026.11.0.dev1203`.
enum Versions {
    static func isNewer(_ candidate: String, than current: String) -> Bool {
        let lhs = components(candidate)
        let rhs = components(current)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            if left != right { return left > right }
        }
        return false
    }

    private static func components(_ version: String) -> [Int] {
        version.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
    }
}
