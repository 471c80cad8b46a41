import Testing
@testable import SupervisorKernel

@Suite struct TokenRegistryTests {
    @Test func generatesLongRandomHexTokens() {
        let tokens = (0..<50).map { _ in TokenRegistry.generateToken() }
        #expect(Set(tokens).count == 50)
        for token in tokens {
            #expect(token.count == 112)
            #expect(token.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test func findsCallersAndReplacesOldTokens() {
        let registry = TokenRegistry()
        let addon = Caller.addon(AddonIdentity(slug: "a", role: .default, hassioAPI: true))
        registry.register("token-core", for: .homeAssistant)
        registry.register("token-addon-1", for: addon)
        #expect(registry.caller(for: "token-core") == .homeAssistant)
        #expect(registry.caller(for: "token-addon-1") == addon)
        registry.register("token-addon-2", for: addon)
        #expect(registry.caller(for: "token-addon-1") == nil)
        #expect(registry.caller(for: "token-addon-2") == addon)
        registry.revoke(addon)
        #expect(registry.caller(for: "token-addon-2") == nil)
        #expect(registry.caller(for: "token-cor") == nil)
        #expect(registry.caller(for: "") == nil)
    }

    @Test func constantTimeComparisonIsExact() {
        #expect(TokenRegistry.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!TokenRegistry.constantTimeEquals(Array("abc".utf8), Array("abd".utf8)))
        #expect(!TokenRegistry.constantTimeEquals(Array("abc".utf8), Array("abcd".utf8)))
    }
}

@Suite struct RequestFilterTests {
    @Test(arguments: [
        "/addons/../../etc/passwd", "/x/%2e%2e%2fetc", "/x/%252e%252e%252f", "/proc/self/environ",
        "/x/<script>alert(1)</script>", "/x/%3Cscript%3E", "/x?id=1 UNION SELECT (1)", "/a/concat(1,2)",
        "/page.html?v=/.//etc", "/x?q=union all select", "/x/%253Cscript%253E",
    ])
    func blocksKnownAttackShapes(_ target: String) {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        #expect(RequestFilter.rejection(path: parts[0], query: parts.count > 1 ? parts[1] : "") != nil)
    }

    @Test(arguments: ["/supervisor/info", "/addons/core_ssh/logs", "/host/logs/identifiers/kernel", "/backups/abc123/download",
                      "/core/api/states?url=/api/states", "/store/repositories/a.b/info", "/x?name=selection(1)"])
    func letsOrdinaryPathsThrough(_ path: String) {
        #expect(RequestFilter.rejection(path: path, query: "lines=100") == nil)
    }
}
