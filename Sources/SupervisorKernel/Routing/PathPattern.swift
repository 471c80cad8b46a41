/// A route path such as `/addons/{addon}/info` or `/ingress/{session}/{path*}`.
///
/// `{name}` matches one segment; a last `{name*}` matches the rest of the path (possibly empty).
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
        case remainder(String)
    }

    public let segments: [Segment]
    public let description: String

    public init(_ pattern: String) {
        description = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            let name = part.dropFirst().dropLast()
            return name.hasSuffix("*") ? .remainder(String(name.dropLast())) : .parameter(String(name))
        }
    }

    /// The placeholder names in order.
    public var parameterNames: [String] {
        segments.compactMap {
            switch $0 {
            case .literal: nil
            case .parameter(let name), .remainder(let name): name
            }
        }
    }

    /// The placeholder values when `path` (split into segments) matches, else `nil`.
    public func match(_ path: ArraySlice<Substring>) -> [String: String]? {
        var values: [String: String] = [:]
        var remaining = path
        for segment in segments {
            switch segment {
            case .literal(let text):
                guard let next = remaining.popFirst(), next == text else { return nil }
            case .parameter(let name):
                guard let next = remaining.popFirst(), !next.isEmpty else { return nil }
                values[name] = PercentDecoding.decode(String(next))
            case .remainder(let name):
                values[name] = remaining.joined(separator: "/")
                return values
            }
        }
        return remaining.isEmpty ? values : nil
    }

    /// An example path with each placeholder replaced, used by tests and the access matrix.
    public func example(_ value: (String) -> String = { _ in "example" }) -> String {
        "/" + segments.map {
            switch $0 {
            case .literal(let text): text
            case .parameter(let name), .remainder(let name): value(name)
            }
        }.joined(separator: "/")
    }

    /// The OpenAPI form: `/addons/{addon}/info`, `/ingress/{session}/{path}`.
    public var openAPIPath: String {
        "/" + segments.map {
            switch $0 {
            case .literal(let text): text
            case .parameter(let name), .remainder(let name): "{\(name)}"
            }
        }.joined(separator: "/")
    }
}
