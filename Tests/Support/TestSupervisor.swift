import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SupervisorHTTP
import SupervisorKernel
import SupervisorServer

/// A Supervisor with its own temporary data directory, for tests that go through HTTP.
public final class TestSupervisor: Sendable {
    public let kernel: Kernel
    public let dataDirectory: URL
    private let ownsDirectory: Bool

    /// Loads the core plugin and `plugins` over `dataDirectory` (a fresh temp dir when `nil`).
    public init(plugins: [any SupervisorPlugin] = [], dataDirectory: URL? = nil, settings: JSONValue = [:]) async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("supervisor-api-\(UUID().uuidString.prefix(8))", isDirectory: true)
        self.dataDirectory = directory
        ownsDirectory = dataDirectory == nil
        var configuration = SupervisorConfiguration()
        configuration.dataDirectory = directory.path
        configuration.settings = settings
        kernel = try await SupervisorServer.makeKernel(configuration, plugins: plugins, logs: LogRecorder(level: .debug, echo: nil))
        await kernel.start()
    }

    deinit {
        if ownsDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
    }

    /// Home Assistant Core's token, as stored in `homeassistant.json`.
    public var homeAssistantToken: String { storedToken("homeassistant") }
    public var cliToken: String { storedToken("cli") }
    public var observerToken: String { storedToken("observer") }

    public func storedToken(_ file: String) -> String {
        let data = (try? Data(contentsOf: dataDirectory.appendingPathComponent("\(file).json"))) ?? Data()
        return (try? JSONValue.parse(Array(data)))?["access_token"]?.stringValue ?? ""
    }

    /// Registers a token for an add-on with the given role, as the add-on subsystem does at start.
    public func addonToken(_ slug: String, role: AddonRole, hassioAPI: Bool = true) -> String {
        let token = TokenRegistry.generateToken()
        kernel.tokens.register(token, for: .addon(AddonIdentity(slug: slug, role: role, hassioAPI: hassioAPI)))
        return token
    }

    /// Runs `body` with a client that talks to this Supervisor through the Hummingbird adapter.
    public func withClient<Result: Sendable>(
        _ body: @Sendable (APIClient) async throws -> Result
    ) async throws -> Result {
        let app = SupervisorApplication.make(kernel: kernel, host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        return try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }
}

/// A thin client for API tests: JSON in, status and JSON out.
public struct APIClient: Sendable {
    let client: any TestClientProtocol

    /// What a call gave.
    public struct Reply: Sendable {
        public let status: Int
        public let headers: HTTPFields
        public let body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The parsed body; `null` if it is not JSON.
        public var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
        /// `data` of an ok envelope.
        public var data: JSONValue { json["data"] ?? .null }
        public var message: String { json["message"]?.stringValue ?? "" }
        public var isOK: Bool { status == 200 && json["result"] == "ok" }
    }

    /// Sends a request; `json` is serialised as the body, `raw` is sent as is.
    public func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: JSONValue? = nil, raw: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: json.serialized())
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer: response.body))
        }
    }
}

/// The request method type test clients take, so tests need not import HTTPTypes.
public typealias HTTPRequestMethod = HTTPRequest.Method
