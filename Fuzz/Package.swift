// swift-tools-version:6.0
// libFuzzer targets for FrameKit. Built by scripts/fuzz.sh with `-Xswiftc -sanitize=fuzzer`;
// a package of its own so that the main package never links libFuzzer.
import PackageDescription

let package = Package(
    name: "SeedanceFuzz",
    dependencies: [.package(name: "SeedanceKit", path: "..")],
    targets: [
        .executableTarget(
            name: "seedance-fuzz",
            dependencies: [.product(name: "FrameKit", package: "SeedanceKit")]
        )
    ],
    swiftLanguageModes: [.v6]
)
