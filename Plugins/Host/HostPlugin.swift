import ServiceLifecycle
import SupervisorKernel

/// The host subsystem: hostname, power, systemd services and logs, over D-Bus and the journal.
///
/// Settings (`plugins.host` in the configuration): `dbus_address` to use a bus other than the
/// system bus, `journal_directory` to read journal files from a folder instead of the host journal.
public final class HostPlugin: SupervisorPlugin, @unchecked Sendable {
    // Set once in `setup`, before routes are registered or services run; read-only afterwards.
    private var runtime: HostRuntime!

    public let slug = "host"

    public init() {}

    public func setup(_ context: PluginContext) async throws {
        runtime = HostRuntime(context: context)
        await runtime.checkPresence()
        await runtime.refresh()
        let subscription = context.bus.subscribe(to: ReloadRequested.self)
        let runtime = runtime!
        Task {
            for await _ in subscription {
                await runtime.checkPresence()
                await runtime.refresh()
            }
        }
    }

    public func registerRoutes(_ routes: RouteBuilder) {
        HostInfoRoutes(runtime: runtime).register(routes)
        HostServiceRoutes(runtime: runtime).register(routes)
        HostLogRoutes(runtime: runtime).register(routes)
        HostDiskRoutes(runtime: runtime).register(routes)
    }

    public func stop() async { runtime.bus.close() }

    public var services: [any Service] { [HostPresenceWatcher(runtime: runtime)] }
}
