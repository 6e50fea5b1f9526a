import IDCheckForensics
import IDCheckImaging

/// How far the MRZ of an examination lies from OCR-B, character by character, with the zone's
/// overall score: the median distance, so that a few smudged, misread or touching characters
/// of a genuine print do not count and a whole zone in another font does.
struct MRZFontAssessment: Sendable {
    /// One measured character.
    struct Character: Sendable {
        var line: Int
        var column: Int
        /// What the zone says it is; `nil` when measured against the nearest OCR-B character.
        var character: Swift.Character?
        var distance: Double
    }

    /// Fewer measured characters than this give no verdict (a TD2 zone has 72).
    static let minimumCharacters = 40
    /// A zone the reader could not read is judged only where its characters are at least this
    /// tall (image pixels, median box): genuine card backs photographed at 102–113 dpi (8 and 10
    /// px characters), blurred and at JPEG 39–45, were unreadable and lay 0.19–0.22 from the
    /// nearest OCR-B characters (hard renders of seed 8806); the 104 wrong-font zones of the
    /// visual benchmark judged this way have 13.8 px and more. A zone that was read names its
    /// characters and is judged at any size.
    static let smallestUnreadCharacterHeight = 12.0

    var characters: [Character]
    /// Median distance over the characters.
    var score: Double
    /// The page and outline of the MRZ.
    var page: Int
    var region: [Point]
    /// Whether the text was parsed as an MRZ (distances to each character's own OCR-B shape) or
    /// only found by the lenient second look (distances to the nearest OCR-B character).
    var readAsMRZ: Bool

    /// The assessment of `examination`'s MRZ; `nil` when there is none or too little to measure.
    init?(_ examination: Examination, distances: OCRBShapeDistance) {
        let boxes: [[[Point]]], lines: [String]?, page: Int, region: [Point]
        if let geometry = examination.mrzGeometry {
            // A parsed zone names every character; an unparsed reading's text is not trusted.
            (boxes, lines, page, region) = (geometry.characterBoxes, examination.zone?.lines, geometry.page, geometry.location)
            readAsMRZ = examination.zone != nil
        } else if let rejected = examination.rejectedMRZ {
            (boxes, lines, page, region) = (rejected.geometry.characterBoxes, nil, rejected.geometry.page, rejected.geometry.location)
            readAsMRZ = false
        } else {
            return nil
        }
        guard examination.pages.indices.contains(page) else { return nil }
        if !readAsMRZ, Self.medianHeight(boxes) < Self.smallestUnreadCharacterHeight { return nil }
        let cells = MRZCharacterCells.cut(page: examination.pages[page].image, boxes: boxes, lines: lines)
        characters = zip(cells, distances.measure(cells)).compactMap { cell, measurement in
            measurement.map {
                Character(line: cell.line, column: cell.column, character: cell.character, distance: $0.toCharacter ?? $0.toNearest)
            }
        }
        guard characters.count >= MRZFontAssessment.minimumCharacters else { return nil }
        let sorted = characters.map(\.distance).sorted()
        score = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        self.page = page
        self.region = region
    }

    /// The median height of the character boxes (left edges), image pixels.
    static func medianHeight(_ boxes: [[[Point]]]) -> Double {
        let heights = boxes.joined().compactMap { box -> Double? in
            guard box.count == 4 else { return nil }
            let dx = box[3].x - box[0].x, dy = box[3].y - box[0].y
            return (dx * dx + dy * dy).squareRoot()
        }.sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// The characters farthest from OCR-B, farthest first, one per kind of character (so that
    /// a line of fillers does not hide the letters and digits), `count` at most.
    func worst(_ count: Int) -> [Character] {
        var seen = Set<String>()
        var result: [Character] = []
        for entry in characters.sorted(by: { $0.distance > $1.distance }) where result.count < count {
            let kind = entry.character.map(String.init) ?? "?"
            if kind != "?", !seen.insert(kind).inserted { continue }
            result.append(entry)
        }
        return result
    }
}
