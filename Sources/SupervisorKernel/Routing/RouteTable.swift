/// The frozen set of routes, matched by method and path.
public struct RouteTable: Sendable {
    /// What matching a request gives.
    public enum Match: Sendable {
        case route(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    public let routes: [Route]
    /// Routes indexed by their first literal segment; patterns starting with a placeholder go under "".
    private let byFirstSegment: [String: [Int]]

    public init(_ routes: [Route]) throws(SupervisorError) {
        var seen = Set<String>()
        for route in routes {
            let key = "\(route.method.rawValue) \(route.pattern.example { _ in "{}" })"
            guard seen.insert(key).inserted else {
                throw SupervisorError(.internalError, "Route \(key) is registered twice (by \(route.owner))")
            }
        }
        self.routes = routes
        var index: [String: [Int]] = [:]
        for (position, route) in routes.enumerated() {
            if case .literal(let first) = route.pattern.segments.first {
                index[first, default: []].append(position)
            } else {
                index["", default: []].append(position)
            }
        }
        byFirstSegment = index
    }

    public func match(_ method: HTTPMethod, _ path: String) -> Match {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)[...]
        let candidates = (byFirstSegment[segments.first.map(String.init) ?? ""] ?? []) + (byFirstSegment[""] ?? [])
        var allowed: [HTTPMethod] = []
        for position in candidates {
            let route = routes[position]
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method || (method == .head && route.method == .get) {
                return .route(route, parameters: parameters)
            }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
