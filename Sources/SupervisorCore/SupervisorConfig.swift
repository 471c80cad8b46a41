import SupervisorKernel

/// The Supervisor's own options, persisted in `config.json`.
struct SupervisorConfig: Codable, Sendable, Equatable {
    var timezone: String?
    var logging: LogLevel = .info
    var debug = false
    var debugBlock = false
    var diagnostics: Bool?
    var waitBoot = 5
    var country: String?
    var detectBlockingIO: DetectBlockingIO = .off
    var featureFlags: [String: Bool] = [:]
    var addonsRepositories: [String] = []

    enum CodingKeys: String, CodingKey {
        case timezone, logging, debug, diagnostics, country
        case debugBlock = "debug_block"
        case waitBoot = "wait_boot"
        case detectBlockingIO = "detect_blocking_io"
        case featureFlags = "feature_flags"
        case addonsRepositories = "addons_repositories"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SupervisorConfig()
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone)
        logging = try container.decodeIfPresent(LogLevel.self, forKey: .logging) ?? defaults.logging
        debug = try container.decodeIfPresent(Bool.self, forKey: .debug) ?? defaults.debug
        debugBlock = try container.decodeIfPresent(Bool.self, forKey: .debugBlock) ?? defaults.debugBlock
        diagnostics = try container.decodeIfPresent(Bool.self, forKey: .diagnostics)
        waitBoot = try container.decodeIfPresent(Int.self, forKey: .waitBoot) ?? defaults.waitBoot
        country = try container.decodeIfPresent(String.self, forKey: .country)
        detectBlockingIO = try container.decodeIfPresent(DetectBlockingIO.self, forKey: .detectBlockingIO) ?? defaults.detectBlockingIO
        featureFlags = try container.decodeIfPresent([String: Bool].self, forKey: .featureFlags) ?? [:]
        addonsRepositories = try container.decodeIfPresent([String].self, forKey: .addonsRepositories) ?? []
    }

    /// Rejects files that decode but hold values the API would never have accepted.
    func validate() throws {
        if let timezone, let problem = Timezones.problem(with: timezone) { throw SupervisorError.badRequest(problem) }
        guard (1...60).contains(waitBoot) else { throw SupervisorError.badRequest("wait_boot out of range") }
    }
}

/// The update channel and auto-update switch, persisted in `updater.json`.
struct UpdaterConfig: Codable, Sendable, Equatable {
    var channel: UpdateChannel = .stable
    var autoUpdate = true

    enum CodingKeys: String, CodingKey {
        case channel
        case autoUpdate = "auto_update"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decodeIfPresent(UpdateChannel.self, forKey: .channel) ?? .stable
        autoUpdate = try container.decodeIfPresent(Bool.self, forKey: .autoUpdate) ?? true
    }
}

enum UpdateChannel: String, Codable, Sendable, CaseIterable {
    case stable, beta, dev
}

enum LogLevel: String, Codable, Sendable, CaseIterable {
    case debug, info, warning, error, critical
}

enum DetectBlockingIO: String, Codable, Sendable, CaseIterable {
    case off, on
    case onAtStartup = "on_at_startup"
}
