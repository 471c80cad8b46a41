import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SupervisorCore
import SupervisorHTTP
import SupervisorKernel

/// Assembles and runs a Supervisor: kernel, plugins, HTTP server and life cycle.
///
/// `supervisord` uses it with the compiled-in plugins; a vendor executable passes its own list.
public enum SupervisorServer {
    /// The version this build reports.
    public static let version = "2026.11.0"

    /// A kernel with the core plugin and `plugins` loaded, ready to serve.
    public static func makeKernel(
        _ configuration: SupervisorConfiguration, plugins: [any SupervisorPlugin], logs: LogRecorder
    ) async throws -> Kernel {
        let data = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        } catch {
            throw SupervisorError(.internalError, "Cannot create data directory \(data.path): \(error.localizedDescription)")
        }
        let identity = MachineIdentity.detect(version: version, machine: configuration.machine, ipAddress: configuration.ipAddress)
        let kernel = Kernel(paths: SupervisorPaths(data: data), identity: identity, settings: configuration.settings, logs: logs)
        await kernel.load([CorePlugin()] + plugins)
        return kernel
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully.
    public static func run(_ configuration: SupervisorConfiguration, plugins: [any SupervisorPlugin]) async throws {
        let requestedLevel = configuration.logLevel.flatMap(Logger.Level.init(rawValue:))
        let logs = LogRecorder(level: requestedLevel ?? .info)
        LoggingSystem.bootstrap { logs.makeHandler(label: $0) }
        let logger = Logger(label: "supervisor")
        let started = ContinuousClock.now
        let kernel = try await makeKernel(configuration, plugins: plugins, logs: logs)
        if let requestedLevel { logs.level = requestedLevel }
        let app = SupervisorApplication.make(
            kernel: kernel, host: configuration.host, port: configuration.port, logger: Logger(label: "supervisor.http")
        ) { port in
            logger.info("Supervisor API is serving", metadata: [
                "address": "\(configuration.host):\(port)", "startup": "\(ContinuousClock.now - started)",
                "data_dir": "\(configuration.dataDirectory)",
            ])
            SystemdNotify.ready()
        }
        let services: [any Service] = [KernelService(kernel: kernel), app] + kernel.pluginServices + SystemdNotify.services()
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
