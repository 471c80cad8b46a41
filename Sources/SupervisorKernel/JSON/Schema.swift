/// The shape of a JSON value: validates request bodies and describes routes in `/openapi.json`,
/// so the documentation and the validation cannot drift apart.
public indirect enum Schema: Sendable {
    case any
    case null
    case boolean
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case number
    case string(StringRule = .any)
    case array(Schema)
    /// An object with named properties. `additional` types the members not named; `nil` rejects them.
    case object([Property], additional: Schema? = nil)
    case nullable(Schema)
    /// Any object whose member values all match the schema (a map).
    case map(Schema)

    /// A named member of an object schema.
    public struct Property: Sendable {
        public var name: String
        public var schema: Schema
        public var required: Bool
        public var summary: String?

        public init(_ name: String, _ schema: Schema, required: Bool = false, summary: String? = nil) {
            self.name = name
            self.schema = schema
            self.required = required
            self.summary = summary
        }
    }

    /// What a string must look like.
    public struct StringRule: Sendable {
        public var allowed: [String]?
        public var format: String?
        /// Returns a message when the value is not acceptable.
        public var check: (@Sendable (String) -> String?)?

        public init(allowed: [String]? = nil, format: String? = nil, check: (@Sendable (String) -> String?)? = nil) {
            self.allowed = allowed
            self.format = format
            self.check = check
        }

        public static let any = StringRule()
        public static func oneOf(_ values: [String]) -> StringRule { StringRule(allowed: values) }
        public static func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> StringRule where E.RawValue == String {
            StringRule(allowed: type.allCases.map(\.rawValue))
        }
    }

    /// An object schema whose keys are all optional, for `options` endpoints.
    public static func options(_ properties: [Property]) -> Schema { .object(properties) }
}

extension Schema {
    /// Checks `value` against this schema; the error names the offending field.
    public func validate(_ value: JSONValue, at path: String = "") throws(SupervisorError) {
        func fail(_ message: String) -> SupervisorError {
            .badRequest(path.isEmpty ? message : "Invalid value for '\(path)': \(message)")
        }
        switch (self, value) {
        case (.any, _): return
        case (.nullable, .null), (.null, .null): return
        case (.nullable(let inner), _): try inner.validate(value, at: path)
        case (.boolean, .bool): return
        case (.integer(let minimum, let maximum), _):
            guard case .int(let number) = value else { throw fail("expected an integer, got \(value.typeName)") }
            if let minimum, number < minimum { throw fail("must be at least \(minimum)") }
            if let maximum, number > maximum { throw fail("must be at most \(maximum)") }
        case (.number, .int), (.number, .double): return
        case (.string(let rule), .string(let text)):
            if let allowed = rule.allowed, !allowed.contains(text) {
                throw fail("'\(text)' is not one of \(allowed.joined(separator: ", "))")
            }
            if let message = rule.check?(text) { throw fail(message) }
        case (.array(let element), .array(let elements)):
            for (index, item) in elements.enumerated() {
                try element.validate(item, at: "\(path)[\(index)]")
            }
        case (.map(let element), .object(let members)):
            for (key, member) in members { try element.validate(member, at: Self.join(path, key)) }
        case (.object(let properties, let additional), .object(let members)):
            for property in properties {
                if let member = members[property.name] {
                    try property.schema.validate(member, at: Self.join(path, property.name))
                } else if property.required {
                    throw SupervisorError.badRequest("Missing required key '\(Self.join(path, property.name))'")
                }
            }
            let known = Set(properties.map(\.name))
            for (key, member) in members where !known.contains(key) {
                guard let additional else {
                    throw SupervisorError.badRequest("Unknown key '\(Self.join(path, key))' is not allowed")
                }
                try additional.validate(member, at: Self.join(path, key))
            }
        default:
            throw fail("expected \(expectedName), got \(value.typeName)")
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    var expectedName: String {
        switch self {
        case .any: "any value"
        case .null: "null"
        case .boolean: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object, .map: "an object"
        case .nullable(let inner): "\(inner.expectedName) or null"
        }
    }
}
