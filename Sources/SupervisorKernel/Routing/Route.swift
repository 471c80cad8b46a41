/// Handles one matched request.
public typealias RouteHandler = @Sendable (APIRequest) async throws -> APIResponse

/// One endpoint: method, path pattern, documentation and handler.
public struct Route: Sendable {
    public var method: HTTPMethod
    public var pattern: PathPattern
    /// One line for `/openapi.json`.
    public var summary: String
    /// The JSON body it accepts, if any.
    public var requestSchema: Schema?
    /// The `data` member of its envelope, or the raw body's shape.
    public var responseSchema: Schema?
    /// `application/json` for envelope routes; `text/plain`, `application/octet-stream` for raw ones.
    public var responseContentType: String
    /// The plugin that registered it (the OpenAPI tag).
    public var owner: String
    public var handler: RouteHandler

    public init(
        _ method: HTTPMethod, _ path: String, summary: String, request: Schema? = nil, response: Schema? = nil,
        contentType: String = "application/json", owner: String = "supervisor", handler: @escaping RouteHandler
    ) {
        self.method = method
        self.pattern = PathPattern(path)
        self.summary = summary
        self.requestSchema = request
        self.responseSchema = response
        self.responseContentType = contentType
        self.owner = owner
        self.handler = handler
    }
}
