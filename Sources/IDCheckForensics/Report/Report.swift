/// The outcome of examining one document: the verdict derived from the indicators, the model
/// it was compared with, what was not checked, and where the report comes from.
public struct Report: Sendable {
    public let verdict: Verdict
    /// Most severe first, in rule order within a severity.
    public let indicators: [Indicator]
    public let identification: ModelIdentification
    /// What a visible-light scan (or this run) could not check, in plain words.
    public let notChecked: [String]
    public let provenance: Provenance

    public init(indicators: [Indicator], identification: ModelIdentification, notChecked: [String], provenance: Provenance) {
        // A stable sort: severity first, then the order the rules gave.
        self.indicators = indicators.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        self.verdict = Verdict(indicators: indicators)
        self.identification = identification
        self.notChecked = notChecked
        self.provenance = provenance
    }

    /// What no visible-light scan can check (ICAO 9303 Parts 10–12 for the chip).
    public static let beyondVisibleLight = [
        "UV (ultraviolet) features",
        "IR (infrared) features",
        "optically variable features (holograms, colour-shifting ink)",
        "the chip (ICAO 9303 Parts 10–12)",
    ]

    /// Listed when no rule compares the images with the specimen's looks.
    public static let visualComparisonNotRun = "visual comparison with the specimen (layout, background pattern, photo, MRZ font)"
    /// Listed when the visual checks ran but no model of the library could be compared with.
    public static let specimenComparisonImpossible = "comparison with a specimen (no model of this document in the library: layout and visual zone not compared; MRZ font checked without one, tampering only on the side that carries the MRZ, and the portrait's edges on that side or on a card's front)"

    /// Listed for a side of the identified model that is not on the images, or was not found
    /// on them (a card's front not scanned): nothing on it was compared with the specimen.
    public static func sideNotCompared(_ side: String) -> String {
        "the document's \(side) (not found on the images: its layout, printed fields and portrait not compared with the specimen)"
    }
    /// Listed for a side of the identified model that was not looked for: the side with the MRZ
    /// could not be aligned with the specimen first, and the other sides are found from it.
    public static func sideNotSearched(_ side: String) -> String {
        "the document's \(side) (not compared with the specimen: the side with the MRZ could not be aligned with it first)"
    }
    /// Listed for printed fields the MRZ carries that could not be read clearly enough to tell
    /// whether they agree with it (`names`: "date of birth", "sex").
    public static func printedFieldsNotRead(_ names: [String]) -> String {
        "the printed \(names.joined(separator: ", ")) against the MRZ (not read clearly enough to tell)"
    }
    /// Listed for printed fields the MRZ carries on a side whose print was not where the
    /// specimen puts it (no field there agreed): none of them was compared.
    public static func printedFieldsNotFound(_ names: [String]) -> String {
        "the printed \(names.joined(separator: ", ")) against the MRZ (not found where the specimen puts them)"
    }

    /// The same report with personal values in the evidence hidden.
    public func redacted() -> Report {
        Report(indicators: indicators.map { indicator in
            var copy = indicator
            copy.evidence = indicator.evidence.redacted()
            return copy
        }, identification: identification, notChecked: notChecked, provenance: provenance)
    }
}
