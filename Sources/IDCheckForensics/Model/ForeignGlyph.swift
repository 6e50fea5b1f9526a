import IDCheckImaging
import IDCheckSpecimens

/// A character of a printed field that no character of the model's font explains, while the
/// field's other characters match the font well: what a region pasted in over the field leaves
/// where its edge cuts through the print (half of one character joined to half of another), or a
/// retouched character.
public struct ForeignGlyph: Sendable, Hashable {
    /// What in the print no glyph of the model's font explains.
    public enum Kind: String, Sendable, Hashable {
        /// One character of a number, code or date matches no character of the font.
        case character
        /// A stretch of a name does not spell it while the letters either side do.
        case nameStretch
        /// Ink goes on after a name printed whole, although the MRZ holds the name whole too.
        case inkAfterName
        /// One character of a number, code or date is the left part of one character joined to
        /// the right part of another.
        case joinedCharacters
        /// Characters in a row of a number, code or date match no character of the font at their
        /// places while the characters either side match it.
        case characterStretch
    }

    /// The characters a cut character is joined from: the left part of one, the right of another.
    public struct Join: Sendable, Hashable {
        public var left: String
        public var right: String

        public init(left: String, right: String) {
            self.left = left
            self.right = right
        }
    }

    public var kind: Kind
    public var field: Specimen.PrintedField
    /// Which character of the printed text, 0-based (the first of a stretch).
    public var position: Int
    /// How many characters in a row: 1 for one character of a number, code or date; more for a
    /// stretch of a name that does not spell it between letters that do.
    public var count: Int
    /// Share of the character's ink left unexplained by the best character for its place (per
    /// glyph), 0…1; the field's clear characters stay near 0.
    public var cost: Double
    /// The character's cell on the image: 4 corners clockwise from the top-left, pixels.
    public var region: [Point]
    /// Which image of the document it is on.
    public var page: Int
    /// For ``Kind/joinedCharacters``: the two characters joined.
    public var joined: Join?

    public init(kind: Kind = .character, field: Specimen.PrintedField, position: Int, count: Int = 1, cost: Double, region: [Point],
                page: Int, joined: Join? = nil) {
        self.kind = kind
        self.field = field
        self.position = position
        self.count = count
        self.cost = cost
        self.region = region
        self.page = page
        self.joined = joined
    }
}
