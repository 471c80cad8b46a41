import SupervisorKernel

/// `/jobs/*`: running and recent jobs, and the job manager's options.
struct JobRoutes {
    let jobs: JobManager

    func register(_ routes: RouteBuilder) {
        routes.get("/jobs/info", summary: "The job manager's options and the job tree", response: Self.infoSchema) { _ in
            .ok([
                "ignore_conditions": JSONValue(jobs.options.current.ignoreConditions.map(\.rawValue)),
                "jobs": .array(jobs.tree()),
            ])
        }
        routes.post("/jobs/options", summary: "Set the conditions the job manager ignores", request: Self.optionsSchema) { request in
            let body = try await request.json(Self.optionsSchema)
            if let conditions = body["ignore_conditions"]?.arrayValue {
                let parsed = conditions.compactMap { $0.stringValue.flatMap(JobCondition.init(rawValue:)) }
                try jobs.options.update { $0.ignoreConditions = parsed }
            }
            return .ok()
        }
        routes.post("/jobs/reset", summary: "Reset the job manager's options and forget finished jobs") { _ in
            try jobs.reset()
            return .ok()
        }
        routes.get("/jobs/{uuid}", summary: "One job with its child jobs", response: Self.jobSchema) { request in
            guard let job = jobs.tree(from: request.parameter("uuid")).first else {
                throw SupervisorError.notFound("Job does not exist")
            }
            return .ok(job)
        }
        routes.delete("/jobs/{uuid}", summary: "Remove a finished job") { request in
            try jobs.remove(request.parameter("uuid"))
            return .ok()
        }
    }

    static let optionsSchema: Schema = .object([
        .init("ignore_conditions", .array(.string(.oneOf(JobCondition.self))), summary: "Conditions to ignore"),
    ])

    static let jobSchema: Schema = .object([
        .init("name", .string(), required: true), .init("reference", .nullable(.string()), required: true),
        .init("uuid", .string(), required: true), .init("progress", .number, required: true),
        .init("stage", .nullable(.string()), required: true), .init("done", .nullable(.boolean), required: true),
        .init("errors", .array(.object([
            .init("type", .string()), .init("message", .string()), .init("stage", .nullable(.string())),
        ])), required: true),
        .init("created", .string(.init(format: "date-time")), required: true),
        .init("extra", .nullable(.map(.any))), .init("child_jobs", .array(.any), required: true),
    ])

    static let infoSchema: Schema = .object([
        .init("ignore_conditions", .array(.string()), required: true), .init("jobs", .array(jobSchema), required: true),
    ])
}
