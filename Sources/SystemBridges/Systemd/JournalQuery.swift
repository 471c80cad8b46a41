/// Which entries to read: matches, where to start, how many, and whether to keep following.
///
/// Positioning works like systemd-journal-gatewayd's `Range: entries=cursor[[:num_skip]:num_entries]`
/// (see `applyingRange(_:)`): land on the entry at `position`, move `skip` entries (negative: backwards),
/// then read up to `limit` entries.
public struct JournalQuery: Sendable, Equatable {
    /// Where reading starts before `skip` is applied.
    public enum Position: Sendable, Equatable {
        /// The oldest entry.
        case head
        /// The newest entry.
        case tail
        /// The entry with this cursor (or the next one, if it is gone).
        case cursor(String)
    }

    /// Entries whose `SYSLOG_IDENTIFIER` is any of these; empty for all.
    public var identifiers: [String]
    /// Entries of this container (`CONTAINER_NAME`).
    public var containerName: String?
    /// Entries of this boot (`_BOOT_ID`).
    public var bootID: String?
    /// Further `FIELD=value` matches; the same field repeated matches any of its values.
    public var matches: [String]
    public var position: Position
    /// Entries to move from `position` before the first one read; negative moves backwards.
    public var skip: Int
    /// Entries to read at most; `nil` for no limit.
    public var limit: Int?
    /// Stop after the entry with this cursor.
    public var endCursor: String?
    /// At the end of the journal, wait for new entries instead of finishing.
    public var follow: Bool

    public init(
        identifiers: [String] = [], containerName: String? = nil, bootID: String? = nil, matches: [String] = [],
        position: Position = .head, skip: Int = 0, limit: Int? = nil, endCursor: String? = nil, follow: Bool = false
    ) {
        self.identifiers = identifiers
        self.containerName = containerName
        self.bootID = bootID
        self.matches = matches
        self.position = position
        self.skip = skip
        self.limit = limit
        self.endCursor = endCursor
        self.follow = follow
    }

    /// The newest `count` entries (oldest first); with `follow`, then every new entry as it arrives.
    public static func last(
        _ count: Int, identifiers: [String] = [], containerName: String? = nil, bootID: String? = nil,
        follow: Bool = false
    ) -> JournalQuery {
        // From the newest entry, -(n-1) lands on the n-th newest; +1 is just past the newest.
        JournalQuery(identifiers: identifiers, containerName: containerName, bootID: bootID,
                     position: .tail, skip: count > 0 ? -(count - 1) : 1,
                     limit: follow ? nil : max(count, 0), follow: follow)
    }

    /// The `FIELD=value` matches sd-journal gets for this query.
    var allMatches: [String] {
        identifiers.map { "SYSLOG_IDENTIFIER=\($0)" }
            + (containerName.map { ["CONTAINER_NAME=\($0)"] } ?? [])
            + (bootID.map { ["_BOOT_ID=\($0)"] } ?? [])
            + matches
    }
}
