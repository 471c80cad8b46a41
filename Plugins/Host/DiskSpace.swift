import Foundation
import SupervisorKernel

/// Size and use of the filesystem holding a path, via statvfs.
struct DiskSpace: Sendable {
    let totalBytes: Int
    let freeBytes: Int
    var usedBytes: Int { totalBytes - freeBytes }

    var totalGB: Double { Self.gigabytes(totalBytes) }
    var usedGB: Double { Self.gigabytes(usedBytes) }
    var freeGB: Double { Self.gigabytes(freeBytes) }

    static func of(_ path: String) async throws -> DiskSpace {
        try await BlockingWork.run {
            var stats = statvfs()
            guard statvfs(path, &stats) == 0 else {
                throw SupervisorError(.backendFailure, "Cannot read disk space of \(path): \(String(cString: strerror(errno)))")
            }
            let block = Int(stats.f_frsize)
            // Free space for unprivileged writers, as `df` shows it.
            return DiskSpace(totalBytes: Int(stats.f_blocks) * block, freeBytes: Int(stats.f_bavail) * block)
        }
    }

    /// GiB with one decimal, as the reference reports disk figures.
    static func gigabytes(_ bytes: Int) -> Double { (Double(bytes) / 1_073_741_824 * 10).rounded() / 10 }
}

/// Bytes used under a directory, counting each file once and following no links.
enum DirectorySize {
    static func of(_ url: URL) -> Int {
        guard let walker = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.totalFileAllocatedSizeKey, .isSymbolicLinkKey], options: [])
        else { return 0 }
        var total = 0
        for case let file as URL in walker {
            let values = try? file.resourceValues(forKeys: [.totalFileAllocatedSizeKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { continue }
            total += values?.totalFileAllocatedSize ?? 0
        }
        return total
    }
}
