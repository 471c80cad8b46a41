/// A request as the kernel sees it, independent of any HTTP server.
public struct APIRequest: Sendable {
    public var method: HTTPMethod
    /// The decoded path, without the query, e.g. `/addons/self/info`.
    public var path: String
    /// The raw query string after `?`, or empty.
    public var rawQuery: String
    public var headers: Headers
    public var body: ByteStream
    /// Values of the route's `{placeholders}`, filled in by the router.
    public var parameters: [String: String] = [:]
    /// Who is calling, filled in by authentication.
    public var caller: Caller = .anonymous
    /// Largest JSON body the router accepts (16 MiB).
    public static let jsonBodyLimit = 16 * 1024 * 1024

    public init(method: HTTPMethod, path: String, rawQuery: String = "", headers: Headers = Headers(), body: ByteStream = .empty) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
    }

    /// Query parameters, percent-decoded; the first value of a repeated name wins.
    public var query: [String: String] {
        var result: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let name = PercentDecoding.decode(String(parts[0]), plusAsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(String(parts[1]), plusAsSpace: true) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// The value of a route placeholder; the router guarantees it exists for matched routes.
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The body as JSON checked against `schema`. An empty body counts as `{}` like the reference.
    public func json(_ schema: Schema) async throws -> JSONValue {
        let bytes = try await body.collect(upTo: Self.jsonBodyLimit)
        let value: JSONValue = bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            ? .object([:]) : try JSONValue.parse(bytes)
        try schema.validate(value)
        return value
    }

    /// Like `json(_:)` but also requires at least one key, as `options` endpoints do.
    public func options(_ schema: Schema) async throws -> [String: JSONValue] {
        let members = try await json(schema).objectValue ?? [:]
        guard !members.isEmpty else { throw SupervisorError.badRequest("You need to supply at least one option") }
        return members
    }
}
