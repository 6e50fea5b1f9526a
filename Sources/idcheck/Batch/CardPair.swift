import Foundation

/// A card's two files (``CardSides``) in the card's own order: the path that sorts first, first.
/// The card is verified with its images in this order whichever file a worker reaches first, so
/// that both lines, and every run over the same files (on any number of jobs, resumed or not),
/// say the same about it.
///
/// The paths are absolute and standardised: a file is named as the user gave it (`scans/a-front.jpg`)
/// and its other side as ``CardSides`` finds it (absolute), and both workers must name the card alike.
struct CardPair: Sendable {
    let files: [String]

    init(_ path: String, _ other: String) {
        let a = Self.absolute(path), b = Self.absolute(other)
        files = a < b ? [a, b] : [b, a]
    }

    /// The key of the card's shared result (``CardPairResults``).
    var key: String { files.joined(separator: "\u{0}") }

    /// Where `path` is among the card's images: 0 or 1.
    func page(of path: String) -> Int { files.firstIndex(of: Self.absolute(path)) ?? 0 }

    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
