import Foundation
import SupervisorKernel
import SupervisorPlugins
import SupervisorTestSupport
import Testing

@Suite struct OpenAPITests {
    @Test func everyRegisteredRouteIsDocumented() async throws {
        let supervisor = try await TestSupervisor(plugins: CompiledPlugins.all)
        let reply = try await supervisor.withClient { try await $0.call(.get, "/openapi.json") }
        #expect(reply.status == 200)
        let document = reply.json
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.objectValue)
        for route in supervisor.kernel.catalog.routes {
            let operation = paths[route.pattern.openAPIPath]?[route.method.rawValue.lowercased()]
            #expect(operation != nil, "\(route.method.rawValue) \(route.pattern) missing from /openapi.json")
            #expect(operation?["summary"]?.stringValue?.isEmpty == false)
        }
        let operations = paths.values.reduce(0) { $0 + ($1.objectValue?.count ?? 0) }
        #expect(operations == supervisor.kernel.catalog.routes.count)
    }

    @Test func documentPassesAnOpenAPIValidator() async throws {
        let supervisor = try await TestSupervisor(plugins: CompiledPlugins.all)
        let reply = try await supervisor.withClient { try await $0.call(.get, "/openapi.json") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString.prefix(6)).json")
        try Data(reply.body).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "openapi_spec_validator", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openapi-spec-validator: \(output)")
    }
}
