import Foundation
import SupervisorHost
import SupervisorKernel
import SupervisorTestSupport
import SystemTestSupport
import Testing

/// Every Host suite hangs off this one so they run one after another: each test starts a
/// dbus-daemon and several python-dbusmock services, which is heavy on a small machine.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HostTests {}

/// A private system bus with systemd, logind, timedated and hostname1 mocks, journal files with two
/// boots, and a Supervisor whose Host plugin uses both.
final class HostEnvironment: Sendable {
    static let bootOld = "11111111111111111111111111111111"
    static let bootNew = "22222222222222222222222222222222"

    let bus: PrivateSystemBus
    let mocks: [String: DBusMockService]
    let journal: JournalFixture
    let supervisor: TestSupervisor

    /// `services` picks which mocks start: any of systemd, logind, timedated, hostname.
    init(services: Set<String> = ["systemd", "logind", "timedated", "hostname"], journal withJournal: Bool = true) async throws {
        bus = try PrivateSystemBus()
        var mocks: [String: DBusMockService] = [:]
        for service in services { mocks[service] = try Self.start(service, on: bus) }
        self.mocks = mocks
        journal = try JournalFixture()
        var hostSettings: [String: JSONValue] = ["dbus_address": .string(bus.address)]
        if withJournal {
            try journal.write(Self.sampleEntries())
            hostSettings["journal_directory"] = .string(journal.journalPath)
        } else {
            hostSettings["journal_directory"] = .string(journal.directory.file("no-such-journal"))
        }
        supervisor = try await TestSupervisor(plugins: [HostPlugin()], settings: ["plugins": ["host": .object(hostSettings)]])
    }

    deinit {
        for mock in mocks.values { mock.stop() }
        bus.stop()
    }

    var token: String { supervisor.homeAssistantToken }

    func call(_ method: HTTPRequestMethod, _ path: String, json: JSONValue? = nil) async throws -> APIClient.Reply {
        try await supervisor.withClient { try await $0.call(method, path, token: token, json: json) }
    }

    /// Starts one mock on `bus`; also used by tests that bring a service up late.
    static func start(_ service: String, on bus: PrivateSystemBus) throws -> DBusMockService {
        switch service {
        case "hostname":
            let mock = try DBusMockService(
                bus: bus, busName: "org.freedesktop.hostname1", path: "/org/freedesktop/hostname1",
                interface: "org.freedesktop.hostname1")
            try mock.addProperties(interface: "org.freedesktop.hostname1", propertiesLiteral: """
                {"Hostname": "homeassistant", "StaticHostname": "homeassistant", "Chassis": "embedded", \
                "Deployment": "production", "OperatingSystemCPEName": "cpe:2.3:o:home-assistant:haos:16.0:*:production:*:*:*:generic-x86-64:*", \
                "OperatingSystemPrettyName": "Home Assistant OS 16.0", "KernelRelease": "6.12.20-haos"}
                """)
            let setter = #"self.Set("org.freedesktop.hostname1", "StaticHostname", args[0]); self.Set("org.freedesktop.hostname1", "Hostname", args[0])"#
            try mock.addMethod(interface: "org.freedesktop.hostname1", name: "SetStaticHostname", inSignature: "sb",
                               outSignature: "", code: setter)
            return mock
        case "systemd":
            let mock = try DBusMockService(bus: bus, template: "systemd")
            for unit in ["ssh.service", "docker.service"] { try mock.callMock("AddMockUnit", [DBusMockService.python(unit)]) }
            try mock.addMethod(interface: "org.freedesktop.systemd1.Manager", name: "ListUnits", inSignature: "",
                               outSignature: "a(ssssssouso)", code: """
                ret = [("ssh.service", "OpenSSH server", "loaded", "active", "running", "", "/org/freedesktop/systemd1/unit/ssh_2eservice", 0, "", "/"), \
                ("docker.service", "Docker Application Container Engine", "loaded", "inactive", "dead", "", "/org/freedesktop/systemd1/unit/docker_2eservice", 0, "", "/"), \
                ("tmp.mount", "Temporary Directory", "loaded", "active", "mounted", "", "/org/freedesktop/systemd1/unit/tmp_2emount", 0, "", "/")]
                """)
            for method in ["ReloadUnit", "RestartUnit"] {
                try mock.addMethod(interface: "org.freedesktop.systemd1.Manager", name: method, inSignature: "ss",
                                   outSignature: "o", code: #"ret = "/org/freedesktop/systemd1/job/7""#)
            }
            return mock
        default:
            return try DBusMockService(bus: bus, template: service)
        }
    }

    static func sampleEntries() -> [JournalFixture.Entry] {
        let start: UInt64 = 1_763_800_000_000_000
        return [
            .init(realtime: start, monotonic: 1_000, bootID: bootOld, identifier: "kernel", message: "old boot kernel line"),
            .init(realtime: start + 1_000_000, monotonic: 2_000, bootID: bootOld, identifier: "systemd", pid: 1, message: "old boot systemd line"),
            .init(realtime: start + 3_600_000_000, monotonic: 1_000, bootID: bootNew, identifier: "kernel", message: "new boot kernel line"),
            .init(realtime: start + 3_601_000_000, monotonic: 2_000, bootID: bootNew, identifier: "NetworkManager", pid: 42, message: "link up"),
            .init(realtime: start + 3_602_000_000, monotonic: 3_000, bootID: bootNew, identifier: "systemd", pid: 1, message: "Started ssh.service"),
        ]
    }
}
