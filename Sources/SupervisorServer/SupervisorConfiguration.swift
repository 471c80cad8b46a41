import Foundation
import SupervisorKernel
import Yams

/// How one Supervisor runs: where its data lives, where it listens, and plugin settings.
///
/// Comes from the YAML file (`--config`, see `etc/supervisor.yaml`) with command-line flags on top.
public struct SupervisorConfiguration: Sendable {
    public var dataDirectory: String = "/data"
    public var host: String = "0.0.0.0"
    public var port: Int = 80
    /// Set by the file or `--log-level`; wins over the level stored with `/supervisor/options` until changed there.
    public var logLevel: String?
    /// Machine type (`qemux86-64`, `raspberrypi4-64`, …); derived from the architecture when unset.
    public var machine: String?
    /// The Supervisor's address on the internal network.
    public var ipAddress: String = "172.30.32.2"
    /// The whole file as JSON; plugins read their `plugins.<slug>` section.
    public var settings: JSONValue = [:]

    public init() {}

    /// Reads a YAML configuration file. Unknown keys are kept for plugins; wrong types are an error.
    public static func load(file path: String) throws -> SupervisorConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SupervisorError.badRequest("Cannot read configuration file \(path): \(error.localizedDescription)")
        }
        let document: JSONValue
        do {
            document = try YAMLDecoder().decode(JSONValue.self, from: text)
        } catch {
            throw SupervisorError.badRequest("Configuration file \(path) is not valid YAML: \(error)")
        }
        try schema.validate(document)
        var configuration = SupervisorConfiguration()
        configuration.settings = document
        if let value = document["data_dir"]?.stringValue { configuration.dataDirectory = value }
        if let value = document["host"]?.stringValue { configuration.host = value }
        if let value = document["port"]?.intValue { configuration.port = value }
        if let value = document["log_level"]?.stringValue { configuration.logLevel = value }
        if let value = document["machine"]?.stringValue { configuration.machine = value }
        if let value = document["ip_address"]?.stringValue { configuration.ipAddress = value }
        return configuration
    }

    static let schema: Schema = .object([
        .init("data_dir", .string()), .init("host", .string()), .init("port", .integer(minimum: 0, maximum: 65535)),
        .init("log_level", .string(.oneOf(["trace", "debug", "info", "notice", "warning", "error", "critical"]))),
        .init("machine", .string()), .init("ip_address", .string()),
        .init("plugins", .map(.map(.any))),
    ], additional: .any)
}
