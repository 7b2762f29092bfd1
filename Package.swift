// swift-tools-version:6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SeedanceKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FrameKit", targets: ["FrameKit"]),
        .library(name: "SeedanceAPI", targets: ["SeedanceAPI"]),
        .library(name: "SeedanceStore", targets: ["SeedanceStore"]),
        .library(name: "SeedanceKit", targets: ["SeedanceKit"]),
        .executable(name: "seedance", targets: ["seedance"]),
        .executable(name: "seedance-stub", targets: ["seedance-stub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libvips through pkg-config; `make` installs libvips-dev when it is missing.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Fixed-argument forwards for libvips' variadic calls, which Swift cannot import.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        .target(
            name: "FrameKit",
            dependencies: ["CVipsShim", "CVips"],
            swiftSettings: strictSwift
        ),
        // The layers, bottom up (docs/architecture.md draws them):
        // SeedanceCore: models as data, parameters, validation, pricing, request bodies and the
        // ledger's vocabulary (records, the TaskStore contract); no I/O, no HTTP, no SQL.
        .target(
            name: "SeedanceCore",
            dependencies: [
                // SHA-256 for request fingerprints and frame digests.
                .product(name: "Crypto", package: "swift-crypto")
            ],
            swiftSettings: strictSwift
        ),
        // SeedanceProviders: the HTTP transport (the only importer of the HTTP library), the
        // provider seam and each provider in its own folder; polling, rate limits, downloads.
        .target(
            name: "SeedanceProviders",
            dependencies: [
                "SeedanceCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                // Only to recognise NIOConnectionError: proof that a request never left.
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        // SeedanceStore: the state store on SQLite in WAL mode (system libsqlite3); GRDB only here.
        .target(
            name: "SeedanceStore",
            dependencies: [
                "SeedanceCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        // SeedanceAPI: the client, the pay-once ledger above any provider. Re-exports the core and
        // the providers, not the store: a tool that wants only the client links no SQLite.
        .target(
            name: "SeedanceAPI",
            dependencies: [
                "SeedanceCore", "SeedanceProviders",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SeedanceKit",
            dependencies: [
                "FrameKit", "SeedanceAPI", "SeedanceStore",
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SeedanceStub",
            // No FrameKit and no SeedanceKit: the stand-in judges frames with its own header
            // readers, so the client's image code never grades itself.
            dependencies: [
                "SeedanceCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "seedance",
            dependencies: [
                "SeedanceKit", "FrameKit", "SeedanceAPI", "SeedanceStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift,
            // Start-up memory of the release binary (`make bench`, start-up baseline): lld's packed
            // relative relocations (DT_RELR, glibc ≥ 2.36) replace 3 MB of relocation records the
            // loader would read, and no symbol table is exported (3 MB more). Together 6.4 MB less
            // at every start, the executable still position-independent (ASLR kept).
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "seedance-stub",
            dependencies: [
                "SeedanceStub", "SeedanceCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        // Helpers every test target shares: paths, scratch folders, child processes that are
        // always reaped, and an in-process HTTP server for URL fixtures.
        .target(
            name: "TestSupport",
            dependencies: [
                "FrameKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strictSwift
        ),
        // The TaskStore contract: the same checks for every store implementation, each taking a
        // factory (SQLite now; a server-backed store later runs them unchanged).
        .target(
            name: "TaskStoreContract",
            dependencies: ["SeedanceCore", "TestSupport"],
            path: "Tests/TaskStoreContract",
            swiftSettings: strictSwift
        ),
        // Test-only: a second process for the state store's two-process claim tests.
        .executableTarget(
            name: "store-claim-probe",
            dependencies: ["SeedanceStore"],
            path: "Tests/StoreClaimProbe",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "FrameKitTests",
            dependencies: ["FrameKit", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SeedanceAPITests",
            dependencies: [
                "SeedanceAPI", "SeedanceCore", "SeedanceProviders", "SeedanceStore", "SeedanceStub", "FrameKit", "SeedanceKit", "TestSupport",
                "TaskStoreContract",
                .product(name: "Logging", package: "swift-log"),
                // To inspect the store's file independently of the code under test.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SeedanceCLITests",
            dependencies: ["SeedanceStub", "FrameKit", "SeedanceKit", "SeedanceAPI", "SeedanceStore", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SeedanceKitTests",
            dependencies: ["SeedanceKit", "SeedanceAPI", "SeedanceCore", "SeedanceStore", "FrameKit", "TestSupport"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
