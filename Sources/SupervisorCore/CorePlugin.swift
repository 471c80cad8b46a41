import Foundation
import SupervisorKernel
import Logging

/// The Supervisor's own API: `/supervisor/*`, `/info`, `/jobs/*` and `/openapi.json`.
///
/// Always compiled in, so a kernel-only board still answers these.
public final class CorePlugin: SupervisorPlugin, @unchecked Sendable {
    // Set once in `setup`, before any route runs; read-only afterwards.
    private var runtime: CoreRuntime!

    public let slug = "supervisor"

    public init() {}

    public func setup(_ context: PluginContext) async throws {
        runtime = try CoreRuntime(context)
    }

    public func registerRoutes(_ routes: RouteBuilder) {
        SupervisorRoutes(runtime: runtime).register(routes)
        RootRoutes(runtime: runtime).register(routes)
        JobRoutes(jobs: runtime.context.jobs).register(routes)
        OpenAPIRoutes(catalog: runtime.context.catalog, version: runtime.context.identity.version).register(routes)
    }
}

/// State shared by the core route groups.
final class CoreRuntime: Sendable {
    let context: PluginContext
    let config: StateFile<SupervisorConfig>
    let updater: StateFile<UpdaterConfig>
    let stats = ProcessStats()
    /// The zone of /etc, read once: it only changes through timedate1, which the Host plugin reports.
    let systemTimezone = Timezones.host()

    init(_ context: PluginContext) throws {
        self.context = context
        config = StateFile(store: context.state, name: "config", defaults: SupervisorConfig()) { try $0.validate() }
        updater = StateFile(store: context.state, name: "updater", defaults: UpdaterConfig())
        try CoreTokens.bootstrap(context)
        context.logs.level = config.current.logging.loggerLevel
    }

    /// The configured timezone, else the host's (timedate1 via the Host plugin, else /etc).
    var timezone: String {
        config.current.timezone ?? context.facts.current.hostTimezone ?? systemTimezone
    }

    var supported: Bool {
        context.facts.current.unsupportedReasons.isEmpty && context.identity.supportedArchs.contains(context.identity.arch)
    }

    var healthy: Bool { context.facts.current.unhealthyReasons.isEmpty }
}

extension LogLevel {
    var loggerLevel: Logger.Level {
        switch self {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}
