import Foundation
import SupervisorKernel
import SupervisorTestSupport
import SystemTestSupport
import Testing

extension HostTests {
    @Suite struct Services {
        @Test func listsServiceUnitsAndControlsThem() async throws {
            let host = try await HostEnvironment(services: ["systemd"])
            let systemd = try #require(host.mocks["systemd"])
            let list = try await host.call(.get, "/host/services")
            #expect(list.isOK, "\(list.text)")
            let services = list.data["services"]?.arrayValue ?? []
            #expect(services.compactMap { $0["name"]?.stringValue } == ["ssh.service", "docker.service"])
            #expect(services.first?["state"] == "active")
            #expect(services.first?["description"] == "OpenSSH server")

            #expect(try await host.call(.post, "/host/service/ssh/start").isOK)
            #expect(try systemd.methodCalls("StartUnit") == ["['ssh.service', 'replace']"])
            #expect(try await host.call(.post, "/host/service/docker.service/stop").isOK)
            #expect(try systemd.methodCalls("StopUnit") == ["['docker.service', 'replace']"])
            #expect(try await host.call(.post, "/host/service/ssh.service/reload").isOK)
            #expect(try systemd.methodCalls("ReloadUnit") == ["['ssh.service', 'replace']"])

            let missing = try await host.call(.post, "/host/service/nonexistent.service/start")
            #expect(missing.status == 404, "\(missing.text)")
            let invalid = try await host.call(.post, "/host/service/bad%20unit/start")
            #expect(invalid.status == 400)
        }

        @Test func absentServicesAreReportedAndALateServiceIsPickedUp() async throws {
            let host = try await HostEnvironment(services: [], journal: false)
            let info = try await host.call(.get, "/host/info").data
            #expect(info["features"] == [])
            #expect(info["chassis"] == .null)
            let refused = try await host.call(.post, "/host/options", json: ["hostname": "late"])
            #expect(refused.status == 400)
            #expect(refused.message == "org.freedesktop.hostname1 is not available on this host")
            #expect(try await host.call(.post, "/host/reboot").message.contains("not available on this host"))
            #expect(try await host.call(.get, "/host/services").message.contains("not available on this host"))
            #expect(try await host.call(.get, "/host/logs").message == "The systemd journal is not available on this host")
            #expect(try await host.call(.get, "/info").data["supported"] == false)

            // hostname1 starts after the Supervisor: the presence watcher must pick it up.
            let events = host.supervisor.kernel.bus.subscribe(to: SystemFactsChanged.self)
            let watcher = Task { try await host.supervisor.kernel.pluginServices.first { "\(type(of: $0))" == "HostPresenceWatcher" }?.run() }
            defer { watcher.cancel() }
            let hostname = try HostEnvironment.start("hostname", on: host.bus)
            defer { hostname.stop() }
            for await event in events where event.facts.hostFeatures.contains("hostname") { break }
            // The mock claims its name before it has properties; reload reads them.
            #expect(try await host.call(.post, "/host/reload").isOK)
            let after = try await host.call(.get, "/host/info").data
            #expect(after["features"] == ["hostname"])
            #expect(after["hostname"] == "homeassistant")
            #expect(try await host.call(.post, "/host/options", json: ["hostname": "late"]).isOK)

            // And when it vanishes, the feature goes again.
            hostname.stop()
            for await event in events where !event.facts.hostFeatures.contains("hostname") { break }
            #expect(try await host.call(.post, "/host/options", json: ["hostname": "gone"]).message.contains("not available"))
        }
    }
}
