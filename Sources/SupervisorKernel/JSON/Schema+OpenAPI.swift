extension Schema {
    /// This schema as an OpenAPI 3.1 (JSON Schema 2020-12) object.
    public var openAPI: JSONValue {
        switch self {
        case .any: return [:]
        case .null: return ["type": "null"]
        case .boolean: return ["type": "boolean"]
        case .integer(let minimum, let maximum):
            var result: [String: JSONValue] = ["type": "integer"]
            if let minimum { result["minimum"] = .int(minimum) }
            if let maximum { result["maximum"] = .int(maximum) }
            return .object(result)
        case .number: return ["type": "number"]
        case .string(let rule):
            var result: [String: JSONValue] = ["type": "string"]
            if let allowed = rule.allowed { result["enum"] = JSONValue(allowed) }
            if let format = rule.format { result["format"] = .string(format) }
            return .object(result)
        case .array(let element): return ["type": "array", "items": element.openAPI]
        case .map(let element): return ["type": "object", "additionalProperties": element.openAPI]
        case .object(let properties, let additional):
            var members: [String: JSONValue] = [:]
            for property in properties {
                var schema = property.schema.openAPI
                if let summary = property.summary, case .object(var fields) = schema {
                    fields["description"] = .string(summary)
                    schema = .object(fields)
                }
                members[property.name] = schema
            }
            var result: [String: JSONValue] = [
                "type": "object", "properties": .object(members),
                "additionalProperties": additional.map(\.openAPI) ?? false,
            ]
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { result["required"] = JSONValue(required) }
            return .object(result)
        case .nullable(let inner):
            return ["anyOf": [inner.openAPI, ["type": "null"]]]
        }
    }
}
