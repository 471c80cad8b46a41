/// A D-Bus match rule for signals, e.g. `type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged'`.
struct DBusMatchRule: Sendable {
    var sender: String?
    var path: String?
    var interface: String?
    var member: String?
    var arg0: String?

    var text: String {
        let parts: [(String, String?)] = [
            ("type", "signal"), ("sender", sender), ("path", path),
            ("interface", interface), ("member", member), ("arg0", arg0),
        ]
        return parts.compactMap { key, value in value.map { "\(key)=\(Self.quoted($0))" } }.joined(separator: ",")
    }

    /// Match rule values are single-quoted; a quote inside is written as `'\''`, as in a shell.
    private static func quoted(_ value: String) -> String {
        "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
