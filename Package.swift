// swift-tools-version:6.0
import PackageDescription

/// Swift plugins stay mapped once loaded: unloading Swift code leaves dangling runtime records.
let pluginLinkerSettings: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "-z", "-Xlinker", "nodelete"])]

let package = Package(
    name: "boss-bot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "boss-host", targets: ["BossHost"]),
        .executable(name: "boss-bench", targets: ["BossBench"]),
        .library(name: "DirectMediaExtractor", type: .dynamic, targets: ["DirectMediaExtractor"]),
        .library(name: "GalleryDLExtractor", type: .dynamic, targets: ["GalleryDLExtractor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C: the plugin ABI every extractor implements (headers in include/).
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        // C: libcurl with typed shims for its variadic setopt/getinfo.
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // HTTP over libcurl with the SSRF guard; knows nothing of plugins, queues or Discord.
        .target(
            name: "BossNet",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        // Queue, storage, media sink and plugin loader; knows nothing of Discord.
        .target(
            name: "BossCore",
            dependencies: [
                "BossNet", "PluginABI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "BossHost",
            dependencies: [
                "BossCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // `make bench`'s routing benchmark.
        .executableTarget(name: "BossBench", dependencies: ["BossCore"]),
        .target(
            name: "DirectMediaExtractor", dependencies: ["PluginABI"],
            path: "Plugins/DirectMediaExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "GalleryDLExtractor", dependencies: ["PluginABI"],
            path: "Plugins/GalleryDLExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "TestSupport",
            dependencies: ["PluginABI", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/TestSupport"),
        .testTarget(name: "HostTests", dependencies: ["BossCore", "BossNet", "TestSupport"]),
        .testTarget(name: "PluginTests", dependencies: ["BossCore", "GalleryDLExtractor", "TestSupport"]),
    ]
)
