import Foundation
import SupervisorHardware
import SupervisorKernel
import SystemTestSupport

/// A kernel with only the hardware plugin, and tokens for Core and a default-role add-on.
struct HardwareKernel {
    let kernel: Kernel
    let directory: TemporaryDirectory

    static let coreToken = "tok"
    static let addonToken = "addon-tok"

    init() async throws {
        directory = try TemporaryDirectory(prefix: "hardware-test")
        kernel = Kernel(
            paths: SupervisorPaths(data: directory.url),
            identity: SupervisorIdentity(version: "test", arch: "amd64", supportedArchs: ["amd64"], machine: nil, machineID: nil),
            logs: LogRecorder(echo: nil))
        await kernel.load([HardwarePlugin()])
        kernel.tokens.register(Self.coreToken, for: .homeAssistant)
        kernel.tokens.register(Self.addonToken, for: .addon(AddonIdentity(slug: "x", role: .default, hassioAPI: true)))
    }

    /// Sends a request with `token` and returns the status and the parsed JSON body.
    func call(_ method: HTTPMethod, _ path: String, token: String = coreToken) async throws -> (status: Int, body: JSONValue) {
        let response = await kernel.handle(APIRequest(
            method: method, path: path, headers: Headers([("Authorization", "Bearer \(token)")])))
        guard case .bytes(let bytes) = response.body else { throw TestFailure("streamed body for \(path)") }
        return (response.status, try JSONValue.parse(bytes))
    }

    /// `data` of an ok envelope.
    func data(_ path: String, method: HTTPMethod = .get) async throws -> JSONValue {
        let (status, body) = try await call(method, path)
        guard status == 200, body["result"] == "ok", let data = body["data"] else {
            throw TestFailure("\(path) answered \(status): \(body)")
        }
        return data
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// sysfs facts the tests compare the API with.
enum Sysfs {
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// /sys/devices paths of the entries of /sys/class/<name>.
    static func classDevices(_ name: String) -> [String] {
        let folder = "/sys/class/\(name)"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.compactMap { resolve("\(folder)/\($0)") }.sorted()
    }

    /// True when the device has a node (a `dev` file with major:minor).
    static func hasNode(_ sysPath: String) -> Bool { FileManager.default.fileExists(atPath: sysPath + "/dev") }
}
