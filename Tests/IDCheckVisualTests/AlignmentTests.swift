import IDCheck
import IDCheckRender
import IDCheckVisual
import Testing

/// Alignment of rendered documents with their specimen.
@Suite("Alignment with the specimen")
struct AlignmentTests {
    @Test("a rendered passport page is aligned with its model")
    func renderedPassportAligns() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 41, conditions: .ordinary, library: library)
        let inspector = Inspector(library: library, checkDate: VisualFixtures.checkDate)
        let inspection = inspector.inspect(VisualFixtures.pages(document))
        #expect(inspection.examination.model?.id == "UTO-P-2020")
        let alignment = try #require(inspection.examination.alignment)
        #expect(alignment.aligned)
    }
}
