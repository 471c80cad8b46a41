import ServiceLifecycle

/// A subsystem of the Supervisor: Host, Hardware, Docker, Add-ons, ….
///
/// The kernel sets plugins up in dependency order, asks each for its routes, starts them in the
/// same order and stops them in reverse. A plugin that fails to set up is reported and left out,
/// with the plugins that depend on it; the rest run.
public protocol SupervisorPlugin: Sendable {
    /// A short stable name, e.g. `host`.
    var slug: String { get }
    /// Slugs of plugins that must be set up and started before this one.
    var dependencies: [String] { get }
    /// Prepares the plugin: load state, connect to backends. Throwing leaves the plugin out.
    func setup(_ context: PluginContext) async throws
    /// Adds the plugin's endpoints. Called after a successful `setup`.
    func registerRoutes(_ routes: RouteBuilder)
    /// Starts work after every plugin has been set up (boot order).
    func start() async throws
    /// Stops work (reverse boot order). Must not throw: shut down what can be shut down.
    func stop() async
    /// Long-running services (watchdogs, signal pumps) run for the life of the Supervisor.
    var services: [any Service] { get }
}

extension SupervisorPlugin {
    public var dependencies: [String] { [] }
    public func start() async throws {}
    public func stop() async {}
    public var services: [any Service] { [] }
}
