import Foundation
import Logging

/// What the kernel hands a plugin: shared mechanisms, never another plugin's internals.
public struct PluginContext: Sendable {
    public let bus: EventBus
    public let state: StateStore
    public let jobs: JobManager
    public let tokens: TokenRegistry
    public let facts: SystemFactsStore
    public let logger: Logger
    public let paths: SupervisorPaths
    /// The plugin's section of the configuration file (`plugins.<slug>`), or an empty object.
    public let settings: JSONValue
    /// The Supervisor's own identity, read-only.
    public let identity: SupervisorIdentity
    /// The Supervisor's own log (ring buffer, follow, level).
    public let logs: LogRecorder
    /// Every registered route, once the kernel has frozen the table (for `/openapi.json`).
    public let catalog: RouteCatalog
    /// The kernel's life-cycle state and plugin report.
    public let status: KernelStatus
}

/// Where the Supervisor keeps its files.
public struct SupervisorPaths: Sendable {
    /// Root of all state (`--data-dir`).
    public let data: URL

    public init(data: URL) { self.data = data }

    /// A sub-folder of the data dir, created on demand.
    public func folder(_ name: String) throws -> URL {
        let url = data.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Facts about this Supervisor build and machine that every part may read.
public struct SupervisorIdentity: Sendable {
    public let version: String
    /// Docker-style architecture name: amd64, aarch64, armv7, armhf, i386.
    public let arch: String
    public let supportedArchs: [String]
    public let machine: String?
    public let machineID: String?
    /// The Supervisor's address on the internal network (`ip_address` in `/supervisor/info`).
    public let ipAddress: String

    public init(version: String, arch: String, supportedArchs: [String], machine: String?, machineID: String?,
                ipAddress: String = "172.30.32.2") {
        self.ipAddress = ipAddress
        self.version = version
        self.arch = arch
        self.supportedArchs = supportedArchs
        self.machine = machine
        self.machineID = machineID
    }
}
