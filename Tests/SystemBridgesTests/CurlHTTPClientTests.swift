import CurlBridge
import SystemTestSupport
import Testing

@Suite final class CurlHTTPClientTests {
    let peers: CurlPeers
    init() throws { peers = try CurlPeers() }
    var server: HTTPTestServer { peers.server }
    var client: HTTPClient { peers.client }

    @Test func getOverTCP() async throws {
        let (status, headers, body) = try await client.data(.init(url: "\(server.baseURL)/echo"))
        #expect(status == 200)
        #expect(headers["x-method"] == "GET")
        #expect(headers["content-length"] == "0")
        #expect(body.isEmpty)
    }

    @Test func getOverUnixSocket() async throws {
        let response = try await client.execute(
            .init(url: "http://localhost/headers?status=201", unixSocketPath: server.unixSocketPath))
        #expect(response.status == 201)
        #expect(response.headers["X-TEST"] == "yes")
        #expect(try await response.text().contains("Host: localhost"))
    }

    @Test func postEchoesBodyAndSendsHeaders() async throws {
        let echo = try await client.data(.init(
            url: "\(server.baseURL)/echo", method: "POST", headers: [("Content-Type", "application/json")],
            body: .bytes(Array(#"{"hello":"world"}"#.utf8))))
        #expect(echo.status == 200)
        #expect(echo.headers["X-Method"] == "POST")
        #expect(String(decoding: echo.body, as: UTF8.self) == #"{"hello":"world"}"#)

        let headers = try await client.data(.init(
            url: "\(server.baseURL)/headers?status=404", headers: [("X-Custom", "one two"), ("X-Empty", "")]))
        let text = String(decoding: headers.body, as: UTF8.self)
        #expect(headers.status == 404)
        #expect(text.contains("X-Custom: one two"))
        #expect(text.contains("X-Empty: \n"))
        #expect(!text.contains("Expect"))
    }

    @Test func postWithoutBodySendsZeroLength() async throws {
        let echo = try await client.data(.init(url: "\(server.baseURL)/headers", method: "POST"))
        #expect(String(decoding: echo.body, as: UTF8.self).contains("Content-Length: 0"))
    }

    @Test func streamedUploadOfKnownLength() async throws {
        let size = 8 << 20
        let response = try await client.data(.init(
            url: "\(server.baseURL)/upload", method: "PUT",
            body: .stream(GeneratedChunks(total: size, chunkSize: 100_000), length: size)))
        #expect(String(decoding: response.body, as: UTF8.self) == "\(size)")
    }

    @Test func echoOfStreamedBodyKeepsBytesInOrder() async throws {
        let size = 3 << 20
        let response = try await client.data(.init(
            url: "\(server.baseURL)/echo", method: "POST", body: .stream(GeneratedChunks(total: size, chunkSize: 7_000))))
        #expect(response.body.count == size)
        #expect(response.body.enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) })
    }

    @Test func sizeLimitOfCollectedBody() async throws {
        let code = await httpErrorCode {
            _ = try await client.data(.init(url: "\(server.baseURL)/bytes?n=100000"), maxBytes: 1000)
        }
        #expect(code == .responseTooLarge)
        #expect(await client.activeTransferCount == 0)
    }

    @Test func missingUnixSocketFailsToConnect() async throws {
        let code = await httpErrorCode {
            _ = try await client.data(.init(url: "http://localhost/echo", unixSocketPath: server.unixSocketPath + ".missing"))
        }
        #expect(code == .connectFailed)
    }

    @Test func slowRequestDoesNotHoldUpAnother() async throws {
        let key = "concurrent"
        let client = client
        let waitURL = "\(server.baseURL)/wait?key=\(key)"
        async let slow = client.data(.init(url: waitURL))
        // /wait cannot answer before /release, so this completing first proves the two ran side by side.
        let fast = try await client.data(.init(url: "http://localhost/echo", method: "POST", body: .bytes([1, 2, 3]),
                                               unixSocketPath: server.unixSocketPath))
        #expect(fast.body == [1, 2, 3])
        _ = try await client.data(.init(url: "\(server.baseURL)/release?key=\(key)"))
        #expect(String(decoding: try await slow.body, as: UTF8.self) == "released")
    }

    @Test func shutdownFailsLaterRequests() async throws {
        client.shutdown()
        let code = await httpErrorCode { _ = try await client.data(.init(url: "\(server.baseURL)/echo")) }
        #expect(code == .shutdown)
    }
}
