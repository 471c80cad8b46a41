/// Why an HTTP request failed.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, for callers that react differently to each.
    public enum Code: Sendable, Equatable {
        /// The request could not be built (bad URL, bad header, unsupported option).
        case invalidRequest
        /// No connection could be made (refused, unreachable, no such socket, name not resolved).
        case connectFailed
        /// The connect, total or idle timeout passed.
        case timeout
        /// The caller cancelled the request or dropped the response before its end.
        case cancelled
        /// The response body was bigger than the caller allowed.
        case responseTooLarge
        /// The client was shut down.
        case shutdown
        /// Any other failure while sending or receiving.
        case transfer
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "HTTPClientError.\(code): \(message)" }

    static let cancelled = HTTPClientError(.cancelled, "request cancelled")
    static let shutdown = HTTPClientError(.shutdown, "HTTP client was shut down")
}
