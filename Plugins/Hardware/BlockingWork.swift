import Dispatch

/// Runs blocking sysfs and libudev work on a Dispatch queue, off Swift's cooperative threads.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "supervisor.hardware.sysfs", qos: .utility, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
