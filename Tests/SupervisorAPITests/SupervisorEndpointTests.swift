import Foundation
import SupervisorKernel
import SupervisorTestSupport
import Testing

@Suite struct SupervisorEndpointTests {
    @Test func pingNeedsNoToken() async throws {
        let supervisor = try await TestSupervisor()
        let reply = try await supervisor.withClient { try await $0.call(.get, "/supervisor/ping") }
        #expect(reply.status == 200)
        #expect(reply.text == #"{"data":{},"result":"ok"}"#)
    }

    @Test func firstStartCreatesCoreTokenThatGrantsAccess() async throws {
        let supervisor = try await TestSupervisor()
        let token = supervisor.homeAssistantToken
        #expect(token.count == 112)
        try await supervisor.withClient { (client: APIClient) async throws in
            #expect(try await client.call(.get, "/supervisor/info", token: token).isOK)
            #expect(try await client.call(.get, "/supervisor/info", headers: ["X-Supervisor-Token": token]).isOK)
            #expect(try await client.call(.get, "/supervisor/info", headers: ["X-Hassio-Key": token]).isOK)
            #expect(try await client.call(.get, "/supervisor/info").status == 401)
            let wrong = String(token.dropLast()) + (token.hasSuffix("0") ? "1" : "0")
            #expect(try await client.call(.get, "/supervisor/info", token: wrong).status == 403)
        }
        // A restart over the same data keeps the token.
        let again = try await TestSupervisor(dataDirectory: supervisor.dataDirectory)
        #expect(again.homeAssistantToken == token)
    }

    @Test func infoHasEveryFieldClientsRead() async throws {
        let supervisor = try await TestSupervisor()
        let info = try await supervisor.withClient { try await $0.call(.get, "/supervisor/info", token: supervisor.homeAssistantToken) }.data
        for key in ["version", "version_latest", "update_available", "channel", "arch", "supported", "healthy", "ip_address",
                    "timezone", "logging", "debug", "debug_block", "diagnostics", "auto_update", "country",
                    "detect_blocking_io", "feature_flags", "wait_boot", "addons", "addons_repositories"] {
            #expect(info[key] != nil, "missing \(key)")
        }
        #expect(info["addons"] == [])
        #expect(info["channel"] == "stable")
        let root = try await supervisor.withClient { try await $0.call(.get, "/info", token: supervisor.homeAssistantToken) }.data
        for key in ["supervisor", "homeassistant", "hassos", "docker", "hostname", "operating_system", "features", "machine",
                    "machine_id", "arch", "state", "supported_arch", "supported", "channel", "logging", "timezone"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        #expect(root["state"] == "running")
        #expect(root["arch"]?.stringValue == info["arch"]?.stringValue)
        #expect(root["supported_arch"]?.arrayValue?.contains(root["arch"]!) == true)
    }

    @Test func optionsAreValidatedAppliedAndPersisted() async throws {
        let supervisor = try await TestSupervisor()
        let token = supervisor.homeAssistantToken
        try await supervisor.withClient { (client: APIClient) async throws in
            let ok = try await client.call(.post, "/supervisor/options", token: token, json: [
                "channel": "beta", "timezone": "Europe/Berlin", "wait_boot": 12, "debug": true, "logging": "debug",
                "addons_repositories": ["https://github.com/example/addons"], "diagnostics": true,
            ])
            #expect(ok.isOK, "\(ok.text)")
            let info = try await client.call(.get, "/supervisor/info", token: token).data
            #expect(info["channel"] == "beta")
            #expect(info["timezone"] == "Europe/Berlin")
            #expect(info["wait_boot"] == 12)
            #expect(info["logging"] == "debug")
            #expect(info["addons_repositories"] == ["https://github.com/example/addons"])
        }
        #expect(supervisor.kernel.logs.level == .debug)
        let restarted = try await TestSupervisor(dataDirectory: supervisor.dataDirectory)
        let info = try await restarted.withClient { try await $0.call(.get, "/supervisor/info", token: token) }.data
        #expect(info["channel"] == "beta")
        #expect(info["timezone"] == "Europe/Berlin")
        #expect(info["debug"] == true)
    }

    @Test(arguments: [
        (#"{"timezone": "Mars/Olympus_Mons"}"#, "timezone"),
        (#"{"timezone": "../../etc/passwd"}"#, "timezone"),
        (#"{"channel": "nightly"}"#, "channel"),
        (#"{"wait_boot": "ten"}"#, "wait_boot"),
        (#"{"wait_boot": 0}"#, "wait_boot"),
        (#"{"debug": "yes"}"#, "debug"),
        (#"{"addons_repositories": ["not a url"]}"#, "addons_repositories[0]"),
        (#"{"unknown_option": true}"#, "unknown_option"),
        (#"{}"#, "at least one"),
        (#"{"channel": "beta""#, "Invalid JSON"),
        (#"[1, 2]"#, "object"),
    ])
    func badOptionsGetA400ThatNamesTheProblem(_ body: String, _ named: String) async throws {
        let supervisor = try await TestSupervisor()
        let before = try? Data(contentsOf: supervisor.dataDirectory.appendingPathComponent("config.json"))
        let reply = try await supervisor.withClient {
            try await $0.call(.post, "/supervisor/options", token: supervisor.homeAssistantToken, raw: body)
        }
        #expect(reply.status == 400)
        #expect(reply.json["result"] == "error")
        #expect(reply.message.contains(named), "\(reply.message)")
        let after = try? Data(contentsOf: supervisor.dataDirectory.appendingPathComponent("config.json"))
        #expect(before == after, "a refused request must not change state")
    }

    @Test func unknownRoutesAndMethodsGetEnvelopes() async throws {
        let supervisor = try await TestSupervisor()
        try await supervisor.withClient { (client: APIClient) async throws in
            let missing = try await client.call(.get, "/no/such/thing", token: supervisor.homeAssistantToken)
            #expect(missing.status == 404)
            #expect(missing.json["result"] == "error")
            let wrong = try await client.call(.delete, "/supervisor/info", token: supervisor.homeAssistantToken)
            #expect(wrong.status == 405)
            #expect(wrong.headers[.allow] == "GET")
        }
    }

    @Test(arguments: ["/supervisor/../../etc/passwd", "/supervisor/info?x=%2e%2e%2f%2e%2e%2f", "/addons/%3Cscript%3Ealert(1)%3C%2Fscript%3E/info"])
    func traversalAndInjectionAreRefusedBeforeRouting(_ path: String) async throws {
        let supervisor = try await TestSupervisor()
        let reply = try await supervisor.withClient { try await $0.call(.get, path, token: supervisor.homeAssistantToken) }
        #expect(reply.status == 400)
        #expect(reply.json["result"] == "error")
    }

    @Test func statsComeFromTheRealProcess() async throws {
        let supervisor = try await TestSupervisor()
        let stats = try await supervisor.withClient { try await $0.call(.get, "/supervisor/stats", token: supervisor.homeAssistantToken) }.data
        let rss = try #require(stats["memory_usage"]?.intValue)
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        let expected = Int(statm[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
        #expect(abs(rss - expected) < 64 * 1024 * 1024)
        #expect((stats["memory_limit"]?.intValue ?? 0) >= rss)
        #expect((stats["cpu_percent"]?.doubleValue ?? -1) >= 0)
        #expect(stats["blk_read"]?.intValue != nil)
    }

    @Test func logsAreTextAndHonourLineCount() async throws {
        let supervisor = try await TestSupervisor()
        let logger = supervisor.kernel.makeLogger("test.logs")
        for index in 0..<20 { logger.info("line number \(index)") }
        let reply = try await supervisor.withClient {
            try await $0.call(.get, "/supervisor/logs?lines=5", token: supervisor.homeAssistantToken)
        }
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true)
        let lines = reply.text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.last?.hasSuffix("line number 19") == true)
        let ranged = try await supervisor.withClient {
            try await $0.call(.get, "/supervisor/logs", token: supervisor.homeAssistantToken, headers: ["Range": "entries=:-3:"])
        }
        #expect(ranged.text.split(separator: "\n").count == 3)
    }

    @Test func updateSaysClearlyWhenNoVersionSourceAnswered() async throws {
        let supervisor = try await TestSupervisor()
        let token = supervisor.homeAssistantToken
        let unknown = try await supervisor.withClient { try await $0.call(.post, "/supervisor/update", token: token) }
        #expect(unknown.status == 400)
        #expect(unknown.message.contains("no version source has answered"))
        supervisor.kernel.facts.update { $0.latestVersions["supervisor"] = supervisor.kernel.identity.version }
        let current = try await supervisor.withClient { try await $0.call(.post, "/supervisor/update", token: token) }
        #expect(current.message == "No supervisor update available - \(supervisor.kernel.identity.version)")
    }

    @Test func reloadAndRepairRunAsJobs() async throws {
        let supervisor = try await TestSupervisor()
        let token = supervisor.homeAssistantToken
        let reloads = supervisor.kernel.bus.subscribe(to: ReloadRequested.self)
        try Data().write(to: supervisor.dataDirectory.appendingPathComponent(".config.json.tmp-123"))
        try await supervisor.withClient { (client: APIClient) async throws in
            #expect(try await client.call(.post, "/supervisor/reload", token: token).isOK)
            #expect(try await client.call(.post, "/supervisor/repair", token: token).isOK)
            let jobs = try await client.call(.get, "/jobs/info", token: token).data["jobs"]?.arrayValue ?? []
            #expect(Set(jobs.compactMap { $0["name"]?.stringValue }) == ["supervisor_reload", "supervisor_repair"])
            #expect(jobs.allSatisfy { $0["done"] == true && $0["progress"]?.doubleValue == 100 })
            let uuid = try #require(jobs.first?["uuid"]?.stringValue)
            #expect(try await client.call(.get, "/jobs/\(uuid)", token: token).data["uuid"] == .string(uuid))
            #expect(try await client.call(.delete, "/jobs/\(uuid)", token: token).isOK)
            #expect(try await client.call(.get, "/jobs/\(uuid)", token: token).status == 404)
            #expect(try await client.call(.post, "/jobs/options", token: token, json: ["ignore_conditions": ["healthy"]]).isOK)
            #expect(try await client.call(.get, "/jobs/info", token: token).data["ignore_conditions"] == ["healthy"])
            #expect(try await client.call(.post, "/jobs/options", token: token, json: ["ignore_conditions": ["bogus"]]).status == 400)
            #expect(try await client.call(.post, "/jobs/reset", token: token).isOK)
            #expect(try await client.call(.get, "/jobs/info", token: token).data["ignore_conditions"] == [])
        }
        var iterator = reloads.makeAsyncIterator()
        #expect(await iterator.next() != nil)
        #expect(!FileManager.default.fileExists(atPath: supervisor.dataDirectory.appendingPathComponent(".config.json.tmp-123").path))
    }

    @Test func corruptStateAtStartIsSetAsideAndTheSupervisorStillServes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{\"timezone\": \"Mars/Base\"".utf8).write(to: directory.appendingPathComponent("config.json"))
        try Data("garbage".utf8).write(to: directory.appendingPathComponent("homeassistant.json"))
        let supervisor = try await TestSupervisor(dataDirectory: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.contains { $0.hasPrefix("config.json.corrupt-") })
        #expect(names.contains { $0.hasPrefix("homeassistant.json.corrupt-") })
        #expect(supervisor.homeAssistantToken.count == 112)
        let info = try await supervisor.withClient { try await $0.call(.get, "/supervisor/info", token: supervisor.homeAssistantToken) }
        #expect(info.isOK)
        #expect(Set(supervisor.kernel.state.recoveredFiles.map(\.name)) == ["config", "homeassistant"])
    }

    @Test func jsonBodiesOverSixteenMebibytesAreRefused() async throws {
        let supervisor = try await TestSupervisor()
        let huge = "{\"country\": \"" + String(repeating: "x", count: 17 * 1024 * 1024) + "\"}"
        let reply = try await supervisor.withClient {
            try await $0.call(.post, "/supervisor/options", token: supervisor.homeAssistantToken, raw: huge)
        }
        #expect(reply.status == 413)
        #expect(reply.json["result"] == "error")
    }
}
