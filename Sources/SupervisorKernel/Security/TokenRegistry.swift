import Synchronization

/// Maps API tokens to callers.
///
/// Look-up is by a keyed hash bucket and then a constant-time comparison of the whole token, so
/// the time a request takes says nothing about how much of a guessed token was right.
public final class TokenRegistry: Sendable {
    private struct Entry: Sendable {
        let token: [UInt8]
        let caller: Caller
    }

    private let entries = Mutex<[Int: [Entry]]>([:])

    public init() {}

    /// A new token: 56 random bytes as 112 hex characters, from the system CSPRNG.
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(112)
        for _ in 0..<56 {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Registers `token` for `caller`, replacing any earlier token of the same caller.
    public func register(_ token: String, for caller: Caller) {
        let bytes = Array(token.utf8)
        entries.withLock { table in
            for key in table.keys { table[key]?.removeAll { $0.caller == caller } }
            table[Self.bucket(bytes), default: []].append(Entry(token: bytes, caller: caller))
        }
    }

    /// Forgets the token of `caller` (an add-on that stopped).
    public func revoke(_ caller: Caller) {
        entries.withLock { table in
            for key in table.keys { table[key]?.removeAll { $0.caller == caller } }
        }
    }

    /// The caller a token belongs to, or `nil`.
    public func caller(for token: String) -> Caller? {
        let bytes = Array(token.utf8)
        let candidates = entries.withLock { $0[Self.bucket(bytes)] ?? [] }
        var found: Caller?
        for entry in candidates where Self.constantTimeEquals(entry.token, bytes) {
            found = entry.caller
        }
        return found
    }

    /// Compares every byte whatever differs, so timing does not reveal the first mismatch.
    public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    /// Swift's `Hasher` is seeded per process, so buckets cannot be predicted from outside.
    private static func bucket(_ bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }
}
