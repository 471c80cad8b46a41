/// The Supervisor's life-cycle state, as `/info` reports it.
public enum SupervisorState: String, Sendable, Codable {
    case initialize, setup, startup, running, freeze, shutdown, stopping, close
}

/// Published when the Supervisor's state changes.
public struct SupervisorStateChanged: SupervisorEvent {
    public let state: SupervisorState
    public init(_ state: SupervisorState) { self.state = state }
}

/// Published when a job is created, progresses or finishes.
public struct JobChanged: SupervisorEvent {
    public let job: JobSnapshot
    public init(_ job: JobSnapshot) { self.job = job }
}

/// Published when a setting in the shared system facts changes (e.g. timezone, hostname).
public struct SystemFactsChanged: SupervisorEvent {
    public let facts: SystemFacts
    public init(_ facts: SystemFacts) { self.facts = facts }
}

/// A device appeared, changed or vanished (udev hotplug).
public struct HardwareEvent: SupervisorEvent {
    public enum Action: String, Sendable { case add, remove, change, bind, unbind, move, other }
    public let action: Action
    public let subsystem: String
    public let sysfsPath: String
    public let devicePath: String?
    public let properties: [String: String]

    public init(action: Action, subsystem: String, sysfsPath: String, devicePath: String?, properties: [String: String]) {
        self.action = action
        self.subsystem = subsystem
        self.sysfsPath = sysfsPath
        self.devicePath = devicePath
        self.properties = properties
    }
}

/// `/supervisor/reload` asks every subsystem to re-read what it knows (versions, host facts).
public struct ReloadRequested: SupervisorEvent {
    public init() {}
}
