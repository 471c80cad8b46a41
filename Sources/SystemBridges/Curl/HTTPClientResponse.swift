/// A response whose status and headers have arrived; the body streams on demand.
public struct HTTPClientResponse: Sendable {
    public let status: Int
    public let headers: HTTPClientHeaders
    /// The body, read once. Dropping the response before its end cancels the transfer.
    public let body: Body

    /// The response body as chunks of bytes. The transfer pauses while the reader is behind, so memory
    /// stays bounded whatever the body's size. Iteration throws `HTTPClientError`.
    public struct Body: AsyncSequence, Sendable {
        public typealias Element = [UInt8]

        let owner: BodyOwner

        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(owner: owner) }

        public struct AsyncIterator: AsyncIteratorProtocol {
            let owner: BodyOwner

            public mutating func next() async throws -> [UInt8]? {
                try await owner.transfer.nextBodyChunk()
            }
        }

        /// Reads the whole body; fails with `.responseTooLarge` (and cancels) beyond `maxBytes`.
        public func collect(upTo maxBytes: Int) async throws(HTTPClientError) -> [UInt8] {
            var bytes: [UInt8] = []
            while let chunk = try await owner.transfer.nextBodyChunk() {
                guard bytes.count + chunk.count <= maxBytes else {
                    owner.transfer.cancel()
                    throw HTTPClientError(.responseTooLarge, "response body exceeds \(maxBytes) bytes")
                }
                bytes += chunk
            }
            return bytes
        }
    }
}

/// Cancels an unfinished transfer once nobody can read its body any more.
final class BodyOwner: Sendable {
    let transfer: CurlTransfer

    init(_ transfer: CurlTransfer) { self.transfer = transfer }

    deinit { transfer.cancel() }
}
