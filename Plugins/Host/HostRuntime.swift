import Foundation
import Synchronization
import SupervisorKernel
import SystemdBridge

/// The Host subsystem's shared state: bus, journal and the host details last read.
final class HostRuntime: Sendable {
    let context: PluginContext
    let bus: HostBus
    /// `nil` when no journal can be opened on this host.
    let journal: Journal?
    private let detailsValue = Mutex(HostDetails())

    init(context: PluginContext) {
        self.context = context
        bus = HostBus(address: context.settings["dbus_address"]?.stringValue, logger: context.logger)
        if let directory = context.settings["journal_directory"]?.stringValue {
            journal = try? Journal.open(directory: directory)
        } else if ["/var/log/journal", "/run/log/journal"].contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            journal = try? Journal.openSystem()
        } else {
            journal = nil
        }
        if journal == nil { context.logger.info("No systemd journal on this host; host logs are not available") }
    }

    var details: HostDetails { detailsValue.withLock { $0 } }

    var features: [String] { hostFeatures(present: bus.present, journal: journal != nil) }

    /// Asks the bus which services are there now.
    func checkPresence() async {
        guard let connection = bus.connection() else {
            for service in HostService.allCases { bus.setPresent(service, false) }
            return
        }
        await withTaskGroup(of: (HostService, Bool).self) { group in
            for service in HostService.allCases {
                group.addTask { (service, (try? await connection.nameHasOwner(service.busName)) ?? false) }
            }
            for await (service, present) in group { bus.setPresent(service, present) }
        }
    }

    /// Re-reads the host details and publishes them as system facts.
    func refresh() async {
        let details = await HostDetails.read(from: bus)
        detailsValue.withLock { $0 = details }
        publish()
    }

    /// Copies what other subsystems may read into the kernel's system facts.
    func publish() {
        let details = details
        let present = bus.present
        let features = features
        context.facts.update { facts in
            facts.hostname = details.hostname
            facts.operatingSystem = details.operatingSystem
            facts.kernel = details.kernel
            facts.hostTimezone = details.timezone
            facts.hostFeatures = features
            Self.mark(&facts, "dbus", unsupported: bus.connection() == nil)
            Self.mark(&facts, "systemd", unsupported: !present.contains(.systemd))
            Self.mark(&facts, "systemd_journal", unsupported: journal == nil)
        }
    }

    private static func mark(_ facts: inout SystemFacts, _ reason: String, unsupported: Bool) {
        if unsupported { facts.unsupportedReasons.insert(reason) } else { facts.unsupportedReasons.remove(reason) }
    }
}
