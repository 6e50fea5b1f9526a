import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// A card's front and back photocopied on one sheet, as intake desks often receive them: the
/// front is found beside the back on the same image and examined as on its own image.
@Suite("A card's two sides on one sheet")
struct CardOnOneSheetTests {
    let library: SpecimenLibrary

    init() throws {
        library = try SpecimenLibrary.load(requireReferenceImages: false)
    }

    /// The rendered front and back laid on one sheet, front on top, 60 px apart.
    func sheet(of document: VisualFixtures.Document) -> (page: Examination.Page, offsets: [Point]) {
        let (sheet, offsets) = Image.stacked(document.images, gap: 60)
        return (Examination.Page(image: sheet, label: "sheet"), offsets)
    }

    @Test("both sides are found on the sheet, the front where it lies")
    func frontFoundBesideBack() throws {
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        #expect(document.labels.map(\.side) == ["front", "back"])
        let (page, offsets) = sheet(of: document)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect([page])
        #expect(inspection.examination.model?.id == "UTO-ID-2021")
        let sides = inspection.examination.sides
        #expect(Set(sides.map(\.side)) == ["front", "back"])
        #expect(sides.allSatisfy { $0.page == 0 && $0.alignment.aligned })
        let front = try #require(sides.first { $0.side == "front" })
        let truth = document.labels[0].documentPolygon.map { $0 + offsets[0] }
        let tolerance = (truth[1] - truth[0]).length * 0.01
        for (a, b) in zip(truth, front.placement.outline) { #expect((a - b).length < tolerance, "corner \(a) found at \(b)") }
        #expect(inspection.examination.zones(of: .photo).first?.view.side == "front")
        #expect(inspection.report.verdict == .consistent, "\(inspection.report.indicators.map(\.code))")
    }

    @Test("the back alone: no front is made up on its image")
    func backAloneHasNoFront() throws {
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        let back = Examination.Page(image: document.images[1], label: "back")
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect([back])
        #expect(inspection.examination.sides.map(\.side) == ["back"])
    }

    @Test("a photo stuck over the front's zone is found on the sheet", arguments: [("UTO-ID-2021", UInt64(7305)), ("UTO-RP-2019", UInt64(7307))])
    func substitutedPhotoOnSheet(model: String, seed: UInt64) throws {
        let document = try VisualFixtures.render(model: model, seed: seed, forge: .kind(.photoSubstituted), conditions: .ordinary,
                                                 library: library)
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        // Found on the front's own image, as on the sheet.
        #expect(inspector.inspect(VisualFixtures.pages(document)).report.indicators.contains { $0.code == .photoSubstituted })
        let (page, offsets) = sheet(of: document)
        let inspection = inspector.inspect([page])
        let indicator = try #require(inspection.report.indicators.first { $0.code == .photoSubstituted })
        // It points at the front's photo zone, on the sheet.
        let truth = try #require(document.labels[0].zones.first { $0.kind == .photo }?.polygon).map { $0 + offsets[0] }
        let region = try #require(indicator.evidence.region)
        let centre = region.reduce(Point(x: 0, y: 0), +) * (1 / Double(region.count))
        #expect(centre.x > truth.map(\.x).min()! && centre.x < truth.map(\.x).max()!)
        #expect(centre.y > truth.map(\.y).min()! && centre.y < truth.map(\.y).max()!)
    }

    @Test("without the model, a print glued turned on the front is found beside the back, a genuine portrait is square",
          arguments: [(UInt64(9102), 70, true), (UInt64(9102), 75, true), (UInt64(9101), 30, false), (UInt64(9101), 60, false)])
    func withoutModel(seed: UInt64, index: Int, forged: Bool) throws {
        // Identity cards of the benchmark's sets (PhotoWithoutModelTests finds them on separate
        // images): a JPEG reprint turned 0.45° and an inkjet print turned 0.55°; two genuine fronts.
        let (_, document) = try PhotoWithoutModelTests.inspect(model: "UTO-ID-2021", seed: seed, index: index,
                                                                forge: forged ? .kind(.photoSubstituted) : .none)
        let (page, offsets) = sheet(of: document)
        let inspection = PhotoWithoutModelTests.inspector.inspect([page])
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(portrait.page == 0)
        // On the front, not on the back below it.
        #expect(portrait.region.allSatisfy { $0.y < offsets[1].y })
        let indicator = inspection.report.indicators.first { $0.code == .photoSubstituted }
        if forged {
            let found = try #require(indicator)
            #expect(found.severity == .warning)
            let print = try #require(document.labels[0].forgery?.regions.first).map { $0 + offsets[0] }
            #expect(TamperingTests.overlaps(found.evidence.region ?? [], print))
            let turn = try #require(portrait.turnDegrees)
            #expect(abs(turn - (try PhotoWithoutModelTests.labelledTurn(of: document))) < 0.15)
        } else {
            #expect(indicator == nil)
            #expect(abs(portrait.turnDegrees ?? 0) < 0.15)
        }
    }

    @Test("without the model, a card's front standing on its short side is found: scanned sideways on its own image, or laid across the sheet beside its back",
          arguments: [(UInt64(9102), 75, true), (UInt64(9101), 30, false)])
    func quarterTurnedFront(seed: UInt64, index: Int, forged: Bool) throws {
        // An inkjet print turned 0.55° on an identity card's front; a genuine front.
        let (upright, document) = try PhotoWithoutModelTests.inspect(model: "UTO-ID-2021", seed: seed, index: index,
                                                                      forge: forged ? .kind(.photoSubstituted) : .none)
        #expect(upright.examination.foundPortraits.count == 1)
        for quarterTurns in [1, 3] {
            let front = document.images[0].rotated(quarterTurns: quarterTurns)
            let alone = PhotoWithoutModelTests.inspector.inspect([Examination.Page(image: front, label: "front"),
                                                                  Examination.Page(image: document.images[1], label: "back")])
            let sheet = Image.stacked([front, document.images[1]], gap: 60)
            let onSheet = PhotoWithoutModelTests.inspector.inspect([Examination.Page(image: sheet.sheet, label: "sheet")])
            for inspection in [alone, onSheet] {
                let portrait = try #require(inspection.examination.foundPortraits.first, "turned \(quarterTurns * 90)°")
                let found = inspection.report.indicators.first { $0.code == .photoSubstituted }
                if forged {
                    #expect(found != nil, "turned \(quarterTurns * 90)°")
                    // The print's turn is the same whichever way up the card stands.
                    let turn = try #require(portrait.turnDegrees)
                    #expect(abs(turn - (try PhotoWithoutModelTests.labelledTurn(of: document))) < 0.15)
                } else {
                    #expect(found == nil, "turned \(quarterTurns * 90)°: \(found?.message ?? "")")
                }
            }
            // On the sheet the portrait is on the front, above the back.
            #expect(onSheet.examination.foundPortraits.first?.region.allSatisfy { $0.y < sheet.offsets[1].y } == true)
        }
    }

    @Test("two cards of one model on a sheet (one's front, both backs): the front is given to the card whose MRZ its print agrees with, not to the other")
    func twoCardsOnOneSheet() throws {
        let first = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        let second = try VisualFixtures.render(model: "UTO-ID-2021", seed: 44, conditions: .ordinary, library: library)
        // The first card's front, then both backs: where the front lies does not say whose it is.
        let sheet = Examination.Page(image: Image.stacked([first.images[0], first.images[1], second.images[1]], gap: 60).sheet, label: "sheet")
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let readings = inspector.readings(of: sheet.image)
        let documents = Inspector.documents(onOneImage: readings)
        #expect(documents.count == 2)
        for (index, document) in documents.enumerated() {
            let inspection = inspector.inspect([sheet], readings: [readings], examining: document.location)
            #expect(inspection.examination.zone?.lines == document.zone?.lines)
            #expect(inspection.examination.sides.map(\.side) == (index == 0 ? ["back", "front"] : ["back"]), "document \(index + 1)")
            #expect(inspection.report.verdict == .consistent, "\(inspection.report.indicators.map(\.code))")
        }
    }

    @Test("two cards photocopied front and back on one sheet, fronts above backs: each card's front is found by what it says, and the one whose printed date of birth was changed is suspect")
    func twoCardsBothSidesOnOneSheet() throws {
        let genuine = try VisualFixtures.render(model: "UTO-ID-2021", seed: 61, index: 1, conditions: .none, library: library)
        // The printed date of birth is 12.04.1978, the MRZ says 12.04.1976.
        let forged = try VisualFixtures.render(model: "UTO-ID-2021", seed: 61, index: 2, forge: .kind(.vizMRZMismatch), conditions: .none,
                                               library: library)
        // Genuine front, forged front, genuine back, forged back: the forged front lies right
        // above the genuine card's back, the genuine front two places above it.
        let (image, offsets) = Image.stacked([genuine.images[0], forged.images[0], genuine.images[1], forged.images[1]], gap: 40)
        let sheet = Examination.Page(image: image, label: "sheet")
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let (readings, documents) = inspector.documentsToExamine(on: [sheet])
        try #require(documents.count == 2)
        for (index, location) in documents.enumerated() {
            let inspection = inspector.inspect([sheet], readings: readings, examining: location)
            let card = index == 0 ? genuine : forged
            #expect(inspection.examination.zone?.lines == card.labels[1].mrz?.lines, "top to bottom: the genuine card's back first")
            let front = try #require(inspection.examination.sides.first { $0.side == "front" }, "document \(index + 1)")
            let truth = card.labels[0].documentPolygon.map { $0 + offsets[index] }
            for (a, b) in zip(truth, front.placement.outline) { #expect((a - b).length < 10, "document \(index + 1): corner \(a) found at \(b)") }
            let mismatches = inspection.report.indicators.filter { $0.code == .vizMRZMismatch }
            if index == 0 {
                #expect(inspection.report.verdict == .consistent, "\(inspection.report.indicators.map(\.code))")
            } else {
                #expect(mismatches.map(\.evidence.field) == ["birthDate"], "\(inspection.report.indicators.map(\.message))")
            }
        }
    }

    @Test("the documents of one sheet share what is computed from the image alone, and each gets the report it gets on a page of its own")
    func documentsOfASheetShareThePage() throws {
        let first = try VisualFixtures.render(model: "UTO-ID-2021", seed: 61, index: 1, conditions: .ordinary, library: library)
        let second = try VisualFixtures.render(model: "UTO-ID-2021", seed: 61, index: 2, forge: .kind(.vizMRZMismatch), conditions: .ordinary,
                                               library: library)
        let image = Image.stacked([first.images[0], second.images[0], first.images[1], second.images[1]], gap: 40).sheet
        let sheet = Examination.Page(image: image, label: "sheet")
        let copy = sheet
        #expect(GreyPage.of(sheet) === GreyPage.of(copy), "copies of a page share its grey page")
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let (readings, documents) = inspector.documentsToExamine(on: [sheet])
        try #require(documents.count == 2)
        for location in documents {
            let shared = inspector.inspect([sheet], readings: readings, examining: location)
            // A page made anew: nothing computed for the other document is reused.
            let alone = inspector.inspect([Examination.Page(image: image, label: "sheet")], readings: readings, examining: location)
            #expect(shared.report.indicators.map(\.message) == alone.report.indicators.map(\.message))
            #expect(shared.examination.sides.map(\.placement.outline) == alone.examination.sides.map(\.placement.outline))
            #expect(shared.examination.tamperingMaps.map(\.scores) == alone.examination.tamperingMaps.map(\.scores))
        }
    }

    @Test("a card whose front prints a long surname, photocopied with its back: the name, read as lines of an MRZ at a smaller pitch, is no second document")
    func printedNameIsNoSecondMRZ() throws {
        // DE LA CONCEPCION Y SANTISIMA TRINIDAD on the front.
        let card = try VisualFixtures.render(model: "UTO-ID-2021", seed: 601, index: 16, conditions: .none, library: library)
        let sheet = Examination.Page(image: Image.stacked(card.images, gap: 40).sheet, label: "sheet")
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let readings = inspector.readings(of: sheet.image)
        let valid = try #require(readings.first { $0.checksPass })
        let name = try #require(readings.first { $0.zone != nil && !$0.checksPass }, "the printed name is read as a failing MRZ")
        #expect(abs(name.pitch / valid.pitch - 1) > Inspector.pitchTolerance, "pitch \(name.pitch) against \(valid.pitch)")
        #expect(Inspector.documents(onOneImage: readings).isEmpty, "one document on the sheet")
        let inspection = inspector.inspect([sheet], readings: [readings])
        #expect(inspection.examination.zone?.lines == valid.zone?.lines)
        #expect(inspection.examination.otherZones.isEmpty)
        #expect(inspection.report.verdict == .consistent, "\(inspection.report.indicators.map(\.code))")
    }

    @Test("two cards photocopied each front beside back, a card per row: both MRZs are read (the front's print beside an MRZ's first line does not hide it), each card is reported, the forged one suspect",
          arguments: [20, 50, 150])
    func twoCardsInAGrid(gap: Int) throws {
        let genuine = try VisualFixtures.render(model: "UTO-ID-2021", seed: 601, index: 0, conditions: .none, library: library)
        // The printed document number is JWO060366, the MRZ says JWO060866.
        let forged = try VisualFixtures.render(model: "UTO-ID-2021", seed: 602, index: 0, forge: .kind(.vizMRZMismatch), conditions: .none,
                                               library: library)
        // Saved as a scanner would (JPEG): a flat render carries no noise at all, on which the
        // tampering map misfires (NOTES-visual.md, noise-free images), not this test's subject.
        let laid = Image.laidOut(rows: [genuine.images, forged.images], gap: gap).sheet
        let sheet = Examination.Page(image: try ImageDecoder().decode(try ImageEncoder.jpeg(laid, quality: 85)).image, label: "sheet")
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let (readings, documents) = inspector.documentsToExamine(on: [sheet])
        #expect(readings[0].filter(\.checksPass).compactMap { $0.zone?.lines } == [genuine.labels[1].mrz?.lines, forged.labels[1].mrz?.lines].compactMap { $0 })
        try #require(documents.count == 2)
        let reports = documents.map { inspector.inspect([sheet], readings: readings, examining: $0).report }
        #expect(reports[0].verdict == .consistent, "\(reports[0].indicators.map(\.code))")
        #expect(reports[1].indicators.filter { $0.code == .vizMRZMismatch }.map(\.evidence.field) == ["documentNumber"],
                "\(reports[1].indicators.map(\.message))")
    }
}
