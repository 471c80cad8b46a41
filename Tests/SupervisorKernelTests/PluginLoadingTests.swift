import Foundation
import Synchronization
import Testing
@testable import SupervisorKernel

final class EventLog: Sendable {
    let entries = Mutex<[String]>([])
    func add(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

struct RecordingPlugin: SupervisorPlugin {
    let slug: String
    var dependencies: [String] = []
    var failSetup = false
    let log: EventLog

    func setup(_ context: PluginContext) async throws {
        log.add("setup \(slug)")
        if failSetup { throw SupervisorError(.backendFailure, "\(slug) backend missing") }
    }

    func registerRoutes(_ routes: RouteBuilder) {
        routes.get("/\(slug)/info", summary: "info of \(slug)") { _ in .ok(["slug": .string(slug)]) }
    }

    func start() async throws { log.add("start \(slug)") }
    func stop() async { log.add("stop \(slug)") }
}

@Suite struct PluginLoadingTests {
    @Test func loadsInDependencyOrderAndStopsInReverse() async {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = EventLog()
        await kernel.load([
            RecordingPlugin(slug: "addons", dependencies: ["docker"], log: log),
            RecordingPlugin(slug: "docker", log: log),
        ])
        await kernel.start()
        await kernel.stop()
        #expect(log.all == ["setup docker", "setup addons", "start docker", "start addons", "stop addons", "stop docker"])
        #expect(kernel.status.state == .close)
    }

    @Test func leavesOutAFailedPluginAndItsDependentsButRunsTheRest() async {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = EventLog()
        await kernel.load([
            RecordingPlugin(slug: "docker", failSetup: true, log: log),
            RecordingPlugin(slug: "addons", dependencies: ["docker"], log: log),
            RecordingPlugin(slug: "host", log: log),
            RecordingPlugin(slug: "audio", dependencies: ["pulse"], log: log),
        ])
        let reports = Dictionary(uniqueKeysWithValues: kernel.status.plugins.map { ($0.slug, $0.failure) })
        #expect(reports["docker"] == "docker backend missing")
        #expect(reports["addons"] == "depends on docker, which failed")
        #expect(reports["audio"] == "depends on pulse, which is not compiled in")
        #expect(reports["host"] == .some(nil))
        #expect(kernel.catalog.routes.map(\.pattern.description) == ["/host/info"])
        kernel.tokens.register("t", for: .homeAssistant)
        let headers = Headers([("Authorization", "Bearer t")])
        let served = await kernel.handle(APIRequest(method: .get, path: "/host/info", headers: headers))
        #expect(served.status == 200)
        let missing = await kernel.handle(APIRequest(method: .get, path: "/docker/info", headers: headers))
        #expect(missing.status == 404)
    }

    @Test func resolvesSelfForAddonsOnly() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        struct SelfPlugin: SupervisorPlugin {
            let slug = "addons"
            func setup(_ context: PluginContext) async throws {}
            func registerRoutes(_ routes: RouteBuilder) {
                routes.get("/addons/{addon}/info", summary: "info") { request in .ok(["slug": .string(request.parameter("addon"))]) }
            }
        }
        await kernel.load([SelfPlugin()])
        kernel.tokens.register("addon", for: .addon(AddonIdentity(slug: "local_ssh", role: .default, hassioAPI: false)))
        kernel.tokens.register("core", for: .homeAssistant)
        let mine = await kernel.handle(APIRequest(method: .get, path: "/addons/self/info", headers: Headers([("X-Supervisor-Token", "addon")])))
        guard case .bytes(let body) = mine.body else {
            Issue.record("expected a JSON body, got a stream")
            return
        }
        #expect(try JSONValue.parse(body)["data"]?["slug"] == "local_ssh")
        let core = await kernel.handle(APIRequest(method: .get, path: "/addons/self/info", headers: Headers([("X-Hassio-Key", "core")])))
        #expect(core.status == 400)
    }
}
