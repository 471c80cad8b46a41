extension Kernel {
    /// Answers one API request: filter, authenticate, authorise, route, run, map errors.
    ///
    /// Never throws: every failure becomes an error envelope with a status that fits it.
    public func handle(_ incoming: APIRequest) async -> APIResponse {
        var request = incoming
        if let rejection = RequestFilter.rejection(path: request.path, query: request.rawQuery) {
            logger.warning("Filtered a potentially harmful request", metadata: ["path": "\(request.path)"])
            return .error(.badRequest(rejection))
        }
        let token = Self.token(in: request.headers)
        let caller = token.flatMap(tokens.caller(for:)) ?? .anonymous
        switch AccessPolicy.decide(caller, path: request.path) {
        case .blocked:
            return .error(SupervisorError(.forbidden, "\(request.path) is blocked"))
        case .publicPath, .allowed:
            request.caller = caller
        case .denied(let reason):
            if token == nil { return .error(SupervisorError(.unauthorized, "No API token provided")) }
            if caller == .anonymous { return .error(SupervisorError(.forbidden, "Invalid API token")) }
            logger.warning("Refused by role", metadata: ["path": "\(request.path)", "reason": "\(reason)"])
            return .error(SupervisorError(.forbidden, reason))
        }
        guard let table = catalog.current else {
            return .error(SupervisorError(.unavailable, "The Supervisor is still starting"))
        }
        switch table.match(request.method, request.path) {
        case .notFound:
            return .error(.notFound("Not found: \(request.method.rawValue) \(request.path)"))
        case .methodNotAllowed(let allowed):
            var response = APIResponse.error(SupervisorError(
                .methodNotAllowed, "Method \(request.method.rawValue) is not allowed for \(request.path)"))
            response.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
            return response
        case .route(let route, let parameters):
            do {
                request.parameters = try Self.resolvingSelf(parameters, caller: caller)
                return try await route.handler(request)
            } catch let error as SupervisorError {
                return .error(error)
            } catch let error as DecodingError {
                return .error(.badRequest("Invalid request: \(error.plainDescription)"))
            } catch is CancellationError {
                return .error(SupervisorError(.internalError, "The request was cancelled"))
            } catch {
                logger.error("Unexpected error during API call", metadata: ["path": "\(request.path)", "error": "\(error)"])
                return .error(SupervisorError(.internalError, "Unknown error, see Supervisor logs"))
            }
        }
    }

    /// The token from `X-Supervisor-Token`, `X-Hassio-Key` or `Authorization: Bearer …`.
    static func token(in headers: Headers) -> String? {
        if let token = headers["X-Supervisor-Token"], !token.isEmpty { return token }
        if let token = headers["X-Hassio-Key"], !token.isEmpty { return token }
        if let authorization = headers["Authorization"],
           let token = authorization.split(separator: " ").last, !token.isEmpty {
            return String(token)
        }
        return nil
    }

    /// Placeholders that may say `self` for the calling add-on.
    static let selfAliases: Set<String> = ["addon", "app"]

    static func resolvingSelf(_ parameters: [String: String], caller: Caller) throws(SupervisorError) -> [String: String] {
        var resolved = parameters
        for (name, value) in parameters where value == "self" && selfAliases.contains(name) {
            guard let slug = caller.addonSlug else { throw .badRequest("Self is not an Add-on") }
            resolved[name] = slug
        }
        return resolved
    }
}
