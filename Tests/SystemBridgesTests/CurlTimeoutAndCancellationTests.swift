import CurlBridge
import SystemTestSupport
import Testing

@Suite final class CurlTimeoutAndCancellationTests {
    let peers: CurlPeers
    init() throws { peers = try CurlPeers() }
    var server: HTTPTestServer { peers.server }
    var client: HTTPClient { peers.client }

    @Test func totalTimeoutFailsWithTypedError() async throws {
        let code = await httpErrorCode {
            _ = try await client.data(.init(url: "\(server.baseURL)/slow?seconds=30", timeout: .milliseconds(300)))
        }
        #expect(code == .timeout)
        #expect(await client.activeTransferCount == 0)
    }

    @Test func idleTimeoutFailsWithTypedError() async throws {
        let code = await httpErrorCode {
            _ = try await client.data(.init(url: "\(server.baseURL)/slow?seconds=30", idleTimeout: .seconds(1)))
        }
        #expect(code == .timeout)
    }

    @Test func cancellingWhileWaitingForTheHeadEndsTheTransfer() async throws {
        let client = client
        let url = "\(server.baseURL)/wait?key=never"
        let task = Task { try await client.data(.init(url: url)) }
        #expect(await waitUntil { await client.activeTransferCount == 1 })
        task.cancel()
        let code = await httpErrorCode { _ = try await task.value }
        #expect(code == .cancelled)
        #expect(await client.activeTransferCount == 0)
    }

    @Test func cancellingWhileReadingTheBodyEndsTheTransfer() async throws {
        let client = client
        let url = "\(server.baseURL)/bytes?n=\(1 << 30)"
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            let response = try await client.execute(.init(url: url))
            var total = 0
            for try await chunk in response.body {
                total += chunk.count
                startedContinuation.yield()
            }
            return total
        }
        for await _ in started { break }
        task.cancel()
        let code = await httpErrorCode { _ = try await task.value }
        #expect(code == .cancelled)
        #expect(await client.activeTransferCount == 0)
    }

    @Test func droppingAnUnreadResponseEndsTheTransfer() async throws {
        do {
            let response = try await client.execute(.init(url: "\(server.baseURL)/bytes?n=\(1 << 30)"))
            #expect(response.status == 200)
        }
        #expect(await waitUntil { await client.activeTransferCount == 0 })
    }

    private func waitUntil(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<500 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }
}
