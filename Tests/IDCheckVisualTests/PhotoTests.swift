import IDCheck
import IDCheckRender
import IDCheckVisual
import Testing

/// Photo substitution on rendered documents: a genuine photo passes, a photo stuck over the zone
/// is found on a model with a ghost image and on one without.
@Suite("Photo substitution")
struct PhotoTests {
    func photoIndicators(model: String, seed: UInt64, forge: ForgeryChoice) throws -> (indicators: [Indicator], document: VisualFixtures.Document) {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: model, seed: seed, forge: forge, conditions: .ordinary, library: library)
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let inspection = inspector.inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model?.id == model)
        return (inspection.report.indicators.filter { $0.code == .photoSubstituted }, document)
    }

    @Test("a genuine card (photo on the front, MRZ on the back) raises no photo indicator")
    func genuineCard() throws {
        let (indicators, _) = try photoIndicators(model: "UTO-ID-2021", seed: 7301, forge: .none)
        #expect(indicators.isEmpty)
    }

    @Test("a genuine residence permit photographed coarse (about 136 dpi, JPEG 40-50) is not judged: no photo indicator", arguments: [23, 33])
    func coarseCardIsNotJudged(index: Int) throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // Seed 8804, documents 23 and 33 (hard conditions): their overprint came out "covered" without the gate.
        let document = try VisualFixtures.render(model: "UTO-RP-2019", seed: 8804, index: index, conditions: .hard, library: library)
        let inspection = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model?.id == "UTO-RP-2019")
        #expect(!inspection.report.indicators.contains { $0.code == .photoSubstituted })
    }

    @Test("a photo stuck over a passport's zone is found, pointing at the photo",
          arguments: [("UTO-P-2020", UInt64(7303)), ("UTO-P-2014", UInt64(7304))])
    func substitutedPassport(model: String, seed: UInt64) throws {
        // UTO-P-2020 has a ghost image, UTO-P-2014 has none.
        let (indicators, document) = try photoIndicators(model: model, seed: seed, forge: .kind(.photoSubstituted))
        let indicator = try #require(indicators.first)
        #expect(indicator.severity == .critical)
        #expect(indicator.evidence.field == "photo")
        // The evidence region lies on the labelled photo zone.
        let truth = try #require(document.labels[0].zones.first { $0.kind == .photo }?.polygon)
        let region = try #require(indicator.evidence.region)
        let centre = (region.map(\.x).reduce(0, +) / 4, region.map(\.y).reduce(0, +) / 4)
        #expect(centre.0 > truth.map(\.x).min()! && centre.0 < truth.map(\.x).max()!)
        #expect(centre.1 > truth.map(\.y).min()! && centre.1 < truth.map(\.y).max()!)
    }
}
