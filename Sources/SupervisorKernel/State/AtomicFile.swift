import Foundation

/// Crash-safe file replacement: readers see the old file or the new one, never a mix.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, fsyncs it, renames it over `url`, then
    /// fsyncs the directory so the rename itself survives a power cut.
    public static func write(_ data: Data, to url: URL, permissions: Int = 0o600) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
        guard fd >= 0 else { throw posixError("create \(temporary.path)") }
        var succeeded = false
        defer { if !succeeded { unlink(temporary.path) } }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw posixError("write \(temporary.path)")
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw posixError("fsync \(temporary.path)") }
        }
        guard rename(temporary.path, url.path) == 0 else { throw posixError("rename to \(url.path)") }
        succeeded = true
        let directoryFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func posixError(_ action: String) -> any Error {
        SupervisorError(.internalError, "Could not \(action): \(String(cString: strerror(errno)))")
    }
}
