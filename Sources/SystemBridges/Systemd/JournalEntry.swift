import Foundation

/// One journal entry: every field as raw bytes plus the entry's position in time and in the journal.
public struct JournalEntry: Sendable {
    /// Field values by name (`MESSAGE`, `SYSLOG_IDENTIFIER`, `_PID`, ...). Values are bytes because
    /// fields, `MESSAGE` included, may hold binary data; a field repeated in one entry keeps its first value.
    public let fields: [String: [UInt8]]
    /// Wall-clock time of the entry, microseconds since the Unix epoch.
    public let realtime: UInt64
    /// Time since boot of the entry, microseconds.
    public let monotonic: UInt64
    /// The boot the entry belongs to, 32 lowercase hex digits.
    public let bootID: String
    /// The entry's cursor, for resuming or `Range: entries=cursor...`.
    public let cursor: String

    public init(fields: [String: [UInt8]], realtime: UInt64, monotonic: UInt64, bootID: String, cursor: String) {
        self.fields = fields
        self.realtime = realtime
        self.monotonic = monotonic
        self.bootID = bootID
        self.cursor = cursor
    }

    /// The field as text (invalid UTF-8 is replaced), or `nil` when the entry lacks it.
    public subscript(_ field: String) -> String? {
        fields[field].map { String(decoding: $0, as: UTF8.self) }
    }

    /// `MESSAGE` verbatim, as a container wrote it.
    public var message: [UInt8] { fields["MESSAGE"] ?? [] }

    /// The time of the entry.
    public var date: Date { Date(timeIntervalSince1970: Double(realtime) / 1_000_000) }
}
