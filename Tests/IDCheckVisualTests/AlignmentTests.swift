import IDCheck
import IDCheckRender
import IDCheckVisual
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
}
