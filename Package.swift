// swift-tools-version: 6.1
// IDCheck: examines scanned identity documents and reports identity-fraud indicators.
import PackageDescription

let package = Package(
    name: "IDCheck",
    products: [
        .library(name: "IDCheck", targets: ["IDCheck"]),
        .library(name: "IDCheckMRZ", targets: ["IDCheckMRZ"]),
        .executable(name: "idcheck", targets: ["idcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C shim over libjpeg(-turbo) and libpng: every setjmp/longjmp stays in here.
        .target(
            name: "CImageCodecs",
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]
        ),
        // Image value type, decoding/encoding wrappers, pixel operations and drawing.
        .target(name: "IDCheckImaging", dependencies: ["CImageCodecs"]),
        // ICAO 9303 machine readable zones: parse, check, correct, generate. Standard library only.
        .target(name: "IDCheckMRZ"),
        // The public pipeline and re-exports.
        .target(name: "IDCheck", dependencies: ["IDCheckImaging", "IDCheckMRZ"]),
        // The command-line tool.
        .executableTarget(
            name: "idcheck",
            dependencies: [
                "IDCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: figures printed as ratios against references measured in the same run.
        .executableTarget(
            name: "idcheck-bench",
            dependencies: ["IDCheck"],
            path: "benchmarks/IDCheckBenchmarks"
        ),
        .testTarget(name: "IDCheckImagingTests", dependencies: ["IDCheckImaging"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IDCheckMRZTests", dependencies: ["IDCheckMRZ"]),
        .testTarget(name: "IDCheckCLITests", dependencies: ["IDCheck"]),
    ]
)
