/// One HTTP request: where, how, and what to send.
public struct HTTPClientRequest: Sendable {
    /// The request body.
    public struct Body: Sendable {
        enum Storage: Sendable {
            case empty
            case bytes([UInt8])
            case stream(length: Int?, produce: @Sendable (CurlTransfer) async throws -> Void)
        }

        let storage: Storage

        /// No body.
        public static let none = Body(storage: .empty)

        /// A body held in memory, sent with its `Content-Length`.
        public static func bytes(_ bytes: [UInt8]) -> Body { Body(storage: .bytes(bytes)) }

        /// A body read chunk by chunk from `chunks` while it is sent; nothing waits in memory beyond a small
        /// buffer. With a `length` it is sent with `Content-Length` (the sequence must yield exactly that
        /// many bytes); without one it is sent with chunked transfer encoding.
        public static func stream<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks, length: Int? = nil) -> Body
        where Chunks.Element == [UInt8] {
            Body(storage: .stream(length: length) { transfer in
                for try await chunk in chunks {
                    guard await transfer.offerUpload(chunk) else { return }
                }
            })
        }
    }

    /// An absolute `http://` or `https://` URL; for a unix socket the host part is only sent as `Host`.
    public var url: String
    public var method: String
    /// Header fields in order; an empty value sends the header with no value.
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// Connect to this unix socket instead of the URL's host and port (e.g. `/var/run/docker.sock`).
    public var unixSocketPath: String?
    /// Time allowed to establish the connection.
    public var connectTimeout: Duration
    /// Time allowed for the whole exchange including the body, or `nil` for no limit (streams, follows).
    public var timeout: Duration?
    /// Fail when no byte moves for this long (whole seconds, at least one). A transfer paused because
    /// the caller reads the body slowly is not idle; one waiting for a slow request-body producer is.
    public var idleTimeout: Duration?

    public init(
        url: String, method: String = "GET", headers: [(name: String, value: String)] = [],
        body: Body = .none, unixSocketPath: String? = nil, connectTimeout: Duration = .seconds(10),
        timeout: Duration? = nil, idleTimeout: Duration? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.unixSocketPath = unixSocketPath
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.idleTimeout = idleTimeout
    }
}
