import ArgumentParser
import SupervisorKernel
import SupervisorPlugins
import SupervisorServer

/// `supervisord`: the Home Assistant Supervisor daemon.
@main
struct Supervisord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervisord",
        abstract: "Runs the Home Assistant Supervisor and serves its API.",
        version: "\(SupervisorServer.version) (plugins: \(CompiledPlugins.traits.joined(separator: ", ")))")

    @Option(name: .customLong("config"), help: "YAML configuration file (see etc/supervisor.yaml). Flags win over it.")
    var configFile: String?

    @Option(name: .customLong("data-dir"), help: "Directory for all state files (default /data).")
    var dataDirectory: String?

    @Option(help: "Address to listen on (default 0.0.0.0).")
    var host: String?

    @Option(help: "Port to listen on (default 80).")
    var port: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if let logLevel, !["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        var configuration = SupervisorConfiguration()
        if let configFile {
            do {
                configuration = try SupervisorConfiguration.load(file: configFile)
            } catch let error as SupervisorError {
                throw ValidationError(error.message)
            }
        }
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let logLevel { configuration.logLevel = logLevel }
        try await SupervisorServer.run(configuration, plugins: CompiledPlugins.all)
    }
}
