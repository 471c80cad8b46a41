import Foundation

/// A job as it stands at one moment.
public struct JobSnapshot: Sendable, Equatable {
    public var uuid: String
    public var name: String
    public var reference: String?
    /// 0 to 100.
    public var progress: Double = 0
    public var stage: String?
    /// `nil` before it starts, `false` while running, `true` when finished.
    public var done: Bool?
    public var errors: [JobError] = []
    public var created: Date
    public var parentID: String?
    public var extra: JSONValue?
    /// Internal jobs are not listed by the API.
    public var isInternal: Bool = false

    /// The API form, without children (the manager adds `child_jobs`).
    public var json: [String: JSONValue] {
        [
            "name": .string(name), "reference": JSONValue(reference), "uuid": .string(uuid),
            "progress": .double((progress * 10).rounded() / 10), "stage": JSONValue(stage), "done": JSONValue(done),
            "errors": .array(errors.map(\.json)), "created": .string(Timestamp.iso8601(created)),
            "extra": extra ?? .null,
        ]
    }

}

/// A failure recorded on a job.
public struct JobError: Sendable, Equatable {
    public var type: String
    public var message: String
    public var stage: String?

    public var json: JSONValue {
        ["type": .string(type), "message": .string(message), "stage": JSONValue(stage)]
    }
}

/// Conditions a user may tell the job manager to ignore (`/jobs/options`).
public enum JobCondition: String, Sendable, Codable, CaseIterable {
    case autoUpdate = "auto_update"
    case freeSpace = "free_space"
    case frozen
    case haos
    case healthy
    case homeAssistantCoreSupported = "home_assistant_core_supported"
    case hostNetwork = "host_network"
    case internetHost = "internet_host"
    case internetSystem = "internet_system"
    case mountAvailable = "mount_available"
    case osAgent = "os_agent"
    case osSupported = "os_supported"
    case pluginsUpdated = "plugins_updated"
    case running
    case supervisorUpdated = "supervisor_updated"
    case architectureSupported = "architecture_supported"
}
