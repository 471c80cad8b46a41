/// One boot recorded in the journal, as `journalctl --list-boots` lists it.
public struct JournalBoot: Sendable, Equatable {
    /// The boot ID, 32 lowercase hex digits.
    public let id: String
    /// 0 for the newest boot, -1 for the one before, and so on.
    public let offset: Int
    /// Realtime of the boot's first and last entries, microseconds since the Unix epoch.
    public let firstEntry: UInt64
    public let lastEntry: UInt64

    public init(id: String, offset: Int, firstEntry: UInt64, lastEntry: UInt64) {
        self.id = id
        self.offset = offset
        self.firstEntry = firstEntry
        self.lastEntry = lastEntry
    }
}
