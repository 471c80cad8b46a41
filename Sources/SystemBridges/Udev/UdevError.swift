#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A libudev call failed.
public struct UdevError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What was being done, e.g. `udev_monitor_enable_receiving`.
    public var operation: String
    /// The `errno` libudev left, or 0 when it gave none.
    public var code: Int32

    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String {
        code == 0 ? "\(operation) failed" : "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
