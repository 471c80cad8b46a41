import Testing
@testable import SupervisorKernel

@Suite struct RoutingTests {
    func table() throws -> RouteTable {
        let builder = RouteBuilder(owner: "test")
        builder.get("/addons/{addon}/info", summary: "info") { request in .ok(["slug": .string(request.parameter("addon"))]) }
        builder.post("/addons/{addon}/start", summary: "start") { _ in .ok() }
        builder.get("/addons", summary: "list") { _ in .ok() }
        builder.get("/ingress/{session}/{path*}", summary: "ingress") { request in .ok(["path": .string(request.parameter("path"))]) }
        return try RouteTable(builder.routes)
    }

    @Test func matchesPlaceholdersAndRemainders() throws {
        let table = try table()
        guard case .route(let route, let parameters) = table.match(.get, "/addons/core_ssh/info") else {
            Issue.record("no match")
            return
        }
        #expect(route.summary == "info")
        #expect(parameters == ["addon": "core_ssh"])
        guard case .route(_, let ingress) = table.match(.get, "/ingress/abc/static/app.js") else {
            Issue.record("no ingress match")
            return
        }
        #expect(ingress == ["session": "abc", "path": "static/app.js"])
    }

    @Test func tellsNotFoundFromWrongMethod() throws {
        let table = try table()
        guard case .methodNotAllowed(let allowed) = table.match(.delete, "/addons/x/start") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.post])
        guard case .notFound = table.match(.get, "/addons/x/info/more") else {
            Issue.record("expected 404")
            return
        }
        guard case .route = table.match(.head, "/addons") else {
            Issue.record("HEAD should use GET")
            return
        }
    }

    @Test func refusesDuplicateRoutes() {
        let builder = RouteBuilder(owner: "dup")
        builder.get("/a/{x}", summary: "one") { _ in .ok() }
        builder.get("/a/{y}", summary: "two") { _ in .ok() }
        #expect(throws: SupervisorError.self) { try RouteTable(builder.routes) }
    }

    @Test func decodesQueryAndPercentEscapes() {
        let request = APIRequest(method: .get, path: "/x", rawQuery: "lines=10&name=a%20b&plus=a+b&lines=99")
        #expect(request.query == ["lines": "10", "name": "a b", "plus": "a b"])
        #expect(PercentDecoding.decodeFully("%252e%252e%252f") == "../")
    }

    @Test func readsHeadersWithoutRegardToCase() {
        var headers = Headers([("Content-Type", "text/plain")])
        #expect(headers["content-type"] == "text/plain")
        headers.set("CONTENT-TYPE", "application/json")
        #expect(Array(headers).count == 1)
        #expect(headers["Content-Type"] == "application/json")
    }

    @Test func byteStreamCollectsWithinLimit() async throws {
        func stream() -> ByteStream {
            ByteStream(AsyncStream<[UInt8]> { continuation in
                for _ in 0..<4 { continuation.yield([UInt8](repeating: 1, count: 10)) }
                continuation.finish()
            })
        }
        #expect(try await stream().collect(upTo: 40).count == 40)
        await #expect(throws: SupervisorError.self) { try await stream().collect(upTo: 39) }
    }
}
