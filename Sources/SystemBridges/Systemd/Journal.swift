import Foundation

/// Read access to the systemd journal: queries, following, boots and identifiers.
///
/// sd-journal handles are not thread-safe, so every operation opens its own handle on a thread of
/// its own and closes it when done; any number of operations can run at once.
public final class Journal: Sendable {
    private let source: JournalSource

    private init(_ source: JournalSource) throws(JournalError) {
        self.source = source
        _ = try JournalReader(source)
    }

    /// The local system journal (`SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM`).
    public static func openSystem() throws(JournalError) -> Journal {
        try Journal(.system)
    }

    /// The journal files in `directory` (and files added to it later).
    public static func open(directory: String) throws(JournalError) -> Journal {
        try Journal(.directory(directory))
    }

    /// Entries matching `query`, oldest first. With `query.follow` the stream stays open and yields
    /// entries as they are written. Reading runs ahead of the consumer by a small buffer only;
    /// cancelling the consuming task or dropping the stream stops the reader and closes its handle.
    public func entries(_ query: JournalQuery) -> AsyncThrowingStream<JournalEntry, any Error> {
        let channel: JournalEntryChannel
        do {
            channel = try JournalEntryChannel()
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
        let source = source
        Self.spawn(name: "journal-entries") {
            do {
                try Self.read(query, from: JournalReader(source), into: channel)
                channel.finish()
            } catch {
                channel.finish(error)
            }
        }
        let consumer = JournalConsumer(channel)
        return AsyncThrowingStream { try await consumer.next() }
    }

    /// Every boot in the journal, oldest first, numbered like `journalctl --list-boots`.
    public func boots() async throws -> [JournalBoot] {
        try await run { reader in
            var spans: [(id: String, first: UInt64, last: UInt64)] = []
            for id in try reader.uniqueValues(of: "_BOOT_ID") {
                if let span = try reader.timeSpan(of: "_BOOT_ID=\(id)") { spans.append((id, span.first, span.last)) }
            }
            spans.sort { $0.first < $1.first }
            return spans.enumerated().map { index, span in
                JournalBoot(id: span.id, offset: index - (spans.count - 1), firstEntry: span.first, lastEntry: span.last)
            }
        }
    }

    /// Every distinct `SYSLOG_IDENTIFIER`, sorted.
    public func identifiers() async throws -> [String] {
        try await run { reader in try reader.uniqueValues(of: "SYSLOG_IDENTIFIER").sorted() }
    }

    private static func read(_ query: JournalQuery, from reader: JournalReader, into channel: JournalEntryChannel) throws {
        try reader.addMatches(query.allMatches)
        if query.follow { try reader.watchForChanges() }
        var remaining = query.limit
        var onEntry = try reader.position(for: query)
        while remaining != 0, !channel.isConsumerGone {
            if onEntry {
                guard channel.send(try reader.currentEntry()) else { return }
                if let end = query.endCursor, reader.isAt(cursor: end) { return }
                remaining = remaining.map { $0 - 1 }
            } else if query.follow {
                try reader.waitForChanges(orReadable: channel.wakeFD)
                channel.clearWakeups()
            } else {
                return
            }
            onEntry = try reader.next()
        }
    }

    /// Runs `body` with a fresh reader on a thread of its own.
    private func run<Result: Sendable>(_ body: @escaping @Sendable (JournalReader) throws -> Result) async throws -> Result {
        let source = source
        return try await withCheckedThrowingContinuation { continuation in
            Self.spawn(name: "journal-query") {
                continuation.resume(with: Swift.Result { try body(JournalReader(source)) })
            }
        }
    }

    private static func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }
}

/// Owned by the stream's iteration closure: when the stream goes away, so does the reader thread.
private final class JournalConsumer: Sendable {
    let channel: JournalEntryChannel

    init(_ channel: JournalEntryChannel) { self.channel = channel }

    func next() async throws -> JournalEntry? { try await channel.next() }

    deinit { channel.cancel() }
}
