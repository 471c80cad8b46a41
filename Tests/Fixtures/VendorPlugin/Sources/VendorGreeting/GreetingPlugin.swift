import SupervisorKernel

/// A vendor subsystem: one route, one state file, one event subscription.
public struct GreetingPlugin: SupervisorPlugin {
    public let slug = "vendor"

    public init() {}

    public func setup(_ context: PluginContext) async throws {
        context.logger.info("Vendor plugin ready")
    }

    public func registerRoutes(_ routes: RouteBuilder) {
        routes.get("/vendor/hello", summary: "A greeting from the vendor's own plugin",
                   response: .object([.init("greeting", .string(), required: true)])) { _ in
            .ok(["greeting": "hello from the vendor plugin"])
        }
    }
}
