// swift-tools-version: 6.1
// libFuzzer targets for IDCheck. Not part of the main package: built only by fuzz/run.sh with
// `swift build --sanitize=fuzzer --sanitize=address --scratch-path .build-fuzz`, so the normal
// `swift build` / `swift test` never see them. See fuzz/README.md.
import Foundation
import PackageDescription

// The main package is the folder above; SwiftPM names a path dependency after its folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

/// A fuzz target: one file whose only entry is `LLVMFuzzerTestOneInput`; libFuzzer supplies main.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "IDCheck", package: rootIdentity)],
        path: "Targets/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "IDCheckFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        fuzzTarget("FuzzImageDecoding"),
        fuzzTarget("FuzzMRZ"),
        fuzzTarget("FuzzSpecimen"),
        fuzzTarget("FuzzScan"),
    ]
)
