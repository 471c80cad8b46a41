/// A response as the kernel produces it; the HTTP adapter only copies it out.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: Headers
    public var body: Body

    /// Either bytes at hand or a stream pulled while the response is written.
    public enum Body: Sendable {
        case bytes([UInt8])
        case stream(ByteStream)
    }

    public init(status: Int = 200, headers: Headers = Headers(), body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `{"result":"ok","data":{...}}`; `data` that is not an object or list becomes `{}`.
    public static func ok(_ data: JSONValue = .object([:])) -> APIResponse {
        let payload: JSONValue
        switch data {
        case .object, .array: payload = data
        default: payload = .object([:])
        }
        return json(["result": "ok", "data": payload])
    }

    /// `{"result":"ok","data":...}` from an `Encodable` model.
    public static func ok(encoding model: some Encodable) throws -> APIResponse {
        ok(try JSONValue.encoding(model))
    }

    /// `{"result":"error","message":...}` with the error's status and optional keys.
    public static func error(_ error: SupervisorError) -> APIResponse {
        var envelope: [String: JSONValue] = ["result": "error", "message": .string(error.message)]
        if let key = error.errorKey { envelope["error_key"] = .string(key) }
        if let job = error.jobID { envelope["job_id"] = .string(job) }
        if let extra = error.extraFields { envelope["extra_fields"] = .object(extra) }
        var response = json(.object(envelope))
        response.status = error.code.httpStatus
        return response
    }

    /// Any JSON value as `application/json`.
    public static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
        var headers = Headers()
        headers.add("Content-Type", "application/json")
        return APIResponse(status: status, headers: headers, body: .bytes(value.serialized()))
    }

    /// Text or bytes with a content type, e.g. logs as `text/plain`.
    public static func raw(_ body: Body, contentType: String, status: Int = 200) -> APIResponse {
        var headers = Headers()
        headers.add("Content-Type", contentType)
        return APIResponse(status: status, headers: headers, body: body)
    }
}
