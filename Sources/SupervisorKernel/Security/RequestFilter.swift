/// Refuses request paths and queries that carry well-known attack patterns, before routing.
///
/// The patterns are the ones the reference Supervisor blocks: directory traversal, the process
/// environment, script tags, `name=/x/` file injections and a few SQL-injection shapes. Values are
/// percent-decoded until they stop changing so double encoding does not slip through.
///
/// Matched with plain substring searches rather than `Regex`: this runs on every request, and
/// the regular-expression engine cost a fifth of the time of a `/supervisor/ping`.
public enum RequestFilter {
    /// A message when `path` or `query` looks harmful, else `nil`.
    public static func rejection(path: String, query: String) -> String? {
        for (part, value) in [("path", path), ("query string", query)] where !value.isEmpty {
            if isHarmful(Array(PercentDecoding.decodeFully(value).lowercased().utf8)) {
                return "Request \(part) contains a blocked pattern"
            }
        }
        return nil
    }

    /// `text` is lowercased UTF-8.
    static func isHarmful(_ text: [UInt8]) -> Bool {
        return text.contains(sequence: "proc/self/environ")
            || text.contains(sequence: "../")
            || ["<", "%3c"].contains { open in [">", "%3e"].contains { close in text.containsInOrder([open, "script", close]) } }
            || hasFileInjection(text)
            || text.containsInOrder(["union", "select", "("])
            || text.containsInOrder(["union", "all", "select"])
            || text.containsInOrder(["concat", "("])
    }

    /// `w=/c/`: a word character, `=/`, one character of `[a-z0-9_.]`, then `/` (`.html?v=/.//x`).
    static func hasFileInjection(_ text: [UInt8]) -> Bool {
        guard text.count >= 5 else { return false }
        for index in 1..<(text.count - 3) where text[index] == UInt8(ascii: "=") && text[index + 1] == UInt8(ascii: "/") {
            let before = text[index - 1]
            let segment = text[index + 2]
            if isWord(before) && (isWord(segment) || segment == UInt8(ascii: ".")) && text[index + 3] == UInt8(ascii: "/") {
                return true
            }
        }
        return false
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
    }
}

extension [UInt8] {
    /// Whether `needle` occurs as a contiguous run.
    func contains(sequence needle: String) -> Bool { firstRange(of: needle, from: 0) != nil }

    /// Whether the needles occur one after another, anything between them.
    func containsInOrder(_ needles: [String]) -> Bool {
        var start = 0
        for needle in needles {
            guard let end = firstRange(of: needle, from: start) else { return false }
            start = end
        }
        return true
    }

    /// The index just past the first occurrence of `needle` at or after `start`.
    private func firstRange(of needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, count - start >= pattern.count else { return pattern.isEmpty ? start : nil }
        for index in start...(count - pattern.count) where self[index] == pattern[0] {
            if self[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
        }
        return nil
    }
}
