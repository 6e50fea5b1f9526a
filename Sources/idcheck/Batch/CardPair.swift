/// A card's two files (``CardSides``) in the card's own order: the path that sorts first, first.
/// The card is verified with its images in this order whichever file a worker reaches first, so
/// that both lines, and every run over the same files (on any number of jobs, resumed or not),
/// say the same about it.
struct CardPair: Sendable {
    let files: [String]

    init(_ path: String, _ other: String) {
        files = path < other ? [path, other] : [other, path]
    }

    /// The key of the card's shared result (``CardPairResults``).
    var key: String { files.joined(separator: "\u{0}") }

    /// Where `path` is among the card's images: 0 or 1.
    func page(of path: String) -> Int { files.firstIndex(of: path) ?? 0 }
}
