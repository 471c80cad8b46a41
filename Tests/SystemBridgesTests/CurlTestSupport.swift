import CurlBridge
import SystemTestSupport
import Foundation
import Synchronization

/// A request body generated on the fly: `total` bytes in chunks of `chunkSize`, byte i is `i % 251`.
/// Each chunk samples `peak`, so a test sees the memory high-water mark while the body is sent.
struct GeneratedChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let total: Int
    let chunkSize: Int
    var peak: ResidentPeak?

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: total, chunkSize: chunkSize, peak: peak,
                 pattern: (0..<(chunkSize + 251)).map { UInt8($0 % 251) })
    }

    struct Iterator: AsyncIteratorProtocol {
        var remaining: Int
        let chunkSize: Int
        let peak: ResidentPeak?
        let pattern: [UInt8]
        var offset = 0

        mutating func next() async -> [UInt8]? {
            peak?.sample()
            guard remaining > 0 else { return nil }
            let count = Swift.min(chunkSize, remaining)
            let start = offset % 251
            let chunk = Array(pattern[start..<start + count])
            remaining -= count
            offset += count
            return chunk
        }
    }
}

/// The highest resident set size seen by `sample()`.
final class ResidentPeak: Sendable {
    private let peak = Mutex(residentBytes())

    func sample() {
        let now = residentBytes()
        peak.withLock { $0 = max($0, now) }
    }

    var value: Int { peak.withLock { $0 } }
}

/// The process's resident set size in bytes, from /proc/self/statm.
func residentBytes() -> Int {
    let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
    let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

extension HTTPClientResponse {
    func text() async throws -> String {
        String(decoding: try await body.collect(upTo: 1 << 20), as: UTF8.self)
    }
}

func httpErrorCode(_ body: () async throws -> Void) async -> HTTPClientError.Code? {
    do {
        try await body()
        return nil
    } catch let error as HTTPClientError {
        return error.code
    } catch {
        return nil
    }
}

/// A local HTTP server and a client for one test; both stopped when the test is done.
final class CurlPeers: Sendable {
    let server: HTTPTestServer
    let client: HTTPClient

    init() throws {
        server = try HTTPTestServer()
        client = try HTTPClient()
    }

    deinit {
        client.shutdown()
        server.stop()
    }
}
