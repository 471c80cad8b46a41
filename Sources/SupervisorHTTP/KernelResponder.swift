import HTTPTypes
import Hummingbird
import NIOCore
import SupervisorKernel

/// The one adapter between Hummingbird 2 and the kernel: every request goes through
/// `Kernel.handle`, which routes, authenticates and answers with the envelope.
///
/// Bodies stay streams both ways: request chunks are handed over as Hummingbird reads them, and
/// streaming responses are pulled chunk by chunk while Hummingbird writes them.
public struct KernelResponder<Context: RequestContext>: HTTPResponder {
    public let kernel: Kernel

    public init(kernel: Kernel) { self.kernel = kernel }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard let method = SupervisorKernel.HTTPMethod(rawValue: request.method.rawValue) else {
            return Self.convert(.error(SupervisorError(.methodNotAllowed, "Method \(request.method.rawValue) is not supported")))
        }
        let body = request.body
        let apiRequest = APIRequest(
            method: method,
            path: request.uri.path,
            rawQuery: request.uri.query ?? "",
            headers: Headers(request.headers.map { (name: $0.name.rawName, value: $0.value) }),
            body: ByteStream(body.map { Array(buffer: $0) }))
        return Self.convert(await kernel.handle(apiRequest))
    }

    static func convert(_ response: APIResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let body: ResponseBody
        switch response.body {
        case .bytes(let bytes):
            body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        case .stream(let stream):
            body = ResponseBody(asyncSequence: stream.map { ByteBuffer(bytes: $0) })
        }
        return Response(status: HTTPResponse.Status(code: response.status), headers: fields, body: body)
    }
}
