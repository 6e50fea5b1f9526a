/// The forgeries document examiners meet, each with a stable identifier that labels, benchmarks
/// and the indicator table (docs/indicators.md) use.
public enum ForgeryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// MRZ data changed and the check digits left as they were: a check digit fails.
    case mrzAlteredCheckDigitBroken = "mrz-altered-check-digit-broken"
    /// MRZ data changed and every check digit recomputed: the MRZ is valid but disagrees with the visual zone.
    case mrzAlteredCheckDigitRecomputed = "mrz-altered-check-digit-recomputed"
    /// The visual zone prints another name, number or date than the MRZ.
    case vizMRZMismatch = "viz-mrz-mismatch"
    /// The main photo replaced by another person's; the ghost image still shows the holder.
    case photoSubstituted = "photo-substituted"
    /// The data printed on another model's (or version's) layout.
    case otherModelLayout = "other-model-layout"
    /// The MRZ printed in a font that is not OCR-B.
    case mrzWrongFont = "mrz-wrong-font"
    /// Dates that cannot be: expired, born after issue, a validity the model does not grant, no such day.
    case impossibleDates = "impossible-dates"
    /// A region pasted from another image and recompressed (not a rectangle), over a printed field.
    case splicedRegion = "spliced-region"
    /// A genuine-looking document whose number is on the watch list (`watchlist.csv`).
    case watchlisted = "watchlisted"
    /// The document number of another holder in the same batch.
    case numberReused = "number-reused"
}
