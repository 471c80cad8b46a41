import CurlBridge
import SystemTestSupport
import Testing

/// Large transfers in both directions; the bound on resident memory shows nothing accumulates.
@Suite(.serialized) final class CurlStreamingMemoryTests {
    static let memoryBound = 64 << 20
    let peers: CurlPeers
    init() throws { peers = try CurlPeers() }
    var server: HTTPTestServer { peers.server }
    var client: HTTPClient { peers.client }

    @Test func oneGibibyteResponseStreamsWithFlatMemory() async throws {
        let size = 1 << 30
        let response = try await client.execute(.init(url: "\(server.baseURL)/bytes?n=\(size)"))
        #expect(response.headers["Content-Length"] == "\(size)")
        let baseline = residentBytes()
        var peak = baseline
        var total = 0
        var patternHolds = true
        for try await chunk in response.body {
            if let first = chunk.first, let last = chunk.last {
                patternHolds = patternHolds && first == UInt8(total % 251)
                    && last == UInt8((total + chunk.count - 1) % 251)
            }
            total += chunk.count
            peak = max(peak, residentBytes())
        }
        #expect(total == size)
        #expect(patternHolds)
        #expect(peak - baseline < Self.memoryBound)
    }

    @Test func quarterGibibyteChunkedUploadIsCountedExactly() async throws {
        let size = 256 << 20
        let baseline = residentBytes()
        let peak = ResidentPeak()
        let response = try await client.execute(.init(
            url: "http://localhost/upload", method: "POST",
            body: .stream(GeneratedChunks(total: size, chunkSize: 64 << 10, peak: peak)),
            unixSocketPath: server.unixSocketPath))
        #expect(try await response.text() == "\(size)")
        #expect(peak.value - baseline < Self.memoryBound)
    }
}
