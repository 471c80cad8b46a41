import SupervisorKernel

/// `GET /openapi.json`: the OpenAPI 3.1 document generated from the live route table.
struct OpenAPIRoutes {
    let catalog: RouteCatalog
    let version: String

    func register(_ routes: RouteBuilder) {
        routes.get("/openapi.json", summary: "This API as an OpenAPI 3.1 document", response: .map(.any)) { _ in
            .json(OpenAPIDocument.build(routes: catalog.routes, version: version))
        }
    }
}

/// Builds the OpenAPI document from route descriptions.
public enum OpenAPIDocument {
    public static func build(routes: [Route], version: String) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for route in routes {
            paths[route.pattern.openAPIPath, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Home Assistant Supervisor API", "version": .string(version)],
            "servers": [["url": "http://supervisor"]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": ["Error": envelopeError],
            ],
            "paths": .object(paths.mapValues(JSONValue.object)),
        ]
    }

    static func operation(_ route: Route) -> JSONValue {
        var operation: [String: JSONValue] = [
            "summary": .string(route.summary),
            "operationId": .string(operationID(route)),
            "tags": [.string(route.owner)],
            "responses": [
                "200": ["description": "Success", "content": .object([route.responseContentType: ["schema": success(route)]])],
                "400": errorResponse("Invalid request"), "401": errorResponse("No token"),
                "403": errorResponse("Not allowed for this caller"), "404": errorResponse("Not found"),
            ],
        ]
        let parameters = route.pattern.parameterNames.map { name -> JSONValue in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let request = route.requestSchema {
            operation["requestBody"] = ["required": false, "content": ["application/json": ["schema": request.openAPI]]]
        }
        if AccessPolicy.decide(.anonymous, path: route.pattern.example()) != .publicPath {
            operation["security"] = [["bearer": []]]
        } else {
            operation["security"] = []
        }
        return .object(operation)
    }

    static func success(_ route: Route) -> JSONValue {
        guard route.responseContentType == "application/json", route.pattern.description != "/openapi.json" else {
            return route.responseSchema?.openAPI ?? ["type": "string"]
        }
        return [
            "type": "object", "required": ["result", "data"],
            "properties": ["result": ["const": "ok"], "data": (route.responseSchema ?? .object([])).openAPI],
        ]
    }

    static func operationID(_ route: Route) -> String {
        let words = route.pattern.openAPIPath.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return ([route.method.rawValue.lowercased()] + words).joined(separator: "_")
    }

    static func errorResponse(_ text: String) -> JSONValue {
        ["description": .string(text), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    static let envelopeError: JSONValue = [
        "type": "object", "required": ["result", "message"],
        "properties": [
            "result": ["const": "error"], "message": ["type": "string"], "error_key": ["type": "string"],
            "job_id": ["type": "string"], "extra_fields": ["type": "object"],
        ],
    ]
}
