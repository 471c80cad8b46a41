import Foundation
import Testing
@testable import SupervisorKernel

@Suite struct StateStoreTests {
    struct Sample: Codable, Sendable, Equatable {
        var name = "default"
        var count = 0
    }

    @Test func savesAtomicallyAndLoadsBack() throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = StateFile(store: kernel.state, name: "sample", defaults: Sample())
        try file.update { $0.count = 7 }
        let reread = StateFile(store: kernel.state, name: "sample", defaults: Sample())
        #expect(reread.current == Sample(name: "default", count: 7))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: ["{not json", "[1,2,3]", "{\"name\": 5}", ""])
    func setsCorruptFilesAsideAndUsesDefaults(_ content: String) throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(content.utf8).write(to: directory.appendingPathComponent("sample.json"))
        let file = StateFile(store: kernel.state, name: "sample", defaults: Sample())
        #expect(file.current == Sample())
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!names.contains("sample.json"))
        let aside = try #require(names.first { $0.hasPrefix("sample.json.corrupt-") })
        #expect(try String(contentsOf: directory.appendingPathComponent(aside), encoding: .utf8) == content)
        #expect(kernel.state.recoveredFiles.map(\.name) == ["sample"])
    }

    @Test func rejectsFilesThatFailValidation() throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"name":"x","count":-1}"#.utf8).write(to: directory.appendingPathComponent("sample.json"))
        let file = StateFile(store: kernel.state, name: "sample", defaults: Sample()) { value in
            if value.count < 0 { throw SupervisorError.badRequest("negative count") }
        }
        #expect(file.current == Sample())
        #expect(kernel.state.recoveredFiles.first?.reason.contains("negative count") == true)
    }

    @Test func failedWriteLeavesMemoryAndDiskUnchanged() throws {
        let (kernel, directory) = makeTestKernel()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let file = StateFile(store: kernel.state, name: "sample", defaults: Sample())
        try file.update { $0.count = 1 }
        // A file where the temp file would go makes the directory unusable even for root.
        let blocker = directory.appendingPathComponent("sub")
        try Data().write(to: blocker)
        let nested = StateStore(directory: blocker, logger: kernel.logger)
        let broken = StateFile(store: nested, name: "sample", defaults: Sample())
        #expect(throws: SupervisorError.self) { try broken.update { $0.count = 2 } }
        #expect(broken.current.count == 0)
        #expect(file.current.count == 1)
    }
}
