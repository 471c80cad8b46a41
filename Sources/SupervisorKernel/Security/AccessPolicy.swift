/// Which caller may call which path: the allow lists of the reference Supervisor.
public enum AccessPolicy {
    /// What the policy decides for one request.
    public enum Decision: Sendable, Equatable {
        /// Served without a token; the endpoint does its own checks (proxies, ping, ingress).
        case publicPath
        /// Refused for everyone.
        case blocked
        case allowed
        /// Refused for this caller (403).
        case denied(String)
    }

    /// Paths refused to everyone, even Core: the API must not proxy into itself.
    static let blocked: [PathRule] = [
        .prefix("/core/api/hassio/"), .prefix("/core/api/hassio_"),
        .prefix("/homeassistant/api/hassio/"), .prefix("/homeassistant/api/hassio_"),
    ]

    /// Paths that need no Supervisor token.
    static let publicPaths: [PathRule] = [
        .prefix("/core/api/"), .exact("/core/websocket"),
        .prefix("/homeassistant/api/"), .exact("/homeassistant/websocket"),
        .exact("/supervisor/ping"), .exact("/openapi.json"),
        .slugScoped(folder: "/ingress/", except: []),
        .slugSuffix(folder: "/addons/", suffixes: ["logo", "icon"]),
        .slugSuffix(folder: "/store/addons/", suffixes: ["logo", "icon"]),
    ]

    /// Paths every add-on may call, with or without `hassio_api`.
    static let addonBypass: [PathRule] = [
        .exact("/info"), .exact("/auth"), .prefix("/services"), .prefix("/discovery"),
        .exact("/addons/self/options/config"),
    ]

    /// Only Home Assistant Core may set system options of add-ons.
    static let coreOnly: [PathRule] = [.slugSuffix(folder: "/addons/", suffixes: ["sys_options"])]

    /// The allow list of each add-on role.
    public static func rules(for role: AddonRole) -> [PathRule] {
        switch role {
        case .default: [.infoEndpoint]
        case .homeassistant: [.infoEndpoint, .below("/core/"), .below("/homeassistant/")]
        case .backup: [.infoEndpoint, .prefix("/backups"), .prefix("/snapshots")]
        case .manager: managerRules
        case .admin: [.prefix("/")]
        }
    }

    static let managerRules: [PathRule] = [
        .infoEndpoint, .exact("/addons"), .exact("/addons/reload"),
        .slugScoped(folder: "/addons/", except: ["security"]),
        .exact("/auth/cache"), .exact("/available_updates"), .exact("/refresh_updates"),
        .prefix("/backups"), .prefix("/snapshots"), .prefix("/mounts"), .prefix("/store"),
        .belowExcept("/os/", except: ["datadisk/wipe"]),
    ] + ["audio", "cli", "core", "dns", "docker", "jobs", "hardware", "hassos", "homeassistant", "host",
         "multicast", "network", "observer", "resolution", "security", "supervisor"].map { .below("/\($0)/") }

    /// Decides whether `caller` may call `path` (the path as requested, `self` not yet resolved).
    public static func decide(_ caller: Caller, path: String) -> Decision {
        if blocked.matches(path) { return .blocked }
        if publicPaths.matches(path) { return .publicPath }
        if coreOnly.matches(path) && caller != .homeAssistant {
            return .denied("Only Home Assistant may call \(path)")
        }
        switch caller {
        case .anonymous:
            return .denied("No API token provided")
        case .homeAssistant, .cli:
            return .allowed
        case .observer:
            return PathRule.infoEndpoint.matches(path) ? .allowed : .denied("The observer may only read /…/info")
        case .addon(let addon):
            if isAddonBypass(path) { return .allowed }
            guard addon.hassioAPI else {
                return .denied("Add-on \(addon.slug) has no Supervisor API access (hassio_api) for \(path)")
            }
            return rules(for: addon.role).matches(path)
                ? .allowed : .denied("Add-on \(addon.slug) with role \(addon.role.rawValue) may not call \(path)")
        }
    }

    /// `/addons/self/<one segment>` except `security` and `update`, plus the fixed bypass list.
    static func isAddonBypass(_ path: String) -> Bool {
        if addonBypass.matches(path) { return true }
        let selfPrefix = "/addons/self/"
        guard path.hasPrefix(selfPrefix) else { return false }
        let rest = path.dropFirst(selfPrefix.count)
        return !rest.isEmpty && !rest.contains("/") && !rest.hasPrefix("security") && !rest.hasPrefix("update")
    }
}
