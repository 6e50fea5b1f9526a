import IDCheck
import Testing

/// The data-level rules on zones generated from plain data.
@Suite("Indicator rules")
struct RuleTests {
    @Test("a consistent document of an issuer without a model: only 'not compared' (info)")
    func consistentUnknownIssuer() throws {
        let zone = try Fixtures.zone(state: "NLD", number: "SPECI2014", optional: "999999990")
        let (identification, indicators) = Fixtures.indicators(zone, library: try Fixtures.library())
        #expect(identification.status == .noModelForIssuer)
        #expect(indicators.map(\.code) == [.modelNotCompared])
        #expect(Verdict(indicators: indicators) == .consistent)
    }

    @Test("a second MRZ on another image of the document is a disagreement; on the MRZ's own image, another document to look at")
    func secondMRZ() throws {
        let passport = try Fixtures.zone(number: "AB1234567")
        let card = try Fixtures.zone(code: "I", number: "CD7654321", format: .td1)
        // The card's MRZ with its document number's check digit broken (a forgery beside a genuine passport).
        var broken = card.lines
        let digit = broken[0].index(broken[0].startIndex, offsetBy: 14)
        broken[0].replaceSubrange(digit...digit, with: broken[0][digit] == "0" ? "1" : "0")
        let forged = try MRZ.parse(lines: broken, options: MRZ.ParsingOptions(referenceDate: Fixtures.checkDate))
        #expect(!forged.isValid)
        let blank = Examination.Page(image: Image(width: 8, height: 8, format: .gray, fill: 255), label: "sheet.jpg")
        let here = [Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 1), Point(x: 0, y: 1)]
        let below = here.map { Point(x: $0.x, y: $0.y + 5) }
        func indicators(_ other: MRZ.Zone, page: Int, apart: Bool = false) -> [Indicator] {
            var examination = Examination(pages: [blank, blank], zone: passport, mrzFound: true,
                                          mrzGeometry: MRZGeometry(page: 0, location: here, characterBoxes: []),
                                          otherZones: [(page, other, below)],
                                          identification: ModelIdentification(status: .notAttempted), checkDate: Fixtures.checkDate)
            examination.otherDocumentsReportedApart = apart
            return PagesAgreeRule().evaluate(examination)
        }
        let sameImage = try #require(indicators(card, page: 0).first)
        #expect(sameImage.code == .documentAnotherOnImage && sameImage.severity == .warning)
        #expect(sameImage.evidence.region == below && sameImage.evidence.observed == "CD7654321" && sameImage.evidence.personal)
        #expect(sameImage.message.contains("TD1"))
        let forgedBeside = try #require(indicators(forged, page: 0).first)
        #expect(forgedBeside.code == .documentAnotherOnImage && forgedBeside.message.contains("fails its checks"))
        #expect(indicators(card, page: 0, apart: true).isEmpty, "the other document has a report of its own")
        let otherImage = try #require(indicators(card, page: 1).first)
        #expect(otherImage.code == .documentPagesDisagree && otherImage.severity == .critical)
        #expect(indicators(forged, page: 1).isEmpty, "on another image only a valid MRZ counts")
    }

    @Test("Dutch BSN: the 11-test", arguments: [
        ("999999990", true), ("111222333", true), ("123456782", true),
        ("999999991", false), ("123456789", false), ("000000000", false), ("12345678", false),
    ])
    func bsn(number: String, valid: Bool) throws {
        #expect((DutchCitizenServiceNumber().problem(with: number) == nil) == valid)
        let zone = try Fixtures.zone(state: "NLD", number: "SPECI2014", optional: number)
        let (_, indicators) = Fixtures.indicators(zone)
        #expect(indicators.contains { $0.code == .personalNumberInvalid && $0.severity == .critical } == !valid)
    }

    @Test("the BSN rule reads the optional data of a Dutch identity card (TD1)")
    func bsnOnCard() throws {
        let zone = try Fixtures.zone(code: "I", state: "NLD", number: "SPECI2021", optional: "999999991", format: .td1)
        let (_, indicators) = Fixtures.indicators(zone)
        let indicator = try #require(indicators.first { $0.code == .personalNumberInvalid })
        #expect(indicator.evidence.field == "optionalData")
        #expect(indicator.evidence.personal)
    }

    @Test("another state's personal number is not put to the Dutch test")
    func bsnOnlyForNLD() throws {
        let zone = try Fixtures.zone(state: "UTO", number: "ZZ1234567", optional: "999999991")
        #expect(!Fixtures.indicators(zone).1.contains { $0.code == .personalNumberInvalid })
    }

    @Test("a UTO-P-2020 passport is identified; its rules apply")
    func identified() throws {
        let library = try Fixtures.library()
        let zone = try Fixtures.zone(number: "AB1234567", expiry: "300101")
        let (identification, indicators) = Fixtures.indicators(zone, library: library)
        #expect(identification.model?.id == "UTO-P-2020")
        #expect(indicators.isEmpty)
        // Expiring 15 years after the check date: no UTO passport is valid that long.
        let long = try Fixtures.zone(number: "AB1234567", expiry: "400101")
        let (_, longIndicators) = Fixtures.indicators(long, library: library)
        #expect(longIndicators.contains { $0.code == .modelValidityPeriod })
    }

    @Test("the ICAO specimen passport fits no bundled model: a warning naming the nearest")
    func noMatch() throws {
        let zone = try MRZ.parse(lines: ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
                                 options: MRZ.ParsingOptions(referenceDate: Fixtures.checkDate))
        let (identification, indicators) = Fixtures.indicators(zone, library: try Fixtures.library())
        #expect(identification.status == .noMatchingModel)
        #expect(identification.nearest.map(\.id).contains("UTO-P-2020"))
        let codes = Set(indicators.map(\.code))
        #expect(codes == [.modelNoMatch, .dateExpired])
        #expect(!indicators.contains { $0.severity == .critical })
    }

    @Test("document number against the model's pattern; O/0 look-alikes resolved by the pattern")
    func numberPattern() throws {
        let library = try Fixtures.library()
        let wrong = try Fixtures.zone(number: "A12345678", expiry: "300101")
        let (identification, indicators) = Fixtures.indicators(wrong, library: library)
        #expect(identification.model?.id == "UTO-P-2020")
        #expect(indicators.contains { $0.code == .modelDocumentNumber && $0.severity == .warning })
        // O counts 24: at columns 4 and 5 (weights 7 + 3) the check digit cannot tell O from 0; the pattern can.
        let ambiguous = try Fixtures.zone(number: "AB2OO5678", expiry: "300101")
        let (_, ambiguousIndicators) = Fixtures.indicators(ambiguous, library: library)
        let resolved = try #require(ambiguousIndicators.first { $0.code == .mrzCorrectedModelPattern })
        #expect(resolved.severity == .info)
        #expect(resolved.evidence.expected == "AB2005678")
        #expect(!ambiguousIndicators.contains { $0.code == .modelDocumentNumber })
        // At column 3 (weight 1) it can: an O there is the number as printed, against the pattern.
        let distinct = try Fixtures.zone(number: "ABO234567", expiry: "300101")
        let (_, distinctIndicators) = Fixtures.indicators(distinct, library: library)
        #expect(distinctIndicators.contains { $0.code == .modelDocumentNumber })
        #expect(!distinctIndicators.contains { $0.code == .mrzCorrectedModelPattern })
    }

    @Test("sex the model does not print")
    func sexNotAllowed() throws {
        let zone = try Fixtures.zone(number: "P1234567", sex: .unspecified, expiry: "270101")
        let (identification, indicators) = Fixtures.indicators(zone, library: try Fixtures.library())
        #expect(identification.model?.id == "UTO-P-2014")
        #expect(indicators.contains { $0.code == .modelSexNotAllowed })
    }

    @Test("dates: expired, expiry before birth, impossible")
    func dates() throws {
        let expired = try Fixtures.zone(state: "NLD", number: "SPECI2014", expiry: "240101")
        #expect(Fixtures.indicators(expired).1.contains { $0.code == .dateExpired && $0.severity == .warning })
        let beforeBirth = try Fixtures.zone(state: "NLD", number: "SPECI2014", birth: "100101", expiry: "090101")
        #expect(Fixtures.indicators(beforeBirth).1.contains { $0.code == .dateExpiryBeforeBirth && $0.severity == .critical })
        let impossible = try Fixtures.zone(state: "NLD", number: "SPECI2014", expiry: "300231")
        #expect(Fixtures.indicators(impossible).1.contains { $0.code == .dateImpossible && $0.severity == .critical })
    }

    @Test("full-year dates: born in the future, over 120, born after issue")
    func fullYearDates() throws {
        let zone = try Fixtures.zone(state: "NLD", number: "SPECI2014")
        let future = MRZ.CalendarDate(year: 2030, month: 1, day: 1)
        let ancient = MRZ.CalendarDate(year: 1890, month: 1, day: 1)
        #expect(Fixtures.indicators(zone, printedDates: [.birthDate: try #require(future)]).1.contains { $0.code == .dateBirthInFuture })
        #expect(Fixtures.indicators(zone, printedDates: [.birthDate: try #require(ancient)]).1.contains { $0.code == .dateImplausibleAge })
        let issue = try #require(MRZ.CalendarDate(year: 1980, month: 1, day: 1))
        #expect(Fixtures.indicators(zone, printedDates: [.issueDate: issue]).1.contains { $0.code == .dateBirthAfterIssue })
    }

    @Test("a partly unknown birth date is info (ICAO allows it); a model declaring it marks the deviation")
    func deviations() throws {
        let library = try Fixtures.library()
        let passport2014 = try Fixtures.zone(number: "P1234567", birth: "85<<<<", expiry: "270101")
        let (_, plain) = Fixtures.indicators(passport2014, library: library)
        let undeclared = try #require(plain.first { $0.code == .dateBirthPartlyUnknown })
        #expect(undeclared.severity == .info)
        #expect(undeclared.deviation == nil)
        let passport2020 = try Fixtures.zone(number: "AB1234567", birth: "85<<<<", expiry: "300101")
        let (_, declared) = Fixtures.indicators(passport2020, library: library)
        let indicator = try #require(declared.first { $0.code == .dateBirthPartlyUnknown })
        #expect(indicator.severity == .info)
        #expect(indicator.deviation == "birth-date-unknown-as-XX")
    }

    @Test("a deviation naming an indicator code excuses it; check digits cannot be excused")
    func deviationPolicy() {
        #expect(DeviationPolicy.excused(by: Specimen.Deviation(code: "country.iso-code-in-mrz", description: "")) == [.countryISOCodeInMRZ])
        #expect(DeviationPolicy.excused(by: Specimen.Deviation(code: "mrz.check-digit", description: "")).isEmpty)
    }

    @Test("watch list hit (O and 0 as one) and a number reused with another holder")
    func lists() throws {
        let zone = try Fixtures.zone(state: "NLD", number: "SPEC0O014")
        let list = try WatchList.parse("issuingState,documentNumber,date,source\nNLD,SPECO0O14,2024-01-02,SLTD\n", file: "w.csv")
        let hit = try #require(Fixtures.indicators(zone, watchList: list).1.first { $0.code == .listWatchlistHit })
        #expect(hit.severity == .critical)
        #expect(hit.message.contains("line 2"))
        var seen = SeenDocuments()
        let other = MRZ.Identity(documentCode: "P", issuingState: "NLD", primaryIdentifier: "JANSEN", secondaryIdentifier: "PIET",
                                 documentNumber: "SPEC0O014", nationality: "NLD", birthDate: "700101", sex: .male, expiryDate: "300101")
        seen.record(try MRZ.parse(lines: MRZ.Generator.lines(for: other, format: .td3), options: MRZ.ParsingOptions(referenceDate: Fixtures.checkDate)),
                    label: "first.jpg")
        let reused = try #require(Fixtures.indicators(zone, earlier: seen).1.first { $0.code == .listNumberReused })
        #expect(reused.message.contains("first.jpg"))
        // The same holder again (a second scan of the same document) is not a reuse.
        var same = SeenDocuments()
        same.record(zone, label: "again.jpg")
        #expect(!Fixtures.indicators(zone, earlier: same).1.contains { $0.code == .listNumberReused })
    }

    @Test("a failing check digit is critical; the verdict is suspect")
    func checkDigit() throws {
        var lines = try MRZ.Generator.lines(for: MRZ.Identity(documentCode: "P", issuingState: "NLD", primaryIdentifier: "X",
                                                              secondaryIdentifier: "Y", documentNumber: "SPECI2014", nationality: "NLD",
                                                              birthDate: "850312", sex: .female, expiryDate: "300101"), format: .td3)
        var characters = Array(lines[1])
        characters[14] = characters[14] == "1" ? "2" : "1" // a birth-date digit
        lines[1] = String(characters)
        let zone = try MRZ.parse(lines: lines, options: MRZ.ParsingOptions(referenceDate: Fixtures.checkDate))
        let indicators = Fixtures.indicators(zone).1
        #expect(indicators.contains { $0.code == .mrzCheckDigit && $0.evidence.field == "birthDateCheckDigit" })
        #expect(indicators.contains { $0.code == .mrzComposite })
        #expect(Verdict(indicators: indicators) == .suspect)
    }

    @Test("redaction hides personal evidence only")
    func redaction() {
        let evidence = Indicator.Evidence(field: "documentNumber", expected: "x", observed: "SPECI2014", personal: true)
        #expect(evidence.redacted().observed == Indicator.Evidence.redactionMark)
        let plain = Indicator.Evidence(field: "expiryDate", observed: "2012-04-15")
        #expect(plain.redacted().observed == "2012-04-15")
    }
}
