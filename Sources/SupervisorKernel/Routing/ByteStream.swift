/// A body as a sequence of byte chunks, pulled one at a time.
///
/// Request bodies (uploads) and response bodies (downloads, logs, proxies) are `ByteStream`s so
/// nothing has to hold a whole body in memory: the consumer asks for the next chunk only when
/// it has written the last one.
public struct ByteStream: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    /// Pulls chunks until it returns `nil`.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var pull: () async throws -> [UInt8]?
        public mutating func next() async throws -> [UInt8]? { try await pull() }
    }

    private let makeIterator: @Sendable () -> AsyncIterator

    /// A stream that calls `makePull` once per iteration to get its chunk source.
    public init(_ makePull: @escaping @Sendable () -> (() async throws -> [UInt8]?)) {
        self.makeIterator = { AsyncIterator(pull: makePull()) }
    }

    /// Wraps any async sequence of byte chunks.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == [UInt8] {
        self.init {
            var iterator = base.makeAsyncIterator()
            return { try await iterator.next() }
        }
    }

    /// One chunk holding all of `bytes`.
    public init(bytes: [UInt8]) {
        self.init {
            var pending: [UInt8]? = bytes.isEmpty ? nil : bytes
            return {
                defer { pending = nil }
                return pending
            }
        }
    }

    public static let empty = ByteStream(bytes: [])

    public func makeAsyncIterator() -> AsyncIterator { makeIterator() }

    /// Gathers the whole stream, refusing more than `limit` bytes.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var result: [UInt8] = []
        for try await chunk in self {
            guard result.count + chunk.count <= limit else {
                throw SupervisorError(.payloadTooLarge, "Request body is larger than \(limit) bytes")
            }
            result.append(contentsOf: chunk)
        }
        return result
    }
}
