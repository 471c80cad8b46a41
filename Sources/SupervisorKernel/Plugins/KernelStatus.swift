import Synchronization

/// The kernel's state and what happened to each plugin, readable by every plugin.
public final class KernelStatus: Sendable {
    /// The outcome of loading one plugin.
    public struct PluginReport: Sendable, Equatable {
        public let slug: String
        /// `nil` when the plugin runs; the reason when it was left out.
        public let failure: String?
    }

    private let stateValue = Mutex(SupervisorState.initialize)
    private let reportsValue = Mutex<[PluginReport]>([])
    private let bus: EventBus

    init(bus: EventBus) { self.bus = bus }

    public var state: SupervisorState { stateValue.withLock { $0 } }
    public var plugins: [PluginReport] { reportsValue.withLock { $0 } }

    func set(_ state: SupervisorState) {
        stateValue.withLock { $0 = state }
        bus.publish(SupervisorStateChanged(state))
    }

    func record(_ report: PluginReport) { reportsValue.withLock { $0.append(report) } }
}

/// Read access to the frozen route table.
public final class RouteCatalog: Sendable {
    private let table = Mutex<RouteTable?>(nil)

    init() {}

    /// Every route, in registration order (empty before the kernel froze the table).
    public var routes: [Route] { table.withLock { $0?.routes ?? [] } }

    var current: RouteTable? { table.withLock { $0 } }

    func freeze(_ routes: RouteTable) { table.withLock { $0 = routes } }
}
