// swift-tools-version: 6.1
import PackageDescription

/// Every subsystem under `Plugins/` is one module behind one trait of the same name.
/// A board that wants fewer subsystems builds with `--traits Host` or `--disable-default-traits`.
let pluginTraits: [(trait: String, module: String)] = [
    ("Host", "SupervisorHost"),
    ("Hardware", "SupervisorHardware"),
]

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "supervisor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "supervisord", targets: ["supervisord"]),
        .library(name: "SupervisorKernel", targets: ["SupervisorKernel"]),
        .library(name: "SupervisorServer", targets: ["SupervisorServer"]),
        .library(name: "SupervisorPlugins", targets: ["SupervisorPlugins"]),
    ],
    traits: [
        .default(enabledTraits: Set(pluginTraits.map(\.trait))),
        .trait(name: "Host", description: "Host subsystem: hostname, power, services and logs over D-Bus and the journal"),
        .trait(name: "Hardware", description: "Hardware subsystem: devices from libudev, hotplug events, ALSA cards"),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        // MARK: Kernel: no HTTP server, no C.
        .target(
            name: "SupervisorKernel",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: The Supervisor's own endpoints (always compiled in).
        .target(
            name: "SupervisorCore",
            dependencies: ["SupervisorKernel"],
            swiftSettings: swiftSettings
        ),
        // MARK: The one adapter from kernel routes to Hummingbird 2.
        .target(
            name: "SupervisorHTTP",
            dependencies: [
                "SupervisorKernel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Assembly: configuration, kernel, HTTP and lifecycle for any executable.
        .target(
            name: "SupervisorServer",
            dependencies: [
                "SupervisorKernel", "SupervisorCore", "SupervisorHTTP", "SystemdBridge",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: The one file that knows which plugins are compiled in.
        .target(
            name: "SupervisorPlugins",
            dependencies: ["SupervisorKernel"]
                + pluginTraits.map { .target(name: $0.module, condition: .when(traits: [$0.trait])) },
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "supervisord",
            dependencies: [
                "SupervisorServer", "SupervisorPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: System bridges: all C lives under Sources/SystemBridges.
        .systemLibrary(name: "CSystemd", path: "Sources/SystemBridges/CSystemd", pkgConfig: "libsystemd",
                       providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CUdev", path: "Sources/SystemBridges/CUdev", pkgConfig: "libudev",
                       providers: [.apt(["libudev-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/SystemBridges/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "SystemdBridge", dependencies: ["CSystemd"], path: "Sources/SystemBridges/Systemd",
                swiftSettings: swiftSettings),
        .target(name: "UdevBridge", dependencies: ["CUdev"], path: "Sources/SystemBridges/Udev",
                swiftSettings: swiftSettings),
        .target(name: "CurlBridge", dependencies: ["CCurl"], path: "Sources/SystemBridges/Curl",
                swiftSettings: swiftSettings),

        // MARK: Plugins, one module each, each behind its trait.
        .target(
            name: "SupervisorHost",
            dependencies: ["SupervisorKernel", "SystemdBridge"],
            path: "Plugins/Host",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SupervisorHardware",
            dependencies: ["SupervisorKernel", "UdevBridge"],
            path: "Plugins/Hardware",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .target(
            name: "SupervisorTestSupport",
            dependencies: [
                "SupervisorKernel", "SupervisorServer", "SupervisorHTTP", "SupervisorCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/Support",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SystemTestSupport",
            path: "Tests/SystemSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupervisorKernelTests",
            dependencies: ["SupervisorKernel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupervisorAPITests",
            dependencies: [
                "SupervisorTestSupport", "SupervisorPlugins", "SystemTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SystemBridgesTests",
            dependencies: ["SystemdBridge", "UdevBridge", "CurlBridge", "SystemTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HostTests",
            dependencies: ["SupervisorHost", "SupervisorTestSupport", "SystemTestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HardwareTests",
            dependencies: ["SupervisorHardware", "SupervisorTestSupport", "SystemTestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
    ]
)
