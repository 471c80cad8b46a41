import Foundation
import Logging
import Synchronization
import SupervisorKernel
import SystemdBridge

/// The connection to the system bus and which host services are on it right now.
///
/// A missing bus or service is a normal state, not an error: the features it provides are left
/// out and its endpoints answer "not available on this host" until it appears.
final class HostBus: Sendable {
    private struct State {
        var connection: DBusConnection?
        var present: Set<HostService> = []
    }

    private let state = Mutex(State())
    /// An explicit bus address (tests, containers); `nil` for the system bus.
    let address: String?
    private let logger: Logger

    init(address: String?, logger: Logger) {
        self.address = address
        self.logger = logger
    }

    /// The live connection, connecting first if there is none.
    func connection() -> DBusConnection? {
        if let existing = state.withLock({ $0.connection }) { return existing }
        do {
            let connection = try address.map { try DBusConnection(address: $0) } ?? DBusConnection.system()
            return state.withLock { state in
                if let raced = state.connection {
                    connection.close()
                    return raced
                }
                state.connection = connection
                return connection
            }
        } catch {
            logger.debug("System bus not reachable", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Forgets a connection that broke; every service counts as gone until it is seen again.
    func dropConnection() {
        let old = state.withLock { state in
            defer {
                state.connection = nil
                state.present = []
            }
            return state.connection
        }
        old?.close()
    }

    var present: Set<HostService> { state.withLock { $0.present } }

    /// Records whether `service` has an owner; returns whether that changed anything.
    @discardableResult
    func setPresent(_ service: HostService, _ isPresent: Bool) -> Bool {
        state.withLock { state in
            isPresent ? state.present.insert(service).inserted : state.present.remove(service) != nil
        }
    }

    /// The connection for a call to `service`, or the error the API answers when it is absent.
    func require(_ service: HostService) throws(SupervisorError) -> DBusConnection {
        guard present.contains(service), let connection = connection() else {
            throw SupervisorError.unavailable("\(service.busName) is not available on this host")
        }
        return connection
    }

    /// Calls a method of `service`'s main object, mapping D-Bus failures to API errors.
    func call(
        _ service: HostService, _ member: String, _ arguments: [DBusValue] = [], interface: String? = nil
    ) async throws -> [DBusValue] {
        let connection = try require(service)
        do {
            return try await connection.call(
                destination: service.busName, path: service.path, interface: interface ?? service.interface,
                member: member, arguments: arguments)
        } catch let error as DBusError {
            throw Self.apiError(error, service: service)
        }
    }

    /// All properties of `service`'s main interface; empty when it does not answer.
    func properties(_ service: HostService) async -> [String: DBusValue] {
        guard let connection = try? require(service) else { return [:] }
        do {
            return try await connection.allProperties(destination: service.busName, path: service.path, interface: service.interface)
        } catch {
            logger.warning("Could not read properties", metadata: ["service": "\(service.busName)", "error": "\(error)"])
            return [:]
        }
    }

    func close() {
        state.withLock { $0.connection }?.close()
    }

    static func apiError(_ error: DBusError, service: HostService) -> SupervisorError {
        switch error.code {
        case .serviceUnknown, .disconnected:
            return .unavailable("\(service.busName) is not available on this host")
        case .noReply, .timeout:
            return SupervisorError(.backendFailure, "\(service.busName) did not answer in time")
        case .accessDenied:
            return SupervisorError(.backendFailure, "\(service.busName) refused the request: \(error.message)")
        default:
            return SupervisorError(.backendFailure, "\(service.busName): \(error.message.isEmpty ? error.name : error.message)")
        }
    }
}
