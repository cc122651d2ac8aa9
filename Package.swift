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
        .executable(name: "boss-bench-discord", targets: ["DiscordReplyLatency"]),
        .executable(name: "boss-bench-startup", targets: ["DiscordStartup"]),
        .executable(name: "boss-bench-floor", targets: ["LibraryFloor"]),
        .executable(name: "boss-bench-queue", targets: ["QueueScaling"]),
        .executable(name: "boss-bench-queue-ops", targets: ["QueueOperations"]),
        .library(name: "DirectMediaExtractor", type: .dynamic, targets: ["DirectMediaExtractor"]),
        .library(name: "TwitterExtractor", type: .dynamic, targets: ["TwitterExtractor"]),
        .library(name: "RedditExtractor", type: .dynamic, targets: ["RedditExtractor"]),
        .library(name: "GalleryDLExtractor", type: .dynamic, targets: ["GalleryDLExtractor"]),
        .library(name: "YtDlpExtractor", type: .dynamic, targets: ["YtDlpExtractor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already under Hummingbird; named for NIOPosix's one-thread event loop group (BossMonitoring).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already under postgres-nio; named for the TLS context a `sslmode=require` queue URL asks for.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // C: the plugin ABI every extractor implements (headers in include/).
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        // C: libcurl with typed shims for its variadic setopt/getinfo.
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // C: libwebsockets (the gateway's WebSocket), with its macros as constants.
        .systemLibrary(
            name: "CWebSockets", path: "Sources/CWebSockets", pkgConfig: "libwebsockets",
            providers: [.apt(["libwebsockets-dev"])]),
        // C: zlib, for the gateway's zlib-stream transport compression.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // HTTP over libcurl with the SSRF guard, WebSockets over libwebsockets; knows nothing of plugins,
        // queues or Discord.
        .target(
            name: "BossNet",
            dependencies: [
                "CCurl", "CWebSockets", "BossMetrics", .product(name: "Logging", package: "swift-log"),
            ]),
        // C: fork + exec of a confined child (resource limits, process group, closed descriptors).
        .target(name: "CSpawn", path: "Sources/CSpawn"),
        // Child processes run confined: a process group of their own, a minimal environment, resource
        // limits, cancellation and deadlines, always reaped. Knows nothing of plugins, queues or Discord.
        .target(name: "BossProcess", dependencies: ["CSpawn"]),
        // The metric names and one-line recording calls, over the swift-metrics API only (no backend, no
        // server): the queue, the Discord client and the bot record without knowing who exports.
        .target(name: "BossMetrics", dependencies: [.product(name: "Metrics", package: "swift-metrics")]),
        // A Discord client: gateway session, REST with rate limits, the API's models. Knows nothing of
        // plugins, queues or storage.
        .target(
            name: "BossDiscord",
            dependencies: [
                "BossNet", "BossMetrics", "CZlib", .product(name: "Logging", package: "swift-log"),
            ]),
        // Queue, storage, media sink and plugin loader; knows nothing of Discord.
        .target(
            name: "BossCore",
            dependencies: [
                "BossNet", "BossMetrics", "BossProcess", "PluginABI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The PostgreSQL queue store (`BOSS_QUEUE_URL`), for processes on many hosts sharing one queue.
        // A target of its own so NIO and the PostgreSQL client stay out of BossCore and the plugins' host.
        .target(
            name: "BossQueuePostgres",
            dependencies: [
                "BossCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The bot: commands, access control and delivery; joins the host core to the Discord client.
        .target(
            name: "BossBot",
            dependencies: [
                "BossCore", "BossDiscord", "BossMetrics", "BossNet", "BossProcess",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The operator's window: Prometheus export, /healthz, the live dashboard and process figures,
        // served by Hummingbird. Only the host links it, so NIO and the HTTP server stay out of the
        // queue, the plugins' host and the benchmarks.
        .target(
            name: "BossMonitoring",
            dependencies: [
                "BossMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The dashboard's page, stylesheet and script: real files, compiled into the binary (no
            // resource bundle to ship beside boss-host).
            resources: [
                .embedInCode("Dashboard/dashboard.html"), .embedInCode("Dashboard/dashboard.css"),
                .embedInCode("Dashboard/dashboard.js"),
            ]),
        .executableTarget(
            name: "BossHost",
            dependencies: [
                "BossCore", "BossBot", "BossDiscord", "BossMetrics", "BossMonitoring", "BossQueuePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // `make bench`'s routing benchmark.
        .executableTarget(name: "BossBench", dependencies: ["BossCore", "BossNet", "BossProcess"]),
        // What every Swift plugin shares: the descriptor and entry built from closures, the job's host
        // services, the child runner, the file streamer, the executable locator. A plain (static) target:
        // each plugin .so links its own private copy of these types. That is sound only because plugins
        // exchange nothing but C with the host and with each other (the ABI's structs and function
        // pointers); a Swift value of a PluginKit type never crosses an image, so no cast ever meets
        // another image's copy of a type. PluginKit keeps no global state for the same reason. Sees only
        // the C ABI; never linked by the host.
        .target(name: "PluginKit", dependencies: ["PluginABI"], path: "Plugins/PluginKit"),
        .target(
            name: "DirectMediaExtractor", dependencies: ["PluginKit"],
            path: "Plugins/DirectMediaExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "TwitterExtractor", dependencies: ["PluginKit"],
            path: "Plugins/TwitterExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "RedditExtractor", dependencies: ["PluginKit"],
            path: "Plugins/RedditExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "GalleryDLExtractor", dependencies: ["PluginKit"],
            path: "Plugins/GalleryDLExtractor", linkerSettings: pluginLinkerSettings),
        .target(
            name: "YtDlpExtractor", dependencies: ["PluginKit"],
            path: "Plugins/YtDlpExtractor", linkerSettings: pluginLinkerSettings),
        // `make bench`'s Discord row: reply latency of the real host against the fake Discord.
        .executableTarget(
            name: "DiscordReplyLatency", dependencies: ["TestSupport"], path: "Benchmarks/DiscordReplyLatency"
        ),
        // `make bench`'s start-up and idle-memory rows: the real host and a discord.py bot on the fake Discord.
        .executableTarget(
            name: "DiscordStartup", dependencies: ["TestSupport"], path: "Benchmarks/DiscordStartup"),
        // `make bench`'s scale-out rows: queue operations on SQLite and PostgreSQL, jobs per second
        // through 1, 2 and 3 worker processes on one PostgreSQL queue.
        .executableTarget(
            name: "QueueScaling",
            dependencies: ["TestSupport"], path: "Benchmarks/QueueScaling"),
        // Its queue-operations row, built in release like the host (the stores' own code is measured).
        .executableTarget(
            name: "QueueOperations",
            dependencies: [
                "BossCore", "BossQueuePostgres", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/QueueOperations"),
        // The idle row's floor: the libraries the design requires, loaded and set up, doing nothing else.
        .executableTarget(
            name: "LibraryFloor",
            dependencies: ["CCurl", "CWebSockets", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/LibraryFloor"),
        .target(
            name: "TestSupport",
            dependencies: [
                "PluginABI", "CZlib", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "HostTests",
            dependencies: [
                "BossCore", "BossNet", "BossDiscord", "BossBot", "BossMetrics", "BossMonitoring",
                "BossProcess", "BossQueuePostgres",
                "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "PluginTests",
            dependencies: ["BossCore", "PluginABI", "PluginKit", "GalleryDLExtractor", "TestSupport"]),
    ]
)
