import Foundation
import Synchronization

/// Runs long work as jobs whose progress the API shows at `/jobs/info`.
///
/// A job started while another runs in the same task becomes its child. Finished jobs stay in a
/// bounded history. A job with `.reject` refuses to start while one of the same name and
/// reference runs, with a message that says which.
public final class JobManager: Sendable {
    /// What to do when a job of the same name and reference already runs.
    public enum Concurrency: Sendable {
        /// Refuse the second one.
        case reject
        /// Let both run.
        case allow
    }

    /// Options persisted in `jobs.json`.
    public struct Options: Codable, Sendable, Equatable {
        public var ignoreConditions: [JobCondition] = []
        enum CodingKeys: String, CodingKey { case ignoreConditions = "ignore_conditions" }
        public init() {}
    }

    @TaskLocal static var currentJobID: String?

    private struct State {
        var jobs: [String: JobSnapshot] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    private let bus: EventBus
    private let historyLimit: Int
    /// `ignore_conditions` and friends.
    public let options: StateFile<Options>

    public init(bus: EventBus, store: StateStore, historyLimit: Int = 100) {
        self.bus = bus
        self.historyLimit = historyLimit
        self.options = StateFile(store: store, name: "jobs", defaults: Options())
    }

    /// Runs `body` as a job in the current task and returns its result.
    public func run<Result: Sendable>(
        _ name: String, reference: String? = nil, concurrency: Concurrency = .reject, extra: JSONValue? = nil,
        isInternal: Bool = false, _ body: (Job) async throws -> Result
    ) async throws -> Result {
        let job = try begin(name, reference: reference, concurrency: concurrency, extra: extra, isInternal: isInternal)
        do {
            let result = try await Self.$currentJobID.withValue(job.uuid) { try await body(job) }
            finish(job.uuid, error: nil)
            return result
        } catch {
            finish(job.uuid, error: error)
            throw error
        }
    }

    /// Starts `body` as a job in a background task and returns the job's uuid at once.
    ///
    /// Conflicts are refused before anything runs, so the caller can answer the request with them.
    @discardableResult
    public func schedule(
        _ name: String, reference: String? = nil, concurrency: Concurrency = .reject, extra: JSONValue? = nil,
        _ body: @escaping @Sendable (Job) async throws -> Void
    ) throws -> String {
        let job = try begin(name, reference: reference, concurrency: concurrency, extra: extra, isInternal: false)
        Task {
            do {
                try await Self.$currentJobID.withValue(job.uuid) { try await body(job) }
                self.finish(job.uuid, error: nil)
            } catch {
                self.finish(job.uuid, error: error)
            }
        }
        return job.uuid
    }

    /// Every job, oldest first.
    public var jobs: [JobSnapshot] { state.withLock { state in state.order.compactMap { state.jobs[$0] } } }

    public func job(_ uuid: String) -> JobSnapshot? { state.withLock { $0.jobs[uuid] } }

    /// The API tree: root jobs newest first, each with `child_jobs` oldest first.
    public func tree(from root: String? = nil) -> [JSONValue] {
        let all = jobs.filter { !$0.isInternal }
        let children = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID! })
        func render(_ job: JobSnapshot) -> JSONValue {
            var json = job.json
            json["child_jobs"] = .array((children[job.uuid] ?? []).map(render))
            return .object(json)
        }
        if let root { return all.filter { $0.uuid == root }.map(render) }
        return all.filter { $0.parentID == nil }.reversed().map(render)
    }

    /// Removes a finished job and its children.
    public func remove(_ uuid: String) throws(SupervisorError) {
        try state.withLock { (state: inout State) throws(SupervisorError) in
            guard let job = state.jobs[uuid] else { throw SupervisorError.notFound("Job does not exist") }
            guard job.done == true else { throw SupervisorError.badRequest("Job \(uuid) is not done!") }
            Self.drop(uuid, from: &state)
        }
    }

    /// Forgets finished jobs and the options (`/jobs/reset`).
    public func reset() throws {
        try options.update { $0 = Options() }
        state.withLock { state in
            for uuid in state.order where state.jobs[uuid]?.done == true { Self.drop(uuid, from: &state) }
        }
    }

    // MARK: Updates from a running job

    func update(_ uuid: String, _ change: (inout JobSnapshot) -> Void) {
        let snapshot: JobSnapshot? = state.withLock { state in
            guard var job = state.jobs[uuid], job.done != true else { return nil }
            change(&job)
            job.progress = min(100, max(0, job.progress))
            state.jobs[uuid] = job
            return job
        }
        if let snapshot { bus.publish(JobChanged(snapshot)) }
    }

    private func begin(
        _ name: String, reference: String?, concurrency: Concurrency, extra: JSONValue?, isInternal: Bool
    ) throws(SupervisorError) -> Job {
        let parent = Self.currentJobID
        let snapshot = try state.withLock { (state: inout State) throws(SupervisorError) -> JobSnapshot in
            if concurrency == .reject,
               let running = state.jobs.values.first(where: { $0.name == name && $0.reference == reference && $0.done == false }) {
                let subject = reference.map { "\(name) for \(String($0))" } ?? name
                throw SupervisorError(
                    .jobConflict, "Another job is already running: \(subject) (job \(running.uuid))",
                    errorKey: "job_concurrency_error", jobID: running.uuid)
            }
            let job = JobSnapshot(
                uuid: UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(), name: name,
                reference: reference, done: false, created: Date(), parentID: parent, extra: extra, isInternal: isInternal)
            state.jobs[job.uuid] = job
            state.order.append(job.uuid)
            trimHistory(&state)
            return job
        }
        bus.publish(JobChanged(snapshot))
        return Job(uuid: snapshot.uuid, manager: self)
    }

    private func finish(_ uuid: String, error: (any Error)?) {
        let snapshot: JobSnapshot? = state.withLock { state in
            guard var job = state.jobs[uuid] else { return nil }
            if let error {
                let message = (error as? SupervisorError)?.message ?? String(describing: error)
                job.errors.append(JobError(type: String(describing: type(of: error)), message: message, stage: job.stage))
            } else {
                job.progress = 100
            }
            job.done = true
            state.jobs[uuid] = job
            return job
        }
        if let snapshot { bus.publish(JobChanged(snapshot)) }
    }

    private func trimHistory(_ state: inout State) {
        var finishedRoots = state.order.filter { state.jobs[$0]?.done == true && state.jobs[$0]?.parentID == nil }
        while state.order.count > historyLimit, !finishedRoots.isEmpty {
            Self.drop(finishedRoots.removeFirst(), from: &state)
        }
    }

    private static func drop(_ uuid: String, from state: inout State) {
        let children = state.jobs.values.filter { $0.parentID == uuid }.map(\.uuid)
        for child in children { drop(child, from: &state) }
        state.jobs[uuid] = nil
        state.order.removeAll { $0 == uuid }
    }
}

/// The handle a running job uses to report progress.
public struct Job: Sendable {
    public let uuid: String
    let manager: JobManager

    /// Sets progress, 0 to 100.
    public func progress(_ value: Double) { manager.update(uuid) { $0.progress = value } }
    /// Names the step the job is in.
    public func stage(_ value: String?) { manager.update(uuid) { $0.stage = value } }
    /// Replaces the job's extra data.
    public func extra(_ value: JSONValue?) { manager.update(uuid) { $0.extra = value } }
}
