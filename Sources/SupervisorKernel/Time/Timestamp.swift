import Foundation

/// UTC timestamps for logs, jobs and file names.
///
/// Written by hand over `gmtime_r` because Foundation's date formatters load ICU, which costs the
/// process about 9 MiB of resident memory for what is a fixed, locale-free format.
public enum Timestamp {
    /// `2026-11-22T10:00:00.123456+00:00`, the form the reference's `datetime.isoformat()` gives.
    public static func iso8601(_ date: Date = Date()) -> String {
        let (parts, micros) = split(date)
        return "\(parts.date)T\(parts.time).\(pad(micros, 6))+00:00"
    }

    /// `2026-11-22 10:00:00.123` for log lines.
    public static func logLine(_ date: Date = Date()) -> String {
        let (parts, micros) = split(date)
        return "\(parts.date) \(parts.time).\(pad(micros / 1000, 3))"
    }

    /// `20261122T100000Z`, safe in file names.
    public static func compact(_ date: Date = Date()) -> String {
        let (parts, _) = split(date)
        return parts.date.replacingOccurrences(of: "-", with: "") + "T" + parts.time.replacingOccurrences(of: ":", with: "") + "Z"
    }

    private static func split(_ date: Date) -> ((date: String, time: String), Int) {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let micros = min(999_999, Int(((interval - Double(seconds)) * 1_000_000).rounded()))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        let day = "\(pad(Int(fields.tm_year) + 1900, 4))-\(pad(Int(fields.tm_mon) + 1, 2))-\(pad(Int(fields.tm_mday), 2))"
        let time = "\(pad(Int(fields.tm_hour), 2)):\(pad(Int(fields.tm_min), 2)):\(pad(Int(fields.tm_sec), 2))"
        return ((day, time), micros)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
