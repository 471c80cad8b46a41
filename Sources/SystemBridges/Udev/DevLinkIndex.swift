#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Symlinks under `/dev/<folder>/by-*/` (e.g. `/dev/serial/by-id/usb-…`) keyed by the node they point to.
///
/// With udevd running, `DEVLINKS` already lists them; without its database (containers, this
/// Supervisor started before udevd) the links that exist on disk are the only source.
public struct DevLinkIndex: Sendable {
    private let linksByNode: [String: [String]]

    /// Scans `devRoot` (normally `/dev`) once.
    public init(devRoot: String = "/dev") {
        var index: [String: [String]] = [:]
        let files = FileManager.default
        for folder in (try? files.contentsOfDirectory(atPath: devRoot)) ?? [] {
            let folderPath = "\(devRoot)/\(folder)"
            for kind in (try? files.contentsOfDirectory(atPath: folderPath)) ?? [] where kind.hasPrefix("by-") {
                let kindPath = "\(folderPath)/\(kind)"
                for name in (try? files.contentsOfDirectory(atPath: kindPath)) ?? [] {
                    let link = "\(kindPath)/\(name)"
                    guard let target = Self.resolve(link) else { continue }
                    index[target, default: []].append(link)
                }
            }
        }
        linksByNode = index.mapValues { $0.sorted() }
    }

    /// The links that resolve to `node`, sorted.
    public func links(to node: String) -> [String] { linksByNode[node] ?? [] }

    /// Every indexed node.
    public var nodes: [String] { Array(linksByNode.keys) }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
