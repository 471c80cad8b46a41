import Synchronization

/// What the subsystems know about the machine, shared through the kernel.
///
/// The Host plugin fills in hostname, OS and timezone; a container plugin the engine version; and
/// so on. The Supervisor's own `/info` reads it, so no plugin needs another plugin's internals.
public struct SystemFacts: Sendable, Equatable {
    public var hostname: String?
    public var operatingSystem: String?
    public var kernel: String?
    /// Host features such as `reboot`, `hostname`, `services`, `journal`.
    public var hostFeatures: [String] = []
    /// The host's timezone, when a plugin read it (timedate1); the configured one wins otherwise.
    public var hostTimezone: String?
    public var dockerVersion: String?
    public var homeAssistantVersion: String?
    public var osVersion: String?
    /// Newest published versions by component (`supervisor`, `homeassistant`, `hassos`, …), from the version source.
    public var latestVersions: [String: String] = [:]
    /// Installed add-ons as `/supervisor/info` lists them; filled by the add-on subsystem.
    public var installedAddons: [JSONValue] = []
    /// Reasons the installation is not supported; empty means supported.
    public var unsupportedReasons: Set<String> = []
    /// Reasons the installation is not healthy; empty means healthy.
    public var unhealthyReasons: Set<String> = []

    public init() {}
}

/// The shared, observable `SystemFacts`.
public final class SystemFactsStore: Sendable {
    private let facts = Mutex(SystemFacts())
    private let bus: EventBus

    public init(bus: EventBus) { self.bus = bus }

    public var current: SystemFacts { facts.withLock { $0 } }

    /// Changes the facts and tells subscribers when something changed.
    public func update(_ change: (inout SystemFacts) -> Void) {
        let (before, after) = facts.withLock { facts in
            let before = facts
            change(&facts)
            return (before, facts)
        }
        if before != after { bus.publish(SystemFactsChanged(after)) }
    }
}
