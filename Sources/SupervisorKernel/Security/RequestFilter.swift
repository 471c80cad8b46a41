/// Refuses request paths and queries that carry well-known attack patterns, before routing.
///
/// The patterns are the ones the reference Supervisor blocks: directory traversal, the process
/// environment, script tags, and a few SQL-injection shapes. Values are percent-decoded until
/// they stop changing so double encoding does not slip through.
public enum RequestFilter {
    nonisolated(unsafe) private static let patterns: [Regex<AnyRegexOutput>] = [
        try! Regex(#"proc/self/environ"#),
        try! Regex(#"(<|%3C).*script.*(>|%3E)"#),
        try! Regex(#"\.\./"#),
        try! Regex(#"[a-zA-Z0-9_]=/([a-z0-9_.]//?)+"#),
        try! Regex(#"union.*select.*\("#),
        try! Regex(#"union.*all.*select.*"#),
        try! Regex(#"concat.*\("#),
    ].map { $0.ignoresCase() }

    /// A message when `path` or `query` looks harmful, else `nil`.
    public static func rejection(path: String, query: String) -> String? {
        for (part, value) in [("path", path), ("query string", query)] where !value.isEmpty {
            let decoded = PercentDecoding.decodeFully(value)
            if patterns.contains(where: { decoded.contains($0) }) {
                return "Request \(part) contains a blocked pattern"
            }
        }
        return nil
    }
}
