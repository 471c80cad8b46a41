import ServiceLifecycle
import SupervisorKernel
import SystemdBridge

/// Follows the host services' name owners for the life of the Supervisor: a service that starts
/// later is picked up, one that vanishes is marked absent, and a lost bus is reconnected.
struct HostPresenceWatcher: Service {
    let runtime: HostRuntime
    var retryInterval: Duration = .seconds(5)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if let connection = runtime.bus.connection() {
                    await watch(connection)
                    runtime.bus.dropConnection()
                    runtime.publish()
                }
                try await Task.sleep(for: retryInterval)
            }
        }
    }

    /// Returns when the connection breaks (every owner stream then ends).
    private func watch(_ connection: DBusConnection) async {
        await withTaskGroup(of: Void.self) { group in
            for service in HostService.allCases {
                group.addTask {
                    do {
                        for try await owner in connection.ownerChanges(of: service.busName) {
                            if runtime.bus.setPresent(service, owner != nil) {
                                runtime.context.logger.info(owner == nil ? "Host service vanished" : "Host service appeared",
                                                            metadata: ["service": "\(service.busName)"])
                                await runtime.refresh()
                            }
                        }
                    } catch {
                        runtime.context.logger.debug("Stopped following a host service", metadata: ["service": "\(service.busName)", "error": "\(error)"])
                    }
                }
            }
            // Hostname and timezone changed by other means (hostnamectl, timedatectl) show up at once.
            for service in [HostService.hostname, .timedate] {
                group.addTask {
                    do {
                        let changes = try await connection.propertiesChanged(sender: service.busName, path: service.path)
                        for try await _ in changes { await runtime.refresh() }
                    } catch {
                        runtime.context.logger.debug("Stopped following properties", metadata: ["service": "\(service.busName)", "error": "\(error)"])
                    }
                }
            }
        }
    }
}
