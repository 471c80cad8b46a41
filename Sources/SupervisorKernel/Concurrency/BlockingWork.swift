import Dispatch

/// Runs blocking work (sysfs walks, statvfs, directory sizes) on a Dispatch queue, off Swift's
/// cooperative threads, so a slow disk never stalls request handling.
public enum BlockingWork {
    private static let queue = DispatchQueue(label: "supervisor.blocking", qos: .utility, attributes: .concurrent)

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
