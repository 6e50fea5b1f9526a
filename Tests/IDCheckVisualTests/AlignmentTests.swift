import Foundation
import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// Alignment of rendered documents with their specimen, and the layout comparison built on it.
@Suite("Alignment and layout")
struct AlignmentTests {
    let library: SpecimenLibrary

    init() throws {
        library = try SpecimenLibrary.load(requireReferenceImages: false)
    }

    @Test("a scanned passport page is aligned with its model's reference and raises no layout indicator")
    func passportAligns() throws {
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 41, conditions: .ordinary, library: library)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model?.id == "UTO-P-2020")
        let alignment = try #require(inspection.examination.alignment)
        #expect(alignment.aligned)
        #expect(alignment.method == "mrz+reference")
        #expect(alignment.score > 0.5, "similarity \(alignment.score)")
        #expect(inspection.examination.placement?.method == "mrz+reference")
        // The refined placement puts the side's corners where the scanner put them (label truth).
        // Within 1% of the side's width: about 1 mm on a passport page.
        let truth = document.labels[0].documentPolygon
        let tolerance = (truth[1] - truth[0]).length * 0.01
        let found = try #require(inspection.examination.placement).outline
        for (a, b) in zip(truth, found) { #expect((a - b).length < tolerance, "corner \(a) found at \(b)") }
        #expect(!inspection.report.indicators.contains { $0.code.rawValue.hasPrefix("layout.") })
    }

    @Test("a card's front, which has no MRZ, is found on its own image")
    func cardFrontFound() throws {
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 43, conditions: .ordinary, library: library)
        #expect(document.labels.map(\.side) == ["front", "back"])
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let front = try #require(inspection.examination.sides.first { $0.side == "front" })
        #expect(front.page == 0)
        #expect(front.alignment.aligned)
        let truth = document.labels[0].documentPolygon
        let tolerance = (truth[1] - truth[0]).length * 0.01
        for (a, b) in zip(truth, front.placement.outline) { #expect((a - b).length < tolerance, "corner \(a) found at \(b)") }
        #expect(inspection.examination.zones(of: .photo).first?.view.side == "front")
    }

    @Test("data printed on another model's layout is named as that model's layout")
    func otherModelLayout() throws {
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 44, forge: .kind(.otherModelLayout), conditions: .ordinary,
                                                 library: library)
        #expect(document.labels[0].layoutModel == "UTO-P-2014")
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let indicator = try #require(inspection.report.indicators.first { $0.code == .layoutOtherModel })
        #expect(indicator.severity == .critical)
        #expect(indicator.evidence.observed == "UTO-P-2014")
        #expect(indicator.evidence.expected == inspection.examination.model?.id)
    }

    @Test("an MRZ on a plain sheet cannot be aligned with the model's layout: an indicator, not a crash")
    func plainSheetIsNotAligned() throws {
        let document = try VisualFixtures.render(model: "UTO-P-2014", seed: 45, conditions: .ordinary, library: library)
        // Keep the MRZ (with a margin), blank everything else: the model's print is gone.
        let page = document.images[0]
        let mrz = try #require(document.labels[0].mrz).polygon
        let xs = mrz.map(\.x), ys = mrz.map(\.y)
        let margin = (ys.max() ?? 0) - (ys.min() ?? 0)
        var sheet = Image(width: page.width, height: page.height, format: page.format, fill: 250)
        for y in max(0, Int((ys.min() ?? 0) - margin))..<min(page.height, Int((ys.max() ?? 0) + margin)) {
            for x in max(0, Int((xs.min() ?? 0) - margin))..<min(page.width, Int((xs.max() ?? 0) + margin)) {
                if let colour = page[x, y] { sheet.setPixel(x: x, y: y, to: colour) }
            }
        }
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate)
            .inspect([Examination.Page(image: sheet, label: "sheet")])
        #expect(inspection.examination.model?.id == "UTO-P-2014")
        let codes = Set(inspection.report.indicators.map(\.code))
        #expect(codes.contains(.layoutNotAligned) || codes.contains(.layoutZoneDiffers), "\(codes)")
        #expect(!codes.contains(.layoutOtherModel))
        #expect(inspection.report.verdict != .consistent)
    }

    /// Document `index` of a benchmark run over every bundled model (as `idcheck render
    /// --specimen all --count count --seed seed` draws it).
    func benchmarkDocument(seed: UInt64, index: Int, count: Int, forge: ForgeryChoice) throws -> VisualFixtures.Document {
        let renderer = DocumentRenderer(library: library, checkDate: VisualFixtures.checkDate)
        let ids = library.specimens.filter { $0.rendering != nil }.map(\.id)
        let rendered = try renderer.render(specimens: ids, seed: seed, index: index, count: count, forge: forge, conditions: .ordinary)
        return VisualFixtures.Document(images: try rendered.files.map { try ImageDecoder().decode($0.bytes).image },
                                       labels: rendered.files.map(\.label))
    }

    /// Where the inspector put each side of `document` against where the renderer drew it: the
    /// largest corner distance, as a share of the side's width.
    func cornerErrors(_ document: VisualFixtures.Document, _ inspection: Inspection) -> [String: Double] {
        var errors: [String: Double] = [:]
        for (page, label) in document.labels.enumerated() {
            guard let view = inspection.examination.sides.first(where: { $0.side == label.side && $0.page == page }) else { continue }
            let truth = label.documentPolygon
            let width = (truth[1] - truth[0]).length
            errors[label.side] = zip(truth, view.placement.outline).map { ($0 - $1).length }.max().map { $0 / width }
        }
        return errors
    }

    @Test("a residence permit's back, whose wavy pattern most blocks match a period away, is aligned by the blocks that agree",
          arguments: [(seed: UInt64(9102), index: 183, count: 200, forge: ForgeryChoice.kind(.vizMRZMismatch)),
                      (seed: UInt64(9101), index: 883, count: 1000, forge: ForgeryChoice.none)])
    func repeatingPatternAligns(seed: UInt64, index: Int, count: Int, forge: ForgeryChoice) throws {
        // Documents of the visual benchmark (benchmarks/visual-forensics.py): the fit through all
        // blocks, pruned, put these backs 3 mm and 2.4 mm off at their top corners, where the
        // nationality, date of birth and sex are printed (then unread, the forged year missed).
        let document = try benchmarkDocument(seed: seed, index: index, count: count, forge: forge)
        #expect(document.labels.map(\.model) == ["UTO-RP-2019", "UTO-RP-2019"])
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        let errors = cornerErrors(document, inspection)
        // Within 1% of the card's width (0.86 mm); 0.4% at most on the benchmark's 400 backs.
        let back = try #require(errors["back"])
        #expect(back < 0.01, "back's corners off by \(back * 85.6) mm")
        let printed = inspection.examination.printedFields
        if forge == .none {
            #expect(printed[.nationality]?.agrees == true && printed[.sex]?.agrees == true && printed[.birthDate]?.agrees == true,
                    "\(printed.mapValues(\.agrees))")
            #expect(inspection.report.verdict == .consistent, "\(inspection.report.indicators.map(\.code))")
        } else {
            // The forged field is the printed date of birth (XX.XX.1990 where the MRZ says 85).
            #expect(printed[.birthDate]?.agrees == false, "\(printed.mapValues(\.agrees))")
            #expect(inspection.report.indicators.contains { $0.code == .vizMRZMismatch && $0.evidence.field == "birthDate" })
        }
    }
}

/// The correction fitted to block matches most of which are wrong.
@Suite("Consensus fit of the alignment's block matches")
struct ConsensusFitTests {
    /// A grid of block centres, as the aligner lays them on a 240-cell-wide side.
    static let centres: [Point] = stride(from: 8.0, through: 232, by: 12).flatMap { x in
        stride(from: 8.0, through: 140, by: 12).map { y in Point(x: x, y: y) }
    }

    /// Moves points by a slight turn, scale and shift, with a trace of perspective.
    static let truth = Homography([1.004, -0.006, 1.3, 0.005, 0.998, -0.8, 0.000_01, -0.000_008, 1])

    /// A fixed pseudo-random number in 0..<1 for `index` and `salt`.
    static func scatter(_ index: Int, _ salt: Double) -> Double {
        let value = sin(Double(index) * 12.9898 + salt) * 43_758.5453
        return value - value.rounded(.down)
    }

    /// Every `stride`-th match where the truth puts it (with ±0.2 cells of measuring error, in a
    /// fixed pattern); the others a pattern period of 4 to 8 cells away, each in its own
    /// direction, as blocks of a wavy guilloche are.
    static func matches(keepingEvery stride: Int) -> (from: [Point], to: [Point]) {
        var to: [Point] = []
        for (index, centre) in centres.enumerated() {
            let exact = truth.apply(centre)
            if index % stride == 0 {
                to.append(Point(x: exact.x + 0.2 * sin(Double(index)), y: exact.y + 0.2 * cos(Double(index) * 1.7)))
            } else {
                let angle = 2 * .pi * scatter(index, 1), reach = 4 + 4 * scatter(index, 2)
                to.append(Point(x: exact.x + reach * cos(angle), y: exact.y + reach * sin(angle)))
            }
        }
        return (centres, to)
    }

    @Test("with a quarter of the matches right and the rest each a period off, the truth is found")
    func quarterRight() throws {
        let (from, to) = Self.matches(keepingEvery: 4)
        let (map, agreeing) = try #require(ConsensusFit().fit(from, to: to))
        #expect(Set(agreeing) == Set(from.indices.filter { $0 % 4 == 0 }))
        // At every block, within a fifth of a cell of the true map.
        for point in from { #expect((map.apply(point) - Self.truth.apply(point)).length < 0.2) }
    }

    @Test("with every match right, the fit is the least-squares one through all of them")
    func allRight() throws {
        let (from, to) = Self.matches(keepingEvery: 1)
        let (map, agreeing) = try #require(ConsensusFit().fit(from, to: to))
        #expect(agreeing.count == from.count)
        let leastSquares = try #require(Homography.fitting(from, to: to))
        for point in from { #expect((map.apply(point) - leastSquares.apply(point)).length < 1e-9) }
    }

    @Test("too few matches agree on any map: no fit")
    func noConsensus() {
        // Forty matches each off its own way (the first, right, left out): no eight agree
        // within 1.5 cells on one map.
        let (from, to) = Self.matches(keepingEvery: 1000)
        #expect(ConsensusFit().fit(Array(from[1...40]), to: Array(to[1...40])) == nil)
    }

    @Test("the affine map through three points takes them exactly; three on a line give none")
    func affineThroughThree() throws {
        let p = (Point(x: 10, y: 10), Point(x: 100, y: 20), Point(x: 30, y: 90))
        let q = (Point(x: 12, y: 7), Point(x: 101, y: 25), Point(x: 28, y: 95))
        let map = try #require(ConsensusFit.affine(through: p, onto: q))
        for (a, b) in [(p.0, q.0), (p.1, q.1), (p.2, q.2)] { #expect((map.apply(a) - b).length < 1e-9) }
        #expect(ConsensusFit.affine(through: (Point(x: 0, y: 0), Point(x: 10, y: 10), Point(x: 20, y: 20)), onto: q) == nil)
    }
}
