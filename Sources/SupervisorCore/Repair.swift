import Foundation
import SupervisorKernel

/// `/supervisor/repair`: puts the data directory back into a state the Supervisor can run from.
struct Repair {
    let context: PluginContext

    func run(_ job: Job) throws {
        job.stage("temporary_files")
        let folder = context.paths.data
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Left behind when a write was cut off between create and rename; never read by anyone.
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            context.logger.info("Removed an interrupted state write", metadata: ["file": "\(name)"])
        }
        job.progress(50)
        job.stage("writable")
        let probe = folder.appendingPathComponent(".repair-probe")
        do {
            try AtomicFile.write(Data("ok".utf8), to: probe)
            try FileManager.default.removeItem(at: probe)
            context.facts.update { $0.unhealthyReasons.remove("data_dir_not_writable") }
        } catch {
            context.facts.update { $0.unhealthyReasons.insert("data_dir_not_writable") }
            throw SupervisorError(.backendFailure, "The data directory \(folder.path) is not writable: \(error)")
        }
        job.progress(100)
    }
}
