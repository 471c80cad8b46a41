import Foundation

/// Writes real journal files: entries in journal export format piped through
/// `systemd-journal-remote`, into a directory that sd-journal can open.
public final class JournalFixture: @unchecked Sendable {
    /// One entry; `fields` in order, values as bytes so binary data can be written.
    public struct Entry: Sendable {
        public var fields: [(name: String, value: [UInt8])]

        public init(fields: [(name: String, value: [UInt8])]) {
            self.fields = fields
        }

        /// An entry with the usual fields; `realtime` and `monotonic` are microseconds.
        public init(
            realtime: UInt64, monotonic: UInt64, bootID: String, hostname: String = "testhost",
            identifier: String? = nil, pid: Int? = nil, containerName: String? = nil, message: [UInt8],
            extra: [(name: String, value: [UInt8])] = []
        ) {
            var fields: [(name: String, value: [UInt8])] = [
                ("__REALTIME_TIMESTAMP", Array("\(realtime)".utf8)),
                ("__MONOTONIC_TIMESTAMP", Array("\(monotonic)".utf8)),
                ("_BOOT_ID", Array(bootID.utf8)),
                ("_HOSTNAME", Array(hostname.utf8)),
            ]
            if let identifier { fields.append(("SYSLOG_IDENTIFIER", Array(identifier.utf8))) }
            if let pid { fields.append(("_PID", Array("\(pid)".utf8))) }
            if let containerName { fields.append(("CONTAINER_NAME", Array(containerName.utf8))) }
            fields.append(("MESSAGE", message))
            self.init(fields: fields + extra)
        }

        /// Same, with a text message.
        public init(
            realtime: UInt64, monotonic: UInt64, bootID: String, hostname: String = "testhost",
            identifier: String? = nil, pid: Int? = nil, containerName: String? = nil, message: String
        ) {
            self.init(realtime: realtime, monotonic: monotonic, bootID: bootID, hostname: hostname,
                      identifier: identifier, pid: pid, containerName: containerName, message: Array(message.utf8))
        }
    }

    public let directory: TemporaryDirectory
    /// The folder holding the journal files; open this one.
    public let journalPath: String
    private var fileCount = 0

    public init() throws {
        directory = try TemporaryDirectory(prefix: "journal")
        journalPath = directory.file("journal")
        try FileManager.default.createDirectory(atPath: journalPath, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.file("staging"), withIntermediateDirectories: true)
    }

    /// Writes `entries` as a new journal file. The file is completed aside and then renamed into the
    /// journal folder, so a reader following the folder never sees it half written.
    public func write(_ entries: [Entry]) throws {
        fileCount += 1
        let name = "part\(fileCount).journal"
        let staged = directory.file("staging/\(name)")
        let remote = ManagedProcess.which("systemd-journal-remote") ?? "/lib/systemd/systemd-journal-remote"
        let result = try ManagedProcess.run(remote, ["--output=\(staged)", "-"],
                                            input: Data(Self.exportFormat(entries)))
        guard result.status == 0 else {
            throw FixtureError(message: "systemd-journal-remote failed (\(result.status)): \(result.output)")
        }
        try FileManager.default.moveItem(atPath: staged, toPath: "\(journalPath)/\(name)")
    }

    /// `entries` in journal export format: `NAME=value` lines, or for values holding a newline or
    /// non-UTF-8 bytes `NAME`, a newline, the length as 64-bit little endian and the raw bytes; a blank
    /// line after each entry.
    public static func exportFormat(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            for (name, value) in entry.fields {
                out += Array(name.utf8)
                if value.contains(UInt8(ascii: "\n")) || String(validating: value, as: UTF8.self) == nil {
                    out.append(UInt8(ascii: "\n"))
                    withUnsafeBytes(of: UInt64(value.count).littleEndian) { out += $0 }
                    out += value
                } else {
                    out.append(UInt8(ascii: "="))
                    out += value
                }
                out.append(UInt8(ascii: "\n"))
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
