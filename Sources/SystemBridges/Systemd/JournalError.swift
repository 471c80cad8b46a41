import Glibc

/// A failed sd-journal call.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sd-journal function (or step) that failed.
    public let operation: String
    /// The positive errno it reported.
    public let errno: Int32

    public init(_ operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno)))"
    }
}

/// Returns `result` when it is not negative, else throws it as a `JournalError`.
@discardableResult
func journalCheck(_ result: Int32, _ operation: String) throws(JournalError) -> Int32 {
    guard result >= 0 else { throw JournalError(operation, errno: -result) }
    return result
}
