import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// The photo check when the document's model is not in the library: the portrait is found by its
/// outline on the MRZ's side, placed by the paper's own edges, and a print glued on turned against
/// the paper, or with a dark band along one edge outside it, is a warning. Documents of the visual
/// benchmark (`benchmarks/visual-forensics.py`, photo substitutions seed 9102, genuine seed 9101),
/// inspected with no library at all.
@Suite("Photo substitution without the model")
struct PhotoWithoutModelTests {
    static let inspector = Inspector(library: nil, checkDate: VisualFixtures.checkDate)

    /// Document `index` of the benchmark's set rendered with `seed` (`idcheck render --specimen all
    /// --count N`: every renderable model in turn; 1,000 genuine, 200 forged), inspected without a
    /// library.
    static func inspect(model: String, seed: UInt64, index: Int, forge: ForgeryChoice) throws -> (Inspection, VisualFixtures.Document) {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let models = library.specimens.filter { $0.rendering != nil }.map(\.id)
        let rendered = try DocumentRenderer(library: library, checkDate: VisualFixtures.checkDate)
            .render(specimens: models, seed: seed, index: index, count: forge == .none ? 1000 : 200, forge: forge, conditions: .ordinary)
        let document = VisualFixtures.Document(images: try rendered.files.map { try ImageDecoder().decode($0.bytes).image },
                                               labels: rendered.files.map { $0.label })
        #expect(document.labels.first?.model == model)
        let inspection = inspector.inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model == nil)
        return (inspection, document)
    }

    /// The print's turn, degrees, as the renderer's label gives it in its details ("turned -0.71°").
    static func labelledTurn(of document: VisualFixtures.Document) throws -> Double {
        let words = (document.labels[0].forgery?.details.joined() ?? "").split(separator: " ")
        let labelled = try #require(words.firstIndex(of: "turned").map { words[$0 + 1] })
        return try #require(Double(labelled.dropLast(2)))
    }

    @Test("a photo print glued on turned is found without the specimen, a warning pointing at the print",
          arguments: [("UTO-P-2014", 1), ("UTO-P-2020", 22), ("UTO-P-2020", 52), ("UTO-ID-2021", 70), ("UTO-ID-2021", 75),
                     ("UTO-ID-2021", 140), ("UTO-P-2020", 97), ("UTO-V-2018", 189), ("UTO-P-2020", 92), ("UTO-ID-2021", 150)])
    func turnedPrintIsFound(model: String, index: Int) throws {
        // A glossy print turned -0.71° on a UTO-P-2014 page, a JPEG reprint and a glossy print on
        // UTO-P-2020 pages (the ghost image is not looked at without the model); on two identity
        // cards' fronts (found at the back's scale), a JPEG reprint turned 0.45° and an inkjet
        // print turned 0.55°; and a glossy print turned 0.66° on a front whose pattern lines, just
        // inside its faint paper edge, were once taken for the edge. Two prints smaller than the
        // portrait they cover, one trimmed to sit inside its outline (-0.57°), a JPEG reprint on
        // a visa (0.5°): the old portrait's square edges around them were the largest rectangle,
        // and their own turned ones lie inside. Two prints turned under 0.3° (-0.27° trimmed
        // inside the old outline on a UTO-P-2020 page, -0.25° on a card's front), each seen on
        // two straight sides that agree.
        let (inspection, document) = try Self.inspect(model: model, seed: 9102, index: index, forge: .kind(.photoSubstituted))
        let indicator = try #require(inspection.report.indicators.first { $0.code == .photoSubstituted },
                                     "\(inspection.examination.foundPortraits)")
        #expect(indicator.severity == .warning && indicator.evidence.page == 0)
        #expect(indicator.message.contains("turned") && indicator.message.contains("without a specimen"))
        let print = try #require(document.labels[0].forgery?.regions.first)
        #expect(TamperingTests.overlaps(indicator.evidence.region ?? [], print))
        // The turn found is the print's.
        let turn = try #require(inspection.examination.foundPortraits.first?.turnDegrees)
        let truth = try Self.labelledTurn(of: document)
        #expect(abs(turn - truth) < 0.15, "found \(turn)°, labelled \(truth)°")
    }

    @Test("a print with a dark band along one edge, outside it, is found without the specimen, also where the paper's edges are not",
          arguments: [("UTO-P-2020", 127, true), ("UTO-ID-2021", 110, true), ("UTO-P-2020", 187, true),
                      ("UTO-P-2014", 86, false), ("UTO-P-2014", 111, false), ("UTO-P-2014", 66, false), ("UTO-RP-2019", 33, false)])
    func seamAlongThePrintIsFound(model: String, index: Int, placedByPaper: Bool) throws {
        // Prints turned too little to tell, or on pages whose paper edges are not found against
        // a white lid (then the portrait is looked for where the MRZ puts the page, and only its
        // seam is judged): the shadow of a glossy print along its top (UTO-P-2020 127), of a JPEG
        // reprint on a card's front along its right (UTO-ID-2021 110), of an inkjet print along
        // its top and of a glossy print along its right (UTO-P-2014 86 and 111); and the old
        // portrait's margin left of a print trimmed to sit inside it (UTO-P-2020 187). And two
        // prints trimmed inside whose covered portrait's margin is pale, a band of 15–20 grey
        // levels (missed while the threshold was 20; genuine portraits show 1.1 at most).
        let (inspection, document) = try Self.inspect(model: model, seed: 9102, index: index, forge: .kind(.photoSubstituted))
        let portrait = try #require(inspection.examination.foundPortraits.first)
        let seam = try #require(portrait.seam)
        #expect(seam.depth >= 10, "\(seam)")
        #expect((portrait.turnDegrees != nil) == placedByPaper, "a turn is judged only against the paper's edges")
        let indicator = try #require(inspection.report.indicators.first { $0.code == .photoSubstituted })
        #expect(indicator.severity == .warning && indicator.message.contains("dark band") && indicator.message.contains(seam.side))
        let print = try #require(document.labels[0].forgery?.regions.first)
        #expect(TamperingTests.overlaps(indicator.evidence.region ?? [], print))
    }

    @Test("a print whose largest rectangle reaches the text beside it or the signature under it is found by its own edges",
          arguments: [("UTO-V-2018", 19, true), ("UTO-V-2018", 139, true), ("UTO-ID-2021", 25, false), ("UTO-P-2020", 47, false),
                      ("UTO-V-2018", 149, false), ("UTO-RP-2019", 23, false)])
    func printInsideALargerRectangleIsFound(model: String, index: Int, turned: Bool) throws {
        // The rectangle with all four sides on edges reached past these prints to the text
        // column's edge on the right (7–13 mm past a visa's print), or above them to a heading
        // and below to the signature: its sides there ran on text, not straight. The print's own
        // edges, the strongest inside it, show a glossy print turned -1.01° and a JPEG reprint
        // turned 0.6° on visas, and the shadows of glossy prints on a card's front (turned 0.33°,
        // under the turn it could tell) and on a UTO-P-2020 page whose paper edges are not found.
        // The last two are prints whose own rectangle steps less, on the coarse search, than
        // others inside the outline (a pale side against pale paper): found among the strongest
        // rectangles as the one whose fitted sides run straight — a visa's glossy print, and a
        // residence permit's front whose paper edges are not found.
        let (inspection, document) = try Self.inspect(model: model, seed: 9102, index: index, forge: .kind(.photoSubstituted))
        let indicator = try #require(inspection.report.indicators.first { $0.code == .photoSubstituted },
                                     "\(inspection.examination.foundPortraits)")
        #expect(indicator.severity == .warning)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect((portrait.seam?.depth ?? 0) >= 20, "\(portrait)")
        if turned {
            let turn = try #require(portrait.turnDegrees)
            let truth = try Self.labelledTurn(of: document)
            #expect(abs(turn - truth) < 0.15, "found \(turn)°, labelled \(truth)°")
        }
        // A card's print is on its front's label.
        let prints = document.labels.compactMap { $0.forgery?.regions.first }
        let print = try #require(prints.first)
        #expect(TamperingTests.overlaps(indicator.evidence.region ?? [], print))
    }

    @Test("a print as light as the page, whose edges show in colour only, is found on the tone",
          arguments: [("UTO-P-2020", 182), ("UTO-P-2020", 12), ("UTO-ID-2021", 190)])
    func printFoundByItsColour(model: String, index: Int) throws {
        // A glossy print turned 0.35° and a laser print turned 0.45° on passport pages, a glossy
        // print turned −0.32° on a card's front: their pale portraits against the pale guilloche
        // step too little in luminance for the outline's edges; the tone (luminance less twice
        // the chroma) shows them. Only their turn is judged there, not a band.
        let (inspection, document) = try Self.inspect(model: model, seed: 9102, index: index, forge: .kind(.photoSubstituted))
        let indicator = try #require(inspection.report.indicators.first { $0.code == .photoSubstituted })
        #expect(indicator.severity == .warning && indicator.message.contains("turned"))
        #expect(inspection.examination.foundPortraits.first?.seam == nil)
        let print = try #require(document.labels[0].forgery?.regions.first)
        #expect(TamperingTests.overlaps(indicator.evidence.region ?? [], print))
        // On the luminance alone, no portrait is found at all.
        let luminanceOnly = Inspector(library: nil, checkDate: VisualFixtures.checkDate).steps.map { step -> any ExaminationStep in
            guard var portraits = step as? PortraitWithoutModelStep else { return step }
            portraits.outlineColourWeight = 0
            return portraits
        }
        let without = Inspector(library: nil, checkDate: VisualFixtures.checkDate, steps: luminanceOnly).inspect(VisualFixtures.pages(document))
        #expect(without.examination.foundPortraits.isEmpty)
    }

    @Test("a pale residence permit's front on a white lid is found by its paper's tint: a pasted print's band is a warning, a genuine portrait's nothing",
          arguments: [(9102, 48, true), (9102, 133, true), (9101, 128, false)])
    func paleCardFrontFoundByItsTint(seed: UInt64, index: Int, forged: Bool) throws {
        // UTO-RP-2019 fronts whose card is as light as the scanner's lid (its luminance steps
        // by 0–6 grey levels at the card's edges): found only because its tint counts too. An
        // inkjet print and a glossy print with their shadows (seed 9102), and a genuine front
        // (seed 9101) whose band is among the deepest of the 69 fronts found that way (−6.7).
        let (inspection, document) = try Self.inspect(model: "UTO-RP-2019", seed: seed, index: index,
                                                      forge: forged ? .kind(.photoSubstituted) : .none)
        let back = try #require(inspection.examination.mrzGeometry)
        let side = try #require(NominalMRZSide(format: .td1))
        let pixelsPerMillimetre = side.pixelsPerMillimetre(mrzOutline: back.location)
        #expect(CardFrontLocator(colourWeight: 0).nominalPlacement(on: inspection.examination.pages[0], pixelsPerMillimetre: pixelsPerMillimetre,
                                                                   side: side) == nil, "the luminance alone finds no card")
        let placement = try #require(CardFrontLocator().nominalPlacement(on: inspection.examination.pages[0], pixelsPerMillimetre: pixelsPerMillimetre,
                                                                          side: side))
        // The card found within two millimetres of its corners.
        let truth = document.labels[0].documentPolygon
        for (a, b) in zip(truth, placement.outline) { #expect((a - b).length < 2 * pixelsPerMillimetre, "corner \(a) found at \(b)") }
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(portrait.page == 0)
        let indicator = inspection.report.indicators.first { $0.code == .photoSubstituted }
        if forged {
            let seam = try #require(portrait.seam)
            #expect(seam.depth >= 20, "\(seam)")
            #expect(indicator?.severity == .warning)
            let print = try #require(document.labels[0].forgery?.regions.first)
            #expect(TamperingTests.overlaps(indicator?.evidence.region ?? [], print))
        } else {
            #expect((portrait.seam?.depth ?? 0) < 5, "\(String(describing: portrait.seam))")
            #expect(indicator == nil)
        }
    }

    @Test("the genuine portraits with the darkest bands outside their edges raise nothing",
          arguments: [("UTO-RP-2019", 9101, 68), ("UTO-V-2018", 9101, 514), ("UTO-V-2018", 9201, 584), ("UTO-RP-2019", 9101, 448)])
    func genuineBandsAreShallow(model: String, seed: UInt64, index: Int) throws {
        // The three deepest of 1,004 genuine portraits measured on straight sides (seeds 9101 and
        // 9201): bands of 1, 0 and 0 grey levels against the paper beyond and the print inside.
        // The visa 514's paper edges are not found: its portrait is searched where the MRZ puts
        // the page. And a residence permit whose heading runs just above the portrait: a
        // rectangle inside the outline takes the heading's baseline for its top, and its letters
        // averaged 14.7 grey levels along it; kept along three quarters of the side, nothing.
        let (inspection, _) = try Self.inspect(model: model, seed: seed, index: index, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect((portrait.seam?.depth ?? 0) < 5, "\(String(describing: portrait.seam))")
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a printed portrait, scanned flat or photographed on a table, is found square to the paper: no photo indicator",
          arguments: [("UTO-P-2014", 1), ("UTO-P-2014", 21), ("UTO-P-2020", 322), ("UTO-P-2020", 737)])
    func printedPortraitIsSquare(model: String, index: Int) throws {
        // UTO-P-2014 documents 1 (scanner) and 21 (photographed at an angle: the MRZ alone would
        // leave the portrait's edges turned by the perspective); two UTO-P-2020 pages whose
        // portrait sits in a printed frame (a rectangle inside a rectangle, both square).
        let (inspection, _) = try Self.inspect(model: model, seed: 9101, index: index, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        let turn = try #require(portrait.turnDegrees, "sides \(portrait.sideTurns)")
        #expect(abs(turn) < 0.15)
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a printed portrait whose fit errs a little raises nothing: one straight side under 0.3°, two under 0.2°",
          arguments: [("UTO-ID-2021", 510, 1), ("UTO-V-2018", 239, 1), ("UTO-P-2014", 346, 3), ("UTO-P-2020", 627, 2)])
    func printedPortraitWithinTheFitsError(model: String, index: Int, straightSides: Int) throws {
        // The genuine portraits of seed 9101 whose turn came out largest: a card front's single
        // side at 0.16° and a visa's at 0.15° (one side: judged from 0.3°); a UTO-P-2014 page's
        // three sides at -0.11° and a UTO-P-2020 page's two at -0.11° (judged from 0.2°).
        let (inspection, _) = try Self.inspect(model: model, seed: 9101, index: index, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(portrait.sideTurns.count == straightSides, "sides \(portrait.sideTurns)")
        let turn = try #require(portrait.turnDegrees)
        #expect(abs(turn) > 0.09 && abs(turn) < (straightSides == 1 ? 0.2 : 0.15), "turn \(turn)°")
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a genuine page photographed on a table whose portrait's frame leans on one side raises no photo indicator")
    func genuineFrameLeaningOnOneSide() throws {
        // UTO-P-2020 document 882: the frame's left edge runs 0.28° against the paper while the
        // outline's top runs square (no rigid turn), and the rectangle inside it shows only its
        // left side straight (0.30°), no horizontal one: not judged.
        let (inspection, _) = try Self.inspect(model: "UTO-P-2020", seed: 9101, index: 882, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(abs(portrait.turnDegrees ?? 0) < 0.2, "sides \(portrait.sideTurns)")
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted },
                "\(inspection.examination.foundPortraits.map(\.sideTurns))")
    }

    @Test("a genuine page photographed on a table whose portrait's sides lean while its top runs square raises no photo indicator")
    func genuineSidesLeaningTopSquare() throws {
        // UTO-P-2014 document 546 of the genuine set seed 9201: the portrait's left and right
        // sides at −0.28° and −0.36° against the paper, its top (straight on 77% of it) square —
        // no rigid turn, a placement sheared by the photograph. It was a warning (0.32°).
        let (inspection, _) = try Self.inspect(model: "UTO-P-2014", seed: 9201, index: 546, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(portrait.turnDegrees == nil, "sides \(portrait.sideTurns)")
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a genuine card's front is found at the back's scale, its portrait square to the card: no photo indicator",
          arguments: [30, 60])
    func genuineCardFront(index: Int) throws {
        // Identity cards 30 and 60 of the genuine set, front and back verified together: the
        // front's portrait shows one straight side, square to the card within 0.02° and 0.08°.
        let (inspection, _) = try Self.inspect(model: "UTO-ID-2021", seed: 9101, index: index, forge: .none)
        let portrait = try #require(inspection.examination.foundPortraits.first)
        #expect(portrait.page == 0)
        let turn = try #require(portrait.turnDegrees, "sides \(portrait.sideTurns)")
        #expect(abs(turn) < 0.15)
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a card's back verified with a blank, a noise or a sliver of an image finds no front and raises no photo indicator")
    func frontThatIsNoCard() throws {
        let (_, document) = try Self.inspect(model: "UTO-ID-2021", seed: 9101, index: 30, forge: .none)
        let back = document.images[1]
        var state: UInt32 = 7
        /// An image of the back's size whose every sample is drawn from one linear congruential sequence.
        func noise(_ format: Image.PixelFormat) -> Image {
            var image = Image(width: back.width, height: back.height, format: format, fill: 0)
            image.withUnsafeMutableBytes { samples in
                for i in samples.indices {
                    state = state &* 1_103_515_245 &+ 12345
                    samples[i] = UInt8(truncatingIfNeeded: state >> 16)
                }
            }
            return image
        }
        // A colour noise too: where its luminance finds no card, the paper's tone is searched.
        let fronts = [Image(width: back.width, height: back.height, format: .rgb, fill: 255), noise(.gray), noise(.rgb),
                      Image(width: back.width * 3, height: 12, format: .rgb, fill: 128), Image(width: 1, height: 1, format: .gray)]
        for front in fronts {
            let pages = VisualFixtures.pages(VisualFixtures.Document(images: [front, back], labels: document.labels))
            let inspection = Self.inspector.inspect(pages)
            #expect(inspection.examination.zone != nil, "the back's MRZ still reads")
            #expect(inspection.examination.foundPortraits.isEmpty)
            #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
        }
    }

    @Test("without the model a region of foreign noise counts only on the MRZ's side and off the portrait found",
          arguments: [("UTO-P-2014", 546), ("UTO-P-2014", 991), ("UTO-RP-2019", 783)])
    func tamperingWithoutModelStaysOnTheDocument(model: String, index: Int) throws {
        // Genuine documents whose noise map has a region on the portrait (546, 991) and on a
        // card's front (783): with no model to place them, each was reported as a pasted region.
        let (inspection, _) = try Self.inspect(model: model, seed: 9101, index: index, forge: .none)
        #expect(!inspection.report.indicators.contains { $0.code == .tamperLocal },
                "\(inspection.report.indicators.filter { $0.code == .tamperLocal }.map(\.evidence.region))")
    }
}
