import Foundation
import IDCheck
import IDCheckRender
import IDCheckVisual
import Testing

/// The MRZ font check on rendered documents and on the real ICAO specimen images.
@Suite("MRZ font")
struct MRZFontTests {
    /// ../shared/dev-images beside the package, when present.
    static let devImages: String? = {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/dev-images")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("labels.json").path) { return candidate.path }
        }
        return nil
    }()

    static func fontIndicators(_ pages: [Examination.Page], library: SpecimenLibrary?) -> [Indicator] {
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        return inspector.inspect(pages).report.indicators.filter { $0.code == .mrzFont }
    }

    @Test("a genuine identity card raises no mrz.font")
    func genuineCard() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 7050, conditions: .ordinary, library: library)
        #expect(document.labels.contains { $0.mrz?.font == "OCRB.otf" })
        #expect(Self.fontIndicators(VisualFixtures.pages(document), library: library).isEmpty)
    }

    @Test("genuine card backs photographed at 102–113 dpi, their MRZ too blurred to read, raise no mrz.font")
    func unreadableCoarseZonesAreNotJudged() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Hard renders of seed 8806: 8 and 10 px characters, blurred, JPEG 39–45; the lenient
        // reading measured them 0.19–0.22 from OCR-B.
        for (model, index) in [("UTO-RP-2019", 143), ("UTO-ID-2021", 105)] {
            let document = try VisualFixtures.render(model: model, seed: 8806, index: index, conditions: .hard, library: library)
            let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
            #expect(inspection.examination.zone == nil, "\(model) \(index): read after all, the test no longer covers an unread zone")
            #expect(!inspection.report.indicators.contains { $0.code == .mrzFont }, "\(model) \(index)")
        }
    }

    @Test("an MRZ printed in DejaVu Sans Mono Bold raises mrz.font with per-character distances")
    func wrongFont() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 7052, forge: .kind(.mrzWrongFont),
                                                 conditions: .ordinary, library: library)
        #expect(document.labels.contains { $0.mrz?.font == "DejaVuSansMono-Bold.ttf" })
        let indicators = Self.fontIndicators(VisualFixtures.pages(document), library: library)
        #expect(indicators.count == 1)
        let indicator = try #require(indicators.first)
        #expect(indicator.severity == .critical)
        #expect((indicator.evidence.score ?? 0) > 0.06)
        #expect(indicator.evidence.region?.count == 4)
        // Several characters, each with its line, position and distance.
        let observed = try #require(indicator.evidence.observed)
        #expect(observed.components(separatedBy: "; ").count >= 5)
        #expect(observed.contains("(line "))
        // Not found by the model: the check also runs without a library.
        #expect(Self.fontIndicators(VisualFixtures.pages(document), library: nil).count == 1)
    }

    @Test("the real ICAO specimen images (bolder OCR-B) raise no mrz.font", .enabled(if: devImages != nil))
    func devImagesAreOCRB() throws {
        let folder = try #require(Self.devImages)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }
        #expect(files.count >= 4)
        for file in files.sorted() {
            let image = try ImageDecoder().decode(contentsOf: folder + "/" + file).image
            let indicators = Self.fontIndicators([Examination.Page(image: image, label: file)], library: nil)
            #expect(indicators.isEmpty, "\(file): \(indicators.map(\.message))")
        }
    }
}
