import Foundation
import Testing
@testable import SupervisorKernel

@Suite struct JobManagerTests {
    @Test func recordsProgressStagesAndChildren() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobs = kernel.jobs
        let result = try await jobs.run("backup_manager_full_backup", reference: "abc") { job in
            job.stage("addons")
            job.progress(40)
            try await jobs.run("backup_store_addons") { child in child.progress(100) }
            return 7
        }
        #expect(result == 7)
        let tree = jobs.tree()
        #expect(tree.count == 1)
        let root = try #require(tree.first)
        #expect(root["name"] == "backup_manager_full_backup")
        #expect(root["reference"] == "abc")
        #expect(root["done"] == true)
        #expect(root["progress"] == .double(100))
        #expect(root["stage"] == "addons")
        #expect(root["child_jobs"]?.arrayValue?.first?["name"] == "backup_store_addons")
    }

    @Test func refusesAConflictingJobWithAClearMessage() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobs = kernel.jobs
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let uuid = try jobs.schedule("addon_install", reference: "ssh") { _ in for await _ in gate { break } }
        do {
            try await jobs.run("addon_install", reference: "ssh") { _ in }
            Issue.record("second job should be refused")
        } catch let error as SupervisorError {
            #expect(error.code == .jobConflict)
            #expect(error.jobID == uuid)
            #expect(error.message.contains("addon_install for ssh"))
        }
        // A different reference is not a conflict.
        try await jobs.run("addon_install", reference: "mqtt") { _ in }
        opener.yield()
        opener.finish()
        while jobs.job(uuid)?.done != true { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func recordsErrorsOnFailedJobs() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: SupervisorError.self) {
            try await kernel.jobs.run("failing") { job in
                job.stage("step")
                throw SupervisorError.badRequest("boom")
            }
        }
        let job = try #require(kernel.jobs.jobs.first)
        #expect(job.done == true)
        #expect(job.errors == [JobError(type: "SupervisorError", message: "boom", stage: "step")])
        try kernel.jobs.remove(job.uuid)
        #expect(kernel.jobs.jobs.isEmpty)
    }

    @Test func keepsHistoryBounded() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobs = JobManager(bus: kernel.bus, store: kernel.state, historyLimit: 10)
        for index in 0..<50 { try await jobs.run("job", reference: "\(index)") { _ in } }
        #expect(jobs.jobs.count <= 10)
        #expect(jobs.jobs.last?.reference == "49")
    }

    @Test func publishesChangesOnTheBus() async throws {
        let (kernel, directory) = makeTestKernel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = kernel.bus.subscribe(to: JobChanged.self)
        try await kernel.jobs.run("observed") { job in job.progress(50) }
        var progress: [Double] = []
        for await event in events {
            progress.append(event.job.progress)
            if event.job.done == true { break }
        }
        #expect(progress == [0, 50, 100])
    }
}
