import Foundation
@testable import SupervisorKernel

/// A kernel over a fresh temp data dir, quiet logs.
func makeTestKernel() -> (Kernel, URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernel-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let identity = SupervisorIdentity(version: "1.0", arch: "amd64", supportedArchs: ["amd64"], machine: nil, machineID: nil)
    let kernel = Kernel(paths: SupervisorPaths(data: directory), identity: identity, logs: LogRecorder(echo: nil))
    return (kernel, directory)
}
