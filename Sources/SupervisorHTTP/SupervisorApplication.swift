import Hummingbird
import Logging
import SupervisorKernel

/// Builds the Hummingbird application that serves a kernel.
public enum SupervisorApplication {
    /// An application listening on `host:port` that hands every request to `kernel`.
    public static func make(
        kernel: Kernel, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            responder: KernelResponder<BasicRequestContext>(kernel: kernel),
            configuration: .init(address: .hostname(host, port: port), serverName: "Supervisor"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
