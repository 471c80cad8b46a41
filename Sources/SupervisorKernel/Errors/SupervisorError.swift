/// The one error type every layer of the Supervisor throws.
///
/// In the style of swift-service-lifecycle's error structs: a `Code` names the kind of failure
/// (and so the HTTP status), `message` is what a person reads in the response envelope.
public struct SupervisorError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kind of failure. Extensible: plugins may declare their own codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable identifier, e.g. `bad_request`.
        public let name: String
        /// The HTTP status the API answers with for this code.
        public let httpStatus: Int

        /// Declares a code. Plugins use this for failures of their own.
        public init(_ name: String, httpStatus: Int) {
            self.name = name
            self.httpStatus = httpStatus
        }

        public var description: String { name }

        /// The request is malformed or a value is invalid.
        public static let badRequest = Code("bad_request", httpStatus: 400)
        /// No or unknown token.
        public static let unauthorized = Code("unauthorized", httpStatus: 401)
        /// The caller's role does not allow this path.
        public static let forbidden = Code("forbidden", httpStatus: 403)
        /// The path or the named object does not exist.
        public static let notFound = Code("not_found", httpStatus: 404)
        /// The path exists but not with this method.
        public static let methodNotAllowed = Code("method_not_allowed", httpStatus: 405)
        /// A JSON body over the size limit.
        public static let payloadTooLarge = Code("payload_too_large", httpStatus: 413)
        /// Another job holds what this request needs.
        public static let jobConflict = Code("job_conflict", httpStatus: 409)
        /// The backend a feature needs is absent on this host.
        public static let unavailable = Code("not_available", httpStatus: 400)
        /// The operation is valid but cannot be done in the present state.
        public static let failedPrecondition = Code("failed_precondition", httpStatus: 400)
        /// A peer (D-Bus service, engine, manifest server) failed.
        public static let backendFailure = Code("backend_failure", httpStatus: 500)
        /// A failure that is nobody's input: a bug or an unexpected system error.
        public static let internalError = Code("internal_error", httpStatus: 500)
    }

    public var code: Code
    public var message: String
    /// Optional machine-readable key clients use (`error_key` in the envelope).
    public var errorKey: String?
    /// Optional job this failure belongs to (`job_id` in the envelope).
    public var jobID: String?
    /// Optional fields for clients (`extra_fields` in the envelope).
    public var extraFields: [String: JSONValue]?

    public init(
        _ code: Code, _ message: String, errorKey: String? = nil, jobID: String? = nil,
        extraFields: [String: JSONValue]? = nil
    ) {
        self.code = code
        self.message = message
        self.errorKey = errorKey
        self.jobID = jobID
        self.extraFields = extraFields
    }

    public var description: String { "\(code): \(message)" }

    public static func badRequest(_ message: String) -> SupervisorError { .init(.badRequest, message) }
    public static func notFound(_ message: String) -> SupervisorError { .init(.notFound, message) }
    public static func unavailable(_ message: String) -> SupervisorError { .init(.unavailable, message) }
}
