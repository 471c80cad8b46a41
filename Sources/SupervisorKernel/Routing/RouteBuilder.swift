/// Collects the routes of one plugin while it registers them.
public final class RouteBuilder {
    public private(set) var routes: [Route] = []
    /// The slug routes are tagged with.
    public let owner: String

    public init(owner: String) { self.owner = owner }

    /// Adds a fully described route.
    public func add(_ route: Route) {
        var route = route
        route.owner = owner
        routes.append(route)
    }

    /// Adds a route from its parts.
    public func on(
        _ method: HTTPMethod, _ path: String, summary: String, request: Schema? = nil, response: Schema? = nil,
        contentType: String = "application/json", handler: @escaping RouteHandler
    ) {
        add(Route(method, path, summary: summary, request: request, response: response,
                  contentType: contentType, owner: owner, handler: handler))
    }

    public func get(_ path: String, summary: String, response: Schema? = nil, contentType: String = "application/json",
                    handler: @escaping RouteHandler) {
        on(.get, path, summary: summary, response: response, contentType: contentType, handler: handler)
    }

    public func post(_ path: String, summary: String, request: Schema? = nil, response: Schema? = nil,
                     handler: @escaping RouteHandler) {
        on(.post, path, summary: summary, request: request, response: response, handler: handler)
    }

    public func delete(_ path: String, summary: String, response: Schema? = nil, handler: @escaping RouteHandler) {
        on(.delete, path, summary: summary, response: response, handler: handler)
    }
}
