import SupervisorKernel

/// `/supervisor/logs`: the Supervisor's recent log lines as text, and a live follow.
struct SupervisorLogRoutes {
    let logs: LogRecorder
    static let defaultLines = 100

    func register(_ routes: RouteBuilder) {
        routes.get("/supervisor/logs", summary: "The Supervisor's recent log lines (`lines` query, default 100)",
                   response: .string(), contentType: "text/plain") { request in
            .raw(.stream(Self.text(backlog: logs.recent(try lineCount(request)), follow: nil)), contentType: "text/plain; charset=utf-8")
        }
        routes.get("/supervisor/logs/follow", summary: "Recent log lines, then new ones as they are written",
                   response: .string(), contentType: "text/plain") { request in
            let follow = logs.follow()
            let backlog = logs.recent(try lineCount(request))
            return .raw(.stream(Self.text(backlog: backlog, follow: follow)), contentType: "text/plain; charset=utf-8")
        }
    }

    /// `?lines=N`, or the systemd-journal-gatewayd style `Range: entries=:-N:` header clients send.
    func lineCount(_ request: APIRequest) throws -> Int {
        if let text = request.query["lines"] {
            guard let value = Int(text), value > 0 else { throw SupervisorError.badRequest("'lines' must be a positive integer") }
            return value
        }
        if let range = request.headers["Range"], range.hasPrefix("entries=") {
            let parts = range.dropFirst("entries=".count).split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 2, let skip = Int(parts[1]), skip < 0 { return -skip }
        }
        return Self.defaultLines
    }

    /// The backlog, then each followed line as it arrives.
    static func text(backlog: [String], follow: AsyncStream<String>?) -> ByteStream {
        ByteStream.lines(batch: follow == nil ? 256 : 1) {
            var pending = backlog[...]
            var iterator = follow?.makeAsyncIterator()
            return {
                if let line = pending.popFirst() { return line }
                return await iterator?.next()
            }
        }
    }
}
