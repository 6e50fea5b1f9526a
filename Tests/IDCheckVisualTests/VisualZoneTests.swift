import IDCheck
import IDCheckRender
import IDCheckVisual
import Testing

/// The visual zone compared with the MRZ on rendered documents: a genuine page agrees field by
/// field (diacritics against ICAO transliteration included) and gives its dates in full; a
/// changed print, or an MRZ changed with its check digits recomputed, is named field by field.
@Suite("Visual zone against the MRZ")
struct VisualZoneTests {
    @Test("a genuine passport page agrees with its MRZ and gives its dates with four-digit years")
    func genuineAgrees() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Seed 42: ŻUŁAWSKA / SØREN, which the MRZ writes ZULAWSKA / SOEREN.
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 42, conditions: .ordinary, library: library)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let examination = inspection.examination
        let fields = examination.printedFields
        for field in [Specimen.PrintedField.surname, .givenNames, .documentNumber, .birthDate, .expiryDate, .sex, .nationality] {
            let reading = try #require(fields[field], "\(field) was not verified")
            #expect(reading.agrees, "\(field): expected \(reading.expected), read \(reading.observed ?? "-")")
        }
        #expect(!inspection.report.indicators.contains { $0.code == .vizMRZMismatch })
        let data = try #require(document.labels.first?.data)
        #expect(examination.printedDates[.birthDate] == data.birthDate.calendarDate)
        #expect(examination.printedDates[.expiryDate] == data.expiryDate.calendarDate)
        #expect(examination.printedDates[.issueDate] == data.issueDate.calendarDate)
    }

    @Test("one digit of the printed number changed is named, with both values")
    func changedPrintIsNamed() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 53, forge: .kind(.vizMRZMismatch), conditions: .ordinary,
                                                 library: library)
        let forgedZones = try #require(document.labels.first?.forgery?.zones)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let mismatches = inspection.report.indicators.filter { $0.code == .vizMRZMismatch }
        #expect(!mismatches.isEmpty)
        for indicator in mismatches {
            #expect(forgedZones.contains(indicator.evidence.field ?? "-"), "named \(indicator.evidence.field ?? "-"), forged \(forgedZones)")
            #expect(indicator.severity == .critical)
            #expect(indicator.evidence.personal)
            #expect(indicator.evidence.region?.count == 4)
            #expect(indicator.evidence.expected != nil && indicator.evidence.observed != nil
                    && indicator.evidence.expected != indicator.evidence.observed)
        }
    }

    @Test("an MRZ date changed with its check digits recomputed disagrees with the print")
    func recomputedCheckDigitsAreCaught() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 51, forge: .kind(.mrzAlteredCheckDigitRecomputed),
                                                 conditions: .ordinary, library: library)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.zone?.isValid == true)
        let fields = inspection.report.indicators.filter { $0.code == .vizMRZMismatch }.compactMap(\.evidence.field)
        let details = document.labels.first?.forgery?.details.joined() ?? ""
        let words = ["birthDate": "MRZ birth date", "expiryDate": "MRZ expiry date", "documentNumber": "MRZ document number"]
        #expect(!fields.isEmpty)
        for field in fields { #expect(details.contains(words[field] ?? "?"), "named \(field): \(details)") }
    }

    @Test("a card's front, found on its own image, is read too: a changed number there points at that image")
    func cardFrontIsRead() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 62, forge: .kind(.vizMRZMismatch), conditions: .ordinary,
                                                 library: library)
        let front = try #require(document.labels.firstIndex { $0.side == "front" })
        let forgedZones = try #require(document.labels.first?.forgery?.zones)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let mismatches = inspection.report.indicators.filter { $0.code == .vizMRZMismatch }
        #expect(!mismatches.isEmpty)
        for indicator in mismatches {
            #expect(forgedZones.contains(indicator.evidence.field ?? "-"))
            #expect(indicator.evidence.page == front)
        }
        // The front's other fields were read and agree.
        #expect(inspection.examination.printedFields[.surname]?.agrees == true)
    }

    @Test("a long hyphenated surname, set a little smaller to fit its box, agrees with the MRZ's fillers")
    func longNameSetSmallerAgrees() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Seed 9101, document 16: VANDERHOEVEN-OPPENHEIMER-LAGRANGE, printed to the box's end at a
        // few percent under the zone's size, which the cap height alone cannot tell from full size.
        let document = try VisualFixtures.render(model: "UTO-P-2014", seed: 9101, index: 16, conditions: .ordinary, library: library)
        #expect(document.labels.first?.data.surname.contains("-") == true)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let surname = try #require(inspection.examination.printedFields[.surname], "the surname was not verified")
        #expect(surname.agrees, "expected \(surname.expected), read \(surname.observed ?? "-")")
        #expect(!inspection.report.indicators.contains { $0.code == .vizMRZMismatch })
    }

    @Test("genuine visas photographed coarse (137–153 dpi, blurred, JPEG 37–47): names too small to tell apart are unverified, not a mismatch")
    func coarsePrintIsNotAMismatch() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Hard conditions. Seed 8803, document 19: its names read as other names without the
        // gate; seed 8806, document 149: its Cyrillic surname at em 20.x read at a mean cost of 0.15.
        try Self.expectNoPrintAlarm(model: "UTO-V-2018", seed: 8803, index: 19, library: library)
        try Self.expectNoPrintAlarm(model: "UTO-V-2018", seed: 8806, index: 149, library: library)
    }

    @Test("genuine pages photographed blurred (177–179 dpi, σ ≈ 1 px, JPEG 45–49): no digit of a date is taken for a cut one")
    func blurredDigitsAreNotForeign() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Seed 8805, documents 46 and 106 (hard conditions): the last digit of the date of birth
        // fitted at 0.092 and 0.10 among a clear median, at an em of 22–23 px.
        for index in [46, 106] {
            try Self.expectNoPrintAlarm(model: "UTO-P-2014", seed: 8805, index: index, library: library)
        }
    }

    @Test("a printed date of birth painted over cannot be compared: no mismatch, and the report lists it as not checked")
    func unreadFieldIsListed() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        var document = try VisualFixtures.render(model: "UTO-P-2020", seed: 42, conditions: .ordinary, library: library)
        let field = try #require(document.labels[0].printed.first { $0.field == .birthDate })
        // The field's box filled with the paper's colour beside it (its value gone, as under a
        // sticker or a glare).
        let xs = field.polygon.map(\.x), ys = field.polygon.map(\.y)
        let paper = try #require(document.images[0][Int(xs.min() ?? 0) - 4, Int(ys.min() ?? 0) - 4])
        document.images[0].fill(polygon: field.polygon, colour: paper)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.printedFields[.birthDate] == nil)
        #expect(inspection.examination.unreadFields == [.birthDate])
        #expect(!inspection.report.indicators.contains { $0.code == .vizMRZMismatch })
        #expect(inspection.report.notChecked.contains("the printed date of birth against the MRZ (not read clearly enough to tell)"),
                "\(inspection.report.notChecked)")
        // The other fields were compared, and agree.
        #expect(inspection.examination.printedFields[.documentNumber]?.agrees == true)
    }

    @Test("a card verified from its back alone: the report says its front was not compared; with both sides it does not")
    func missingSideIsListed() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        #expect(document.labels.map(\.side) == ["front", "back"])
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let pages = VisualFixtures.pages(document)
        let backAlone = inspector.inspect([pages[1]])
        #expect(backAlone.examination.model?.id == "UTO-ID-2021")
        #expect(backAlone.report.notChecked.contains(Report.sideNotCompared("front")), "\(backAlone.report.notChecked)")
        let both = inspector.inspect(pages)
        #expect(!both.report.notChecked.contains(Report.sideNotCompared("front")), "\(both.report.notChecked)")
        #expect(both.examination.unreadFields.isEmpty, "\(both.examination.unreadFields)")
        #expect(both.examination.misplacedFields.isEmpty, "\(both.examination.misplacedFields)")
    }

    @Test("a card whose back cannot be aligned (all but its MRZ's characters blanked): its front was not looked for, and the report says why")
    func sideNotSearchedIsListed() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        var document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        // The back: only its MRZ's characters kept, the rest paper-white.
        let back = document.images[1]
        let mrz = try #require(document.labels[1].mrz).polygon
        let xs = mrz.map(\.x), ys = mrz.map(\.y)
        let margin = 0.0
        var sheet = Image(width: back.width, height: back.height, format: back.format, fill: 250)
        for y in max(0, Int((ys.min() ?? 0) - margin))..<min(back.height, Int((ys.max() ?? 0) + margin)) {
            for x in max(0, Int((xs.min() ?? 0) - margin))..<min(back.width, Int((xs.max() ?? 0) + margin)) {
                if let colour = back[x, y] { sheet.setPixel(x: x, y: y, to: colour) }
            }
        }
        document.images[1] = sheet
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model?.id == "UTO-ID-2021")
        #expect(inspection.examination.alignment?.aligned == false)
        #expect(inspection.report.notChecked.contains(Report.sideNotSearched("front")), "\(inspection.report.notChecked)")
        #expect(!inspection.report.notChecked.contains(Report.sideNotCompared("front")))
        #expect(inspection.report.indicators.contains { $0.code == .layoutNotAligned || $0.code == .layoutZoneDiffers })
    }

    /// A genuine document under hard conditions: its MRZ read, and no visual-zone or tampering alarm.
    static func expectNoPrintAlarm(model: String, seed: UInt64, index: Int, library: SpecimenLibrary) throws {
        let document = try VisualFixtures.render(model: model, seed: seed, index: index, conditions: .hard, library: library)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.zone != nil, "the MRZ must be read for the visual zone to be compared")
        #expect(!inspection.report.indicators.contains { $0.code == .vizMRZMismatch || $0.code == .tamperLocal },
                "\(model) \(index): \(inspection.report.indicators.map(\.message))")
    }
}

