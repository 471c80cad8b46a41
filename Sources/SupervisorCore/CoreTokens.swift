import SupervisorKernel

/// The tokens of Home Assistant Core, the CLI and the observer.
///
/// Like the reference, each lives as `access_token` in its component's state file
/// (`homeassistant.json`, `cli.json`, `observer.json`); other keys in those files are kept.
enum CoreTokens {
    static let owners: [(file: String, caller: Caller)] = [
        ("homeassistant", .homeAssistant), ("cli", .cli), ("observer", .observer),
    ]

    /// Loads or creates each token and registers it.
    static func bootstrap(_ context: PluginContext) throws {
        for (file, caller) in owners {
            let stored = StateFile(store: context.state, name: file, defaults: [String: JSONValue]())
            var token = stored.current["access_token"]?.stringValue ?? ""
            if token.isEmpty {
                token = TokenRegistry.generateToken()
                try stored.update { $0["access_token"] = .string(token) }
                context.logger.info("Created API token", metadata: ["file": "\(file).json"])
            }
            context.tokens.register(token, for: caller)
        }
    }
}
