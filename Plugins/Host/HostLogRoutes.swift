import Foundation
import SupervisorKernel
import SystemdBridge

/// `/host/logs*`: the host journal as text, filtered by identifier and boot, with follow.
struct HostLogRoutes {
    let runtime: HostRuntime
    static let defaultLines = 100

    func register(_ routes: RouteBuilder) {
        let text = "text/plain"
        for follow in [false, true] {
            let suffix = follow ? "/follow" : ""
            let verb = follow ? "then follow new entries" : "as text"
            routes.get("/host/logs\(suffix)", summary: "Host journal \(verb)", response: .string(), contentType: text) { request in
                try await logs(request, follow: follow)
            }
            routes.get("/host/logs/identifiers/{identifier}\(suffix)", summary: "Journal of one syslog identifier \(verb)",
                       response: .string(), contentType: text) { request in
                try await logs(request, follow: follow, identifier: request.parameter("identifier"))
            }
            routes.get("/host/logs/boots/{bootid}\(suffix)", summary: "Journal of one boot \(verb)",
                       response: .string(), contentType: text) { request in
                try await logs(request, follow: follow, boot: request.parameter("bootid"))
            }
            routes.get("/host/logs/boots/{bootid}/identifiers/{identifier}\(suffix)",
                       summary: "Journal of one identifier in one boot \(verb)", response: .string(), contentType: text) { request in
                try await logs(request, follow: follow, identifier: request.parameter("identifier"), boot: request.parameter("bootid"))
            }
        }
        routes.get("/host/logs/identifiers", summary: "Syslog identifiers in the host journal", response: HostSchemas.identifiers) { _ in
            .ok(["identifiers": JSONValue(try await journal().identifiers())])
        }
        routes.get("/host/logs/boots", summary: "Boots in the host journal by offset (0 is the newest)", response: HostSchemas.boots) { _ in
            let boots = try await journal().boots()
            return .ok(["boots": .object(Dictionary(uniqueKeysWithValues: boots.map { ("\($0.offset)", JSONValue.string($0.id)) }))])
        }
    }

    func journal() throws(SupervisorError) -> Journal {
        guard let journal = runtime.journal else { throw .unavailable("The systemd journal is not available on this host") }
        return journal
    }

    func logs(_ request: APIRequest, follow: Bool, identifier: String? = nil, boot: String? = nil) async throws -> APIResponse {
        let journal = try journal()
        var bootID: String?
        if let boot { bootID = try await resolveBoot(boot, in: journal) }
        var query = JournalQuery.last(
            try lineCount(request), identifiers: identifier.map { [$0] } ?? [], bootID: bootID, follow: follow)
        if let range = request.headers["Range"] {
            guard let ranged = query.applyingRange(range) else {
                throw SupervisorError.badRequest("Invalid Range header '\(range)': expected entries=cursor[[:skip]:count]")
            }
            query = ranged
        }
        let timeZone = TimeZone(identifier: runtime.context.facts.current.hostTimezone ?? "") ?? .current
        return .raw(.stream(Self.text(journal.entries(query), timeZone: timeZone, follow: follow)),
                    contentType: "text/plain; charset=utf-8")
    }

    /// A boot given as an offset (`0`, `-1`, `1` counts from the oldest) or a 32-digit boot id.
    func resolveBoot(_ text: String, in journal: Journal) async throws -> String {
        if let offset = Int(text) {
            let boots = try await journal.boots()
            let boot = offset > 0 ? boots.dropFirst(offset - 1).first : boots.first { $0.offset == offset }
            guard let boot else { throw SupervisorError.notFound("No boot with offset \(offset) in the journal") }
            return boot.id
        }
        let id = text.replacingOccurrences(of: "-", with: "").lowercased()
        guard id.count == 32, id.allSatisfy(\.isHexDigit) else {
            throw SupervisorError.badRequest("'\(text)' is neither a boot offset nor a boot id")
        }
        return id
    }

    func lineCount(_ request: APIRequest) throws(SupervisorError) -> Int {
        guard let text = request.query["lines"] else { return Self.defaultLines }
        guard let value = Int(text), value > 0 else { throw .badRequest("'lines' must be a positive integer") }
        return value
    }

    /// Journal entries as `journalctl -o short` text; one line per chunk when following.
    static func text(_ entries: AsyncThrowingStream<JournalEntry, any Error>, timeZone: TimeZone, follow: Bool) -> ByteStream {
        ByteStream.lines(batch: follow ? 1 : 256) {
            var iterator = entries.makeAsyncIterator()
            return { try await iterator.next()?.shortFormat(timeZone: timeZone) }
        }
    }
}
