import ServiceLifecycle
import SupervisorKernel

/// Runs the kernel's plugins for the life of the service group: start in boot order, then on
/// graceful shutdown stop in reverse order.
struct KernelService: Service {
    let kernel: Kernel

    func run() async throws {
        await kernel.start()
        try? await gracefulShutdown()
        await kernel.stop()
    }
}
