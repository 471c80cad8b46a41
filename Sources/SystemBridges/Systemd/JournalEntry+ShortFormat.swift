import Foundation

extension JournalEntry {
    /// The entry as `journalctl -o short` prints it:
    /// `Nov 22 10:00:00 myhost identifier[123]: message` in `timeZone`. Invalid UTF-8 in the
    /// message is replaced; use `message` for the verbatim bytes.
    public func shortFormat(timeZone: TimeZone = .current) -> String {
        var line = Self.shortTimestamp(realtime, timeZone: timeZone)
        if let host = self["_HOSTNAME"] { line += " " + host }
        if let identifier = self["SYSLOG_IDENTIFIER"] ?? self["_COMM"] {
            line += " " + identifier
            if let pid = self["_PID"] ?? self["SYSLOG_PID"] { line += "[\(pid)]" }
        }
        return line + ": " + String(decoding: message, as: UTF8.self)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `%b %d %H:%M:%S` with English month names, as journalctl formats short timestamps.
    static func shortTimestamp(_ realtime: UInt64, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = Date(timeIntervalSince1970: Double(realtime / 1_000_000))
        let parts = calendar.dateComponents([.month, .day, .hour, .minute, .second], from: date)
        func twoDigits(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(months[(parts.month ?? 1) - 1]) \(twoDigits(parts.day)) "
            + "\(twoDigits(parts.hour)):\(twoDigits(parts.minute)):\(twoDigits(parts.second))"
    }
}
