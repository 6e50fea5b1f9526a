import IDCheckImaging
import IDCheckSpecimens

/// What the visual zone shows for one printed field, as a visual-zone step read or verified it
/// against the MRZ.
public struct PrintedFieldReading: Sendable, Hashable {
    public var field: Specimen.PrintedField
    /// The specimen zone it was read in (`birthDate`).
    public var zone: String
    /// The text the MRZ says should be printed there, in the model's format.
    public var expected: String
    /// The text the image shows, when the step could tell (`nil`: it could only say whether it matches).
    public var observed: String?
    /// Whether the printed text agrees with ``expected``.
    public var agrees: Bool
    /// How well the image matched the expected print, 0…1.
    public var score: Double
    /// Where the field is on the image: 4 corners clockwise from the top-left, pixels.
    public var region: [Point]
    /// Which image of the document the region is on (a card's front is another image than its MRZ).
    public var page: Int?

    public init(field: Specimen.PrintedField, zone: String, expected: String, observed: String?, agrees: Bool,
                score: Double, region: [Point], page: Int? = nil) {
        self.field = field
        self.zone = zone
        self.expected = expected
        self.observed = observed
        self.agrees = agrees
        self.score = score
        self.region = region
        self.page = page
    }
}
