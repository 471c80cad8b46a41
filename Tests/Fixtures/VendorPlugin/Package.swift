// swift-tools-version: 6.1
// A vendor's own package that adds a subsystem to the Supervisor without touching its sources:
// it depends on the kernel product, defines a plugin, and ships an executable that runs the
// Supervisor with the compiled-in plugins plus its own.
import PackageDescription

let package = Package(
    name: "VendorPlugin",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "supervisor", path: "../../.."),
    ],
    targets: [
        .target(
            name: "VendorGreeting",
            dependencies: [.product(name: "SupervisorKernel", package: "supervisor")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "vendord",
            dependencies: [
                "VendorGreeting",
                .product(name: "SupervisorServer", package: "supervisor"),
                .product(name: "SupervisorPlugins", package: "supervisor"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
