import Synchronization

/// Orders plugins so that each comes after the plugins it depends on.
enum PluginOrder {
    /// Depth-first topological order; ties keep the given order. Cycles are broken where found
    /// (the plugin then fails its dependency check and is reported).
    static func sorted(_ plugins: [any SupervisorPlugin]) -> [any SupervisorPlugin] {
        let bySlug = Dictionary(plugins.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var visited = Set<String>()
        var result: [any SupervisorPlugin] = []
        func visit(_ plugin: any SupervisorPlugin) {
            guard visited.insert(plugin.slug).inserted else { return }
            for dependency in plugin.dependencies { if let next = bySlug[dependency] { visit(next) } }
            result.append(plugin)
        }
        plugins.forEach(visit)
        return result
    }
}

/// The plugins that loaded, in boot order.
final class LoadedPlugins: Sendable {
    private let value = Mutex<[any SupervisorPlugin]>([])
    var plugins: [any SupervisorPlugin] { value.withLock { $0 } }
    func set(_ plugins: [any SupervisorPlugin]) { value.withLock { $0 = plugins } }
}
