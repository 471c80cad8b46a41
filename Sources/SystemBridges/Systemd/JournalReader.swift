import CSystemd
import Glibc

/// Where a journal is read from.
enum JournalSource: Sendable {
    case system
    case directory(String)
}

/// One sd-journal handle. sd-journal is not thread-safe: a reader is created, used and
/// destroyed on a single thread.
final class JournalReader {
    private let journal: OpaquePointer

    init(_ source: JournalSource) throws(JournalError) {
        var handle: OpaquePointer?
        switch source {
        case .system:
            try journalCheck(sd_journal_open(&handle, Int32(SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM)), "sd_journal_open")
        case .directory(let path):
            try journalCheck(sd_journal_open_directory(&handle, path, 0), "sd_journal_open_directory")
        }
        journal = handle!
        // Whole field values, however large (the default cuts them at 64 KiB).
        try journalCheck(sd_journal_set_data_threshold(journal, 0), "sd_journal_set_data_threshold")
    }

    deinit { sd_journal_close(journal) }

    // MARK: Reading entries

    /// Adds `FIELD=value` matches: different fields must all match, values of one field are alternatives.
    func addMatches(_ matches: [String]) throws(JournalError) {
        for match in matches {
            try journalCheck(sd_journal_add_match(journal, match, 0), "sd_journal_add_match(\(match))")
        }
    }

    /// Moves to the first entry `query` reads; `false` when there is none (yet).
    func position(for query: JournalQuery) throws(JournalError) -> Bool {
        let skip = query.skip
        switch query.position {
        case .head:
            try journalCheck(sd_journal_seek_head(journal), "sd_journal_seek_head")
            return try moveForward(max(skip, 0) + 1)
        case .cursor(let cursor):
            try journalCheck(sd_journal_seek_cursor(journal, cursor), "sd_journal_seek_cursor")
            if skip >= 0 { return try moveForward(skip + 1) }
            return try moveBackward(-skip + 1)
        case .tail:
            try journalCheck(sd_journal_seek_tail(journal), "sd_journal_seek_tail")
            if skip <= 0 { return try moveBackward(-skip + 1) }
            guard try moveBackward(1) else { return false }
            return try moveForward(skip)
        }
    }

    /// Moves to the next entry; `false` at the end.
    func next() throws(JournalError) -> Bool {
        try journalCheck(sd_journal_next(journal), "sd_journal_next") > 0
    }

    private func moveForward(_ count: Int) throws(JournalError) -> Bool {
        try journalCheck(sd_journal_next_skip(journal, UInt64(count)), "sd_journal_next_skip") > 0
    }

    private func moveBackward(_ count: Int) throws(JournalError) -> Bool {
        try journalCheck(sd_journal_previous_skip(journal, UInt64(count)), "sd_journal_previous_skip") > 0
    }

    /// Whether the current entry has `cursor`.
    func isAt(cursor: String) -> Bool {
        sd_journal_test_cursor(journal, cursor) > 0
    }

    /// The entry the reader is on.
    func currentEntry() throws(JournalError) -> JournalEntry {
        var fields: [String: [UInt8]] = [:]
        var data: UnsafeRawPointer?
        var length = 0
        sd_journal_restart_data(journal)
        // Skips fields it cannot read (corrupt or unsupported compression) rather than failing the entry.
        while sd_journal_enumerate_available_data(journal, &data, &length) > 0, let data {
            guard let (name, value) = Self.field(data, length) else { continue }
            if fields[name] == nil { fields[name] = value }
        }
        var realtime: UInt64 = 0
        try journalCheck(sd_journal_get_realtime_usec(journal, &realtime), "sd_journal_get_realtime_usec")
        var monotonic: UInt64 = 0
        var boot = sd_id128_t()
        try journalCheck(sd_journal_get_monotonic_usec(journal, &monotonic, &boot), "sd_journal_get_monotonic_usec")
        var cursor: UnsafeMutablePointer<CChar>?
        try journalCheck(sd_journal_get_cursor(journal, &cursor), "sd_journal_get_cursor")
        defer { free(cursor) }
        return JournalEntry(fields: fields, realtime: realtime, monotonic: monotonic,
                            bootID: Self.hex(boot), cursor: String(cString: cursor!))
    }

    // MARK: Waiting for new entries

    /// Prepares change notification; must come before the first read so no change is missed.
    func watchForChanges() throws(JournalError) {
        try journalCheck(sd_journal_get_fd(journal), "sd_journal_get_fd")
    }

    /// Blocks until the journal changes, `wakeFD` becomes readable, or a second passes.
    func waitForChanges(orReadable wakeFD: Int32) throws(JournalError) {
        let journalFD = try journalCheck(sd_journal_get_fd(journal), "sd_journal_get_fd")
        let events = try journalCheck(sd_journal_get_events(journal), "sd_journal_get_events")
        var fds = [pollfd(fd: journalFD, events: Int16(events), revents: 0),
                   pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
        let polled = poll(&fds, 2, 1000)
        if polled < 0, errno != EINTR { throw JournalError("poll", errno: errno) }
        try journalCheck(sd_journal_process(journal), "sd_journal_process")
    }

    /// Splits sd-journal's `NAME=value` data into name and value bytes.
    private static func field(_ data: UnsafeRawPointer, _ length: Int) -> (String, [UInt8])? {
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        return (String(decoding: bytes[..<equals], as: UTF8.self), Array(bytes[(equals + 1)...]))
    }

    // MARK: Unique values

    /// Every distinct value of `field` across the journal (matches do not apply).
    func uniqueValues(of field: String) throws(JournalError) -> [String] {
        try journalCheck(sd_journal_query_unique(journal, field), "sd_journal_query_unique(\(field))")
        var values: [String] = []
        var data: UnsafeRawPointer?
        var length = 0
        sd_journal_restart_unique(journal)
        while sd_journal_enumerate_available_unique(journal, &data, &length) > 0, let data {
            guard let (_, value) = Self.field(data, length) else { continue }
            values.append(String(decoding: value, as: UTF8.self))
        }
        return values
    }

    /// The realtime of the first and last entry matching `match`, or `nil` when none does.
    func timeSpan(of match: String) throws(JournalError) -> (first: UInt64, last: UInt64)? {
        sd_journal_flush_matches(journal)
        defer { sd_journal_flush_matches(journal) }
        try addMatches([match])
        try journalCheck(sd_journal_seek_head(journal), "sd_journal_seek_head")
        guard try moveForward(1) else { return nil }
        let first = try currentRealtime()
        try journalCheck(sd_journal_seek_tail(journal), "sd_journal_seek_tail")
        guard try moveBackward(1) else { return nil }
        return (first, try currentRealtime())
    }

    private func currentRealtime() throws(JournalError) -> UInt64 {
        var realtime: UInt64 = 0
        try journalCheck(sd_journal_get_realtime_usec(journal, &realtime), "sd_journal_get_realtime_usec")
        return realtime
    }

    private static func hex(_ id: sd_id128_t) -> String {
        withUnsafeBytes(of: id.bytes) { bytes in
            bytes.map { byte in
                let digits = String(byte, radix: 16)
                return byte < 16 ? "0" + digits : digits
            }.joined()
        }
    }
}
