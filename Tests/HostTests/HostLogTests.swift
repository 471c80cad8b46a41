import Foundation
import SupervisorKernel
import SupervisorTestSupport
import SystemTestSupport
import Testing

extension HostTests {
    @Suite struct Logs {
        @Test func journalTextIdentifiersAndBoots() async throws {
            let host = try await HostEnvironment(services: [])
            let identifiers = try await host.call(.get, "/host/logs/identifiers")
            #expect(identifiers.data["identifiers"] == ["NetworkManager", "kernel", "systemd"])
            let boots = try await host.call(.get, "/host/logs/boots").data["boots"]
            #expect(boots == ["0": .string(HostEnvironment.bootNew), "-1": .string(HostEnvironment.bootOld)])

            let last = try await host.call(.get, "/host/logs?lines=2")
            #expect(last.status == 200)
            #expect(last.headers[.contentType]?.hasPrefix("text/plain") == true)
            let lines = last.text.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.last?.hasSuffix("testhost systemd[1]: Started ssh.service") == true)

            let kernel = try await host.call(.get, "/host/logs/identifiers/kernel").text
            #expect(kernel.split(separator: "\n").map { $0.split(separator: ": ").last.map(String.init) ?? "" }
                    == ["old boot kernel line", "new boot kernel line"])
            let oldBoot = try await host.call(.get, "/host/logs/boots/-1").text
            #expect(oldBoot.split(separator: "\n").count == 2)
            #expect(oldBoot.contains("old boot systemd line"))
            let byID = try await host.call(.get, "/host/logs/boots/\(HostEnvironment.bootNew)/identifiers/systemd").text
            #expect(byID.split(separator: "\n").count == 1)
            #expect(try await host.call(.get, "/host/logs/boots/-7").status == 404)
            #expect(try await host.call(.get, "/host/logs/boots/not-a-boot").status == 400)
            #expect(try await host.call(.get, "/host/logs?lines=zero").status == 400)
        }

        @Test func followStreamsNewEntriesAsTheyArrive() async throws {
            let host = try await HostEnvironment(services: [])
            let request = APIRequest(method: .get, path: "/host/logs/identifiers/kernel/follow", rawQuery: "lines=1",
                                     headers: Headers([("Authorization", "Bearer \(host.token)")]))
            let response = await host.supervisor.kernel.handle(request)
            #expect(response.status == 200)
            guard case .stream(let body) = response.body else {
                Issue.record("follow must stream")
                return
            }
            var chunks = body.makeAsyncIterator()
            let first = String(decoding: try await chunks.next() ?? [], as: UTF8.self)
            #expect(first.hasSuffix("new boot kernel line\n"))
            try host.journal.write([
                .init(realtime: 1_763_900_000_000_000, monotonic: 9_000, bootID: HostEnvironment.bootNew,
                      identifier: "kernel", message: "usb 1-1: new device"),
            ])
            let next = String(decoding: try await chunks.next() ?? [], as: UTF8.self)
            #expect(next.hasSuffix("kernel: usb 1-1: new device\n"))
        }
    }
}
