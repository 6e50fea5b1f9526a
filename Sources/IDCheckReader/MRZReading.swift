import IDCheckImaging
import IDCheckMRZ

/// One MRZ found and read on an image: the text with per-character confidence and alternatives,
/// where it is, and the MRZ core's parse of it (checks, corrections).
public struct MRZReading: Sendable {
    /// One recognised character.
    public struct RecognisedCharacter: Sendable {
        public var character: Character
        /// Score of the first choice (about 0.9 for a clean print; see ``GlyphClassifier``).
        public var confidence: Double
        /// First choice and runners-up, best first.
        public var alternatives: [MRZ.Candidates.Alternative]
        /// The character's ink box on the image, 4 corners clockwise from the top-left.
        public var box: [Point]
    }

    /// Text as recognised (first choices), one string per line.
    public var recognisedLines: [String]
    public var characters: [[RecognisedCharacter]]
    /// The MRZ core's reading with check-digit corrections applied, or `nil` if it could not be
    /// parsed (then ``parsingError`` says why).
    public var zone: MRZ.Zone?
    public var parsingError: MRZParsingError?
    /// The MRZ on the image: 4 corners clockwise from the MRZ's own top-left.
    public var location: [Point]
    /// Direction of the MRZ's lines in degrees clockwise from the image's x axis (0 upright,
    /// 180 upside down).
    public var angle: Double
    /// Character height in image pixels.
    public var characterHeight: Double
    /// Mean OCR-B template score of the characters: about 0.85 for OCR-B prints, lower for text
    /// in other typefaces.
    public var meanShapeScore: Double = 0
    /// Lowest character confidence.
    public var minimumConfidence: Double { characters.joined().map(\.confidence).min() ?? 0 }
    /// The lines after correction, or as recognised when the parse failed.
    public var lines: [String] { zone?.lines ?? recognisedLines }
    /// Whether the zone parsed and every one of its check digits holds.
    public var checksPass: Bool { zone.map { $0.checks.allSatisfy(\.passes) } ?? false }
    /// How many check digits hold (−1 when the zone did not parse).
    var passingChecks: Int { zone.map { $0.checks.filter(\.passes).count } ?? -1 }

    /// Distance from one character to the next along the lines, image pixels (0 when unknown).
    /// ICAO 9303 sets every format's MRZ at 2.54 mm a character, so MRZs scanned together share it.
    public var pitch: Double {
        let characters = lines.map(\.count).max() ?? 0
        guard location.count == 4, characters > 1 else { return 0 }
        return ((location[1] - location[0]).length + (location[2] - location[3]).length) / 2 / Double(characters)
    }

    /// Whether `other` lies on this MRZ: the centre of either inside the other's outline.
    func overlaps(_ other: MRZReading) -> Bool {
        location.overlaps(other.location)
    }
}
