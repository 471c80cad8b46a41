/// One entry of an allow list, matched against a request path.
public enum PathRule: Sendable {
    /// Exactly this path.
    case exact(String)
    /// This path and anything that starts with it (`/backups*`).
    case prefix(String)
    /// Something below this folder: the prefix ends in `/` and at least one character follows (`/core/.+`).
    case below(String)
    /// Below the folder, except paths that continue with one of `except` (`/os/` but not `datadisk/wipe`).
    case belowExcept(String, except: [String])
    /// Any `/<something>/info`.
    case infoEndpoint
    /// `/<folder>/<one segment>/<rest>` where rest does not start with any of `except`.
    case slugScoped(folder: String, except: [String])
    /// `/<folder>/<one segment>/<suffix>` for each suffix.
    case slugSuffix(folder: String, suffixes: [String])

    public func matches(_ path: String) -> Bool {
        switch self {
        case .exact(let expected): return path == expected
        case .prefix(let start): return path.hasPrefix(start)
        case .below(let folder): return path.count > folder.count && path.hasPrefix(folder)
        case .belowExcept(let folder, let except):
            guard path.count > folder.count, path.hasPrefix(folder) else { return false }
            let rest = path.dropFirst(folder.count)
            return !except.contains { rest.hasPrefix($0) }
        case .infoEndpoint:
            return path.hasSuffix("/info") && path.count > "/info".count + 1 && path.hasPrefix("/")
        case .slugScoped(let folder, let except):
            guard let (slug, rest) = Self.split(path, under: folder), Self.isSlug(slug), !rest.isEmpty else { return false }
            return !except.contains { rest.hasPrefix($0) }
        case .slugSuffix(let folder, let suffixes):
            guard let (slug, rest) = Self.split(path, under: folder), Self.isSlug(slug) else { return false }
            return suffixes.contains(String(rest))
        }
    }

    /// For `/folder/slug/rest` returns `(slug, rest)`.
    private static func split(_ path: String, under folder: String) -> (Substring, Substring)? {
        guard path.hasPrefix(folder) else { return nil }
        let tail = path.dropFirst(folder.count)
        guard let slash = tail.firstIndex(of: "/") else { return nil }
        return (tail[..<slash], tail[tail.index(after: slash)...])
    }

    /// Add-on slugs: letters, digits, `-`, `_`, `.`.
    static func isSlug(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}

extension Array where Element == PathRule {
    func matches(_ path: String) -> Bool { contains { $0.matches(path) } }
}
