import Foundation

/// Timezone names checked against the tz database on this machine.
enum Timezones {
    static let databasePath = "/usr/share/zoneinfo"

    /// Why `name` is not a valid tz database zone, or `nil` when it is.
    static func problem(with name: String) -> String? {
        let invalid = "Invalid timezone '\(name)': not in the tz database"
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."),
              name.allSatisfy({ $0.isLetter || $0.isNumber || "/_-+".contains($0) })
        else { return invalid }
        let path = "\(databasePath)/\(name)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path)
        else { return invalid }
        defer { try? handle.close() }
        // Every compiled zone file starts with the magic "TZif".
        guard let magic = try? handle.read(upToCount: 4), magic == Data("TZif".utf8) else { return invalid }
        return nil
    }

    /// The host's zone from `/etc/timezone` or the `/etc/localtime` link, else `UTC`.
    static func host() -> String {
        if let text = try? String(contentsOfFile: "/etc/timezone", encoding: .utf8) {
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if problem(with: name) == nil { return name }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
           let range = target.range(of: "zoneinfo/") {
            let name = String(target[range.upperBound...])
            if problem(with: name) == nil { return name }
        }
        return "UTC"
    }
}
