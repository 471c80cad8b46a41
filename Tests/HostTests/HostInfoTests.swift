import Foundation
import SupervisorKernel
import SupervisorTestSupport
import SystemTestSupport
import Testing

extension HostTests {
    @Suite struct Info {
        @Test func infoComesFromTheHostServices() async throws {
            let host = try await HostEnvironment()
            let reply = try await host.call(.get, "/host/info")
            #expect(reply.isOK, "\(reply.text)")
            let info = reply.data
            #expect(info["hostname"] == "homeassistant")
            #expect(info["chassis"] == "embedded")
            #expect(info["deployment"] == "production")
            #expect(info["operating_system"] == "Home Assistant OS 16.0")
            #expect(info["kernel"] == "6.12.20-haos")
            #expect(info["timezone"] == "Etc/Utc")
            #expect(info["use_ntp"] == true)
            let features = Set(info["features"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(features.isSuperset(of: ["hostname", "reboot", "shutdown", "services", "timedate", "journal"]))
            #expect(features.isDisjoint(with: ["network", "haos", "disk", "os_agent", "resolved"]))
            var stats = statvfs()
            #expect(statvfs(host.supervisor.dataDirectory.path, &stats) == 0)
            let total = Double(stats.f_blocks) * Double(stats.f_frsize) / 1_073_741_824
            #expect(abs((info["disk_total"]?.doubleValue ?? 0) - total) < 0.2)
            #expect((info["disk_free"]?.doubleValue ?? -1) <= (info["disk_total"]?.doubleValue ?? 0))
            for key in ["agent_version", "virtualization", "llmnr_hostname", "boot_timestamp", "dt_utc", "broadcast_mdns"] {
                #expect(info[key] != nil, "missing \(key)")
            }
            // The shared facts feed the Supervisor's own endpoints.
            let root = try await host.call(.get, "/info").data
            #expect(root["hostname"] == "homeassistant")
            #expect(root["operating_system"] == "Home Assistant OS 16.0")
            #expect(root["features"] == info["features"])
            #expect(try await host.call(.get, "/supervisor/info").data["timezone"] == "Etc/Utc")
        }

        @Test func hostnameIsValidatedAndSetThroughHostname1() async throws {
            let host = try await HostEnvironment(services: ["hostname"])
            let hostname = try #require(host.mocks["hostname"])
            let bad = try await host.call(.post, "/host/options", json: ["hostname": "not_a host!"])
            #expect(bad.status == 400)
            #expect(bad.message.contains("hostname"))
            #expect(try hostname.methodCalls("SetStaticHostname").isEmpty)
            #expect(try await host.call(.post, "/host/options", json: [:]).status == 400)
            let good = try await host.call(.post, "/host/options", json: ["hostname": "kitchen-pi"])
            #expect(good.isOK, "\(good.text)")
            let calls = try hostname.methodCalls("SetStaticHostname")
            #expect(calls.count == 1)
            #expect(calls.first?.contains("kitchen-pi") == true)
            #expect(try await host.call(.get, "/host/info").data["hostname"] == "kitchen-pi")
        }

        @Test func rebootAndShutdownGoThroughLogind() async throws {
            let host = try await HostEnvironment(services: ["logind", "systemd"])
            let logind = try #require(host.mocks["logind"])
            #expect(try await host.call(.post, "/host/reboot").isOK)
            #expect(try logind.methodCalls("Reboot").count == 1)
            #expect(try await host.call(.post, "/host/shutdown", json: ["force": false]).isOK)
            #expect(try logind.methodCalls("PowerOff").count == 1)
            #expect(try await host.call(.post, "/host/reboot", json: ["force": "yes"]).status == 400)
            #expect(try logind.methodCalls("Reboot").count == 1)
        }
    }
}
