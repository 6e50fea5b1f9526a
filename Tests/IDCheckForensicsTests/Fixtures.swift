import IDCheck

/// Zones and examinations built from plain data, for rule tests.
enum Fixtures {
    static let checkDate = MRZ.CalendarDate(year: 2025, month: 6, day: 1) ?? .today

    static func zone(code: String = "P", state: String = "UTO", number: String = "AB1234567", nationality: String? = nil,
                     birth: String = "850312", sex: MRZ.Sex = .female, expiry: String = "300101", optional: String = "",
                     format: MRZ.Format = .td3) throws -> MRZ.Zone {
        let identity = MRZ.Identity(documentCode: code, issuingState: state, primaryIdentifier: "DE VRIES",
                                    secondaryIdentifier: "ANNA", documentNumber: number, nationality: nationality ?? state,
                                    birthDate: birth, sex: sex, expiryDate: expiry, optionalData: optional)
        let lines = try MRZ.Generator.lines(for: identity, format: format)
        return try MRZ.parse(lines: lines, options: MRZ.ParsingOptions(referenceDate: checkDate))
    }

    static func library() throws -> SpecimenLibrary {
        try SpecimenLibrary.load(strict: true, requireReferenceImages: false)
    }

    /// Runs the standard rules (and the deviation policy) the way the Inspector does.
    static func indicators(_ zone: MRZ.Zone, library: SpecimenLibrary? = nil, watchList: WatchList? = nil,
                           printedDates: [Specimen.PrintedField: MRZ.CalendarDate] = [:],
                           earlier: SeenDocuments = SeenDocuments()) -> (ModelIdentification, [Indicator]) {
        let identification = ModelIdentifier().identify(zone, among: library?.specimens ?? [])
        let examination = Examination(pages: [], zone: zone, mrzFound: true, identification: identification,
                                      checkDate: checkDate, watchList: watchList, earlierDocuments: earlier,
                                      printedDates: printedDates)
        let raw = IndicatorRules.standard.flatMap { $0.evaluate(examination) }
        return (identification, DeviationPolicy.apply(identification.model, to: raw))
    }
}
