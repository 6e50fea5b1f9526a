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
        // FreeType located through pkg-config (freetype2); only CFontRendering uses it.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"]), .brew(["freetype"])]
        ),
        // C shim over FreeType: load a face, set a size, render a glyph to 8-bit coverage.
        .target(name: "CFontRendering", dependencies: ["CFreeType"]),
        // Image value type, decoding/encoding wrappers, pixel operations and drawing.
        .target(name: "IDCheckImaging", dependencies: ["CImageCodecs", "CFontRendering"]),
        // ICAO 9303 machine readable zones: parse, check, correct, generate. Standard library only.
        .target(name: "IDCheckMRZ"),
        // Finding and reading the MRZ in an image: locate, segment, recognise OCR-B, correct.
        .target(name: "IDCheckReader", dependencies: ["IDCheckImaging", "IDCheckMRZ"]),
        // Specimen models: the description format, loading with validation, the library lookup.
        .target(name: "IDCheckSpecimens", dependencies: ["IDCheckImaging", "IDCheckMRZ"]),
        // The renderer of fictional documents (genuine and forged) with their ground truth.
        .target(name: "IDCheckRender", dependencies: ["IDCheckImaging", "IDCheckMRZ", "IDCheckSpecimens"]),
        // Indicator catalogue, rules (MRZ, data, model, lists) and the report model.
        .target(name: "IDCheckForensics", dependencies: ["IDCheckImaging", "IDCheckMRZ", "IDCheckSpecimens"]),
        // The visual comparison: alignment with the specimen, layout and print, visual zone vs MRZ,
        // MRZ font, photo substitution, local tampering. Indicator rules on top of IDCheckForensics.
        .target(name: "IDCheckVisual", dependencies: ["IDCheckImaging", "IDCheckMRZ", "IDCheckSpecimens", "IDCheckReader", "IDCheckForensics"]),
        // The public pipeline and re-exports.
        .target(name: "IDCheck", dependencies: ["IDCheckImaging", "IDCheckMRZ", "IDCheckReader", "IDCheckSpecimens", "IDCheckForensics", "IDCheckVisual"]),
        // The command-line tool.
        .executableTarget(
            name: "idcheck",
            dependencies: [
                "IDCheck",
                "IDCheckRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A plain libjpeg decode in C: the in-process reference of the decode benchmark.
        .target(
            name: "CReferenceDecode",
            path: "benchmarks/CReferenceDecode",
            linkerSettings: [.linkedLibrary("jpeg")]
        ),
        // Benchmarks: figures printed as ratios against references measured in the same run.
        .executableTarget(
            name: "idcheck-bench",
            dependencies: ["IDCheckImaging", "IDCheckMRZ", "IDCheckReader", "CReferenceDecode"],
            path: "benchmarks/IDCheckBenchmarks"
        ),
        // Derives the OCR-B glyph models of the reader from the font (scripts/generate-glyph-models).
        .executableTarget(
            name: "idcheck-glyph-models",
            dependencies: ["IDCheckImaging", "IDCheckReader"],
            path: "scripts/GlyphModelGenerator"
        ),
        .testTarget(name: "IDCheckImagingTests", dependencies: ["IDCheckImaging"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IDCheckMRZTests", dependencies: ["IDCheckMRZ"], resources: [.copy("Vectors")]),
        .testTarget(name: "IDCheckReaderTests", dependencies: ["IDCheckReader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IDCheckSpecimensTests", dependencies: ["IDCheckSpecimens"]),
        .testTarget(name: "IDCheckRenderTests", dependencies: ["IDCheckRender"]),
        .testTarget(name: "IDCheckForensicsTests", dependencies: ["IDCheck"]),
        .testTarget(name: "IDCheckCLITests", dependencies: ["IDCheck"]),
        .testTarget(name: "IDCheckVisualTests", dependencies: ["IDCheck", "IDCheckRender", "IDCheckVisual"]),
    ]
)
