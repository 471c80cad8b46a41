extension JournalQuery {
    /// Applies an HTTP `Range: entries=cursor[[:num_skip]:num_entries]` header the way
    /// systemd-journal-gatewayd reads it: no cursor starts at the oldest entry, or at the newest when
    /// `num_skip` is negative. Returns `nil` when the header is malformed.
    public func applyingRange(_ header: String) -> JournalQuery? {
        guard header.hasPrefix("entries=") else { return nil }
        let spec = header.dropFirst("entries=".count).drop { $0 == " " || $0 == "\t" }
        let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        let cursor = parts[0].prefix { $0 != " " && $0 != "\t" }
        var skip = 0
        var limit: Int?
        if parts.count == 3, !parts[1].isEmpty {
            guard let value = Int(parts[1]) else { return nil }
            skip = value
        }
        if parts.count >= 2, let text = parts.last, !text.isEmpty {
            guard let value = Int(text), value > 0 else { return nil }
            limit = value
        }
        var query = self
        query.position = cursor.isEmpty ? (skip < 0 ? .tail : .head) : .cursor(String(cursor))
        query.skip = skip
        query.limit = limit
        return query
    }
}
