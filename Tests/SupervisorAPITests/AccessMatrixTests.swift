import Foundation
import HTTPTypes
import SupervisorKernel
import SupervisorPlugins
import SupervisorTestSupport
import Testing

/// Role × path matrix over every registered route and the edge paths of the reference allow lists.
///
/// Every probe uses PATCH, which no route serves: the kernel decides access before routing, so an
/// allowed caller gets 404/405 and a refused one 401/403, and no handler (reboot, trigger, an
/// endless log follow) runs.
/// The expectation comes from `AccessOracle`, written independently as regular expressions in the
/// reference's form, so a mistake in the kernel's `PathRule` lists shows up as a mismatch here.
@Suite struct AccessMatrixTests {
    enum Who: CaseIterable {
        case nobody, wrongToken, core, cli, observer
        case addonDefault, addonHomeAssistant, addonBackup, addonManager, addonAdmin, addonNoAPI

        var role: AddonRole? {
            switch self {
            case .addonDefault, .addonNoAPI: .default
            case .addonHomeAssistant: .homeassistant
            case .addonBackup: .backup
            case .addonManager: .manager
            case .addonAdmin: .admin
            default: nil
            }
        }
    }

    static let edgePaths = [
        "/info", "/auth", "/services", "/services/mqtt", "/discovery", "/discovery/abc",
        "/addons", "/addons/reload", "/addons/self/info", "/addons/self/options", "/addons/self/options/config",
        "/addons/self/security", "/addons/self/update", "/addons/self/logs/follow", "/addons/local_x/security",
        "/addons/local_x/start", "/addons/local_x/sys_options", "/addons/local_x/logo", "/store/addons/local_x/icon",
        "/core/api/states", "/core/api/hassio/x", "/core/api/hassio_push", "/core/websocket", "/core/info", "/core/restart",
        "/homeassistant/api/config", "/homeassistant/api/hassio/x", "/ingress/abc_123/index.html",
        "/backups", "/backups/new/full", "/snapshots/abc/info", "/os/info", "/os/update", "/os/datadisk/wipe",
        "/host/info", "/host/reboot", "/jobs/info", "/jobs/reset", "/supervisor/options", "/supervisor/ping",
        "/hardware/info", "/hardware/trigger", "/network/info", "/audio/volume/input", "/refresh_updates",
        "/available_updates", "/mounts", "/resolution/info", "/security/options", "/store", "/docker/registries",
    ]

    @Test func everyRouteAndEdgePathFollowsTheReferenceAllowLists() async throws {
        let supervisor = try await TestSupervisor(plugins: CompiledPlugins.all)
        var tokens: [Who: String] = [
            .core: supervisor.homeAssistantToken, .cli: supervisor.cliToken, .observer: supervisor.observerToken,
            .wrongToken: TokenRegistry.generateToken(),
        ]
        for who in Who.allCases {
            if let role = who.role { tokens[who] = supervisor.addonToken("local_\(who)", role: role, hassioAPI: who != .addonNoAPI) }
        }
        let tokensByCaller = tokens
        let routes = supervisor.kernel.catalog.routes
        #expect(routes.count >= 15)
        let targets = routes.map { route in route.pattern.example { $0 == "addon" ? "self" : "test_value" } } + Self.edgePaths
        try await supervisor.withClient { (client: APIClient) async throws in
            for path in targets {
                for who in Who.allCases {
                    let reply = try await client.call(.patch, path, token: tokensByCaller[who])
                    let expected = AccessOracle.expect(who, path: path)
                    let refused = reply.status == 401 || reply.status == 403
                    switch expected {
                    case .allowed:
                        #expect(!refused, "\(who) should reach \(path) but got \(reply.status) \(reply.message)")
                    case .unauthorized:
                        #expect(reply.status == 401, "\(who) on \(path): expected 401, got \(reply.status)")
                    case .forbidden:
                        #expect(reply.status == 403, "\(who) on \(path): expected 403, got \(reply.status)")
                    }
                }
            }
        }
    }
}

/// The reference Supervisor's allow lists, as regular expressions.
enum AccessOracle {
    enum Outcome { case allowed, unauthorized, forbidden }

    static let slug = "[-_.A-Za-z0-9]+"
    nonisolated(unsafe) static let blocked = regex(#"/(core|homeassistant)/api/hassio(/|_).*"#)
    nonisolated(unsafe) static let noCheck = regex(#"/(core|homeassistant)/api/.*|/(core|homeassistant)/websocket|/supervisor/ping|/openapi\.json|/ingress/[-_A-Za-z0-9]+/.*|/(store/)?addons/"# + slug + "/(logo|icon)")
    nonisolated(unsafe) static let info = regex("/.+/info")
    nonisolated(unsafe) static let bypass = regex(#"/addons/self/(?!security|update)[^/]+|/addons/self/options/config|/info|/services.*|/discovery.*|/auth"#)
    nonisolated(unsafe) static let coreOnly = regex("/addons/" + slug + "/sys_options")
    nonisolated(unsafe) static let roles: [AddonRole: Regex<AnyRegexOutput>] = [
        .default: regex("/.+/info"),
        .homeassistant: regex("/.+/info|/core/.+|/homeassistant/.+"),
        .backup: regex("/.+/info|/backups.*|/snapshots.*"),
        .manager: regex("/.+/info|/addons(?:/" + slug + "/(?!security).+|/reload)?|/audio/.+|/auth/cache|/available_updates|/backups.*|/cli/.+|/core/.+|/dns/.+|/docker/.+|/jobs/.+|/hardware/.+|/hassos/.+|/homeassistant/.+|/host/.+|/mounts.*|/multicast/.+|/network/.+|/observer/.+|/os/(?!datadisk/wipe).+|/refresh_updates|/resolution/.+|/security/.+|/snapshots.*|/store.*|/supervisor/.+"),
        .admin: regex(".*"),
    ]

    static func regex(_ pattern: String) -> Regex<AnyRegexOutput> { try! Regex("^(?:" + pattern + ")$") }

    static func expect(_ who: AccessMatrixTests.Who, path: String) -> Outcome {
        if path.wholeMatch(of: blocked) != nil { return .forbidden }
        if path.wholeMatch(of: noCheck) != nil { return .allowed }
        if who == .nobody { return .unauthorized }
        if who == .wrongToken { return .forbidden }
        if path.wholeMatch(of: coreOnly) != nil && who != .core { return .forbidden }
        switch who {
        case .core, .cli: return .allowed
        case .observer: return path.wholeMatch(of: info) != nil ? .allowed : .forbidden
        default:
            if path.wholeMatch(of: bypass) != nil { return .allowed }
            guard who != .addonNoAPI, let role = who.role else { return .forbidden }
            return path.wholeMatch(of: roles[role]!) != nil ? .allowed : .forbidden
        }
    }
}
