#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where IDCheck finds the fonts it renders with: Debian's fonts-ocr-b, fonts-dejavu-core and
/// -extra, and fonts-liberation (Liberation Mono: the Courier-metric font of forged MRZs).
///
/// The one place that knows font paths. `IDCHECK_FONTS_DIR` overrides the search: when set, a font
/// is looked up there first by file name (flat, no subfolders), then in the system folders.
public enum SystemFonts {
    /// The fonts the project uses, by file name.
    public enum Name: String, Sendable, CaseIterable {
        /// OCR-B, the MRZ typeface (ISO 1073-2), from fonts-ocr-b.
        case ocrB = "OCRB.otf"
        case dejaVuSans = "DejaVuSans.ttf"
        case dejaVuSansBold = "DejaVuSans-Bold.ttf"
        case dejaVuSansCondensed = "DejaVuSansCondensed.ttf"
        case dejaVuSansCondensedBold = "DejaVuSansCondensed-Bold.ttf"
        case dejaVuSerif = "DejaVuSerif.ttf"
        case dejaVuSerifBold = "DejaVuSerif-Bold.ttf"
        case dejaVuSerifItalic = "DejaVuSerif-Italic.ttf"
        case dejaVuSansMono = "DejaVuSansMono.ttf"
        case dejaVuSansMonoBold = "DejaVuSansMono-Bold.ttf"
        /// Metric-compatible with Courier New: what a forger's office printer sets an MRZ in.
        case liberationMono = "LiberationMono-Regular.ttf"

        /// The Debian package that installs the file.
        public var debianPackage: String {
            switch self {
            case .ocrB: "fonts-ocr-b"
            case .dejaVuSansCondensed, .dejaVuSansCondensedBold: "fonts-dejavu-extra"
            case .liberationMono: "fonts-liberation"
            default: "fonts-dejavu-core"
            }
        }
    }

    /// The environment variable naming a folder searched before the system folders.
    public static let overrideVariable = "IDCHECK_FONTS_DIR"

    /// System folders searched, in order.
    public static let systemDirectories = [
        "/usr/share/fonts/opentype/ocr-b",
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/truetype/liberation",
        "/usr/local/share/fonts",
    ]

    /// The path where `name` is found, or the path it was expected at (the first candidate) when
    /// it is nowhere, so that loading it reports a useful missing-file error.
    public static func path(for name: Name) -> String {
        let candidates = directories.map { $0 + "/" + name.rawValue }
        return candidates.first { access($0, R_OK) == 0 } ?? candidates[0]
    }

    /// Loads `name` (a fresh face each call; keep it: faces cache their glyphs).
    public static func load(_ name: Name) throws(FontLoadingError) -> FontFace {
        try FontFace(path: path(for: name))
    }

    private static var directories: [String] {
        var result: [String] = []
        if let override = getenv(overrideVariable), case let folder = String(cString: override), !folder.isEmpty {
            result.append(folder)
        }
        return result + systemDirectories
    }
}
