import Foundation
import Logging
import ServiceLifecycle

/// The microkernel: loads plugins, owns the shared mechanisms and answers API requests.
///
/// It knows nothing of HTTP servers: an adapter turns server requests into `APIRequest`s and
/// calls `handle(_:)`.
public final class Kernel: Sendable {
    public let bus: EventBus
    public let state: StateStore
    public let jobs: JobManager
    public let tokens: TokenRegistry
    public let facts: SystemFactsStore
    public let logs: LogRecorder
    public let paths: SupervisorPaths
    public let identity: SupervisorIdentity
    public let catalog: RouteCatalog
    public let status: KernelStatus
    public let logger: Logger
    /// The whole configuration; plugins get their `plugins.<slug>` section.
    public let settings: JSONValue
    private let loaded = LoadedPlugins()

    public init(paths: SupervisorPaths, identity: SupervisorIdentity, settings: JSONValue = [:], logs: LogRecorder) {
        self.paths = paths
        self.identity = identity
        self.settings = settings
        self.logs = logs
        self.logger = Logger(label: "supervisor.kernel") { logs.makeHandler(label: $0) }
        bus = EventBus()
        state = StateStore(directory: paths.data, logger: logger)
        jobs = JobManager(bus: bus, store: state)
        tokens = TokenRegistry()
        facts = SystemFactsStore(bus: bus)
        catalog = RouteCatalog()
        status = KernelStatus(bus: bus)
    }

    /// A logger whose lines land in the Supervisor's log.
    public func makeLogger(_ label: String) -> Logger {
        Logger(label: label) { [logs] in logs.makeHandler(label: $0) }
    }

    /// The context a plugin receives.
    public func context(for slug: String) -> PluginContext {
        PluginContext(
            bus: bus, state: state, jobs: jobs, tokens: tokens, facts: facts, logger: makeLogger("supervisor.\(slug)"),
            paths: paths, settings: settings["plugins"]?[slug] ?? [:], identity: identity, logs: logs,
            catalog: catalog, status: status)
    }

    // MARK: Life cycle

    /// Sets up `plugins` in dependency order and freezes the route table.
    ///
    /// A plugin whose setup throws, whose dependency is missing or failed, or whose routes clash
    /// is left out and reported; the others load.
    public func load(_ plugins: [any SupervisorPlugin]) async {
        status.set(.setup)
        var routes: [Route] = []
        var ready: [any SupervisorPlugin] = []
        var failed: Set<String> = []
        for plugin in PluginOrder.sorted(plugins) {
            if let missing = plugin.dependencies.first(where: { dependency in !ready.contains { $0.slug == dependency } }) {
                let reason = failed.contains(missing) ? "depends on \(missing), which failed" : "depends on \(missing), which is not compiled in"
                report(plugin.slug, failure: reason)
                failed.insert(plugin.slug)
                continue
            }
            do {
                try await plugin.setup(context(for: plugin.slug))
                let builder = RouteBuilder(owner: plugin.slug)
                plugin.registerRoutes(builder)
                _ = try RouteTable(routes + builder.routes)
                routes += builder.routes
                ready.append(plugin)
                report(plugin.slug, failure: nil)
            } catch {
                report(plugin.slug, failure: (error as? SupervisorError)?.message ?? "\(error)")
                failed.insert(plugin.slug)
            }
        }
        // Checked route by route above, so the union cannot clash.
        catalog.freeze(try! RouteTable(routes))
        loaded.set(ready)
    }

    /// Starts the loaded plugins in boot order. A plugin whose start fails is logged; others go on.
    public func start() async {
        status.set(.startup)
        for plugin in loaded.plugins {
            do {
                try await plugin.start()
            } catch {
                logger.error("Plugin failed to start", metadata: ["plugin": "\(plugin.slug)", "error": "\(error)"])
            }
        }
        status.set(.running)
    }

    /// Stops the loaded plugins in reverse boot order and ends the event streams.
    public func stop() async {
        status.set(.shutdown)
        for plugin in loaded.plugins.reversed() { await plugin.stop() }
        status.set(.close)
        bus.finish()
    }

    /// The long-running services of every loaded plugin.
    public var pluginServices: [any Service] { loaded.plugins.flatMap(\.services) }

    private func report(_ slug: String, failure: String?) {
        if let failure {
            logger.error("Plugin left out", metadata: ["plugin": "\(slug)", "reason": "\(failure)"])
        } else {
            logger.debug("Plugin loaded", metadata: ["plugin": "\(slug)"])
        }
        status.record(.init(slug: slug, failure: failure))
    }
}
