import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// A side placed most of a character off (a small or re-scaled scan aligns no closer): the
/// fields are read from where their print starts, so a genuine card's fields still agree with
/// its MRZ instead of being read a letter late (`TUR` as `IIR`).
@Suite("Printed fields read from where their print starts")
struct FieldStartTests {
    @Test("every field of a genuine card's back agrees with a placement 0.7 em left or right of the truth", arguments: [-0.7, 0.7])
    func shiftedPlacement(shiftInEm: Double) throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-RP-2019", seed: 9101, index: 73, conditions: .ordinary, library: library)
        let model = try #require(library["UTO-RP-2019"])
        let back = try #require(document.labels.firstIndex { $0.side == "back" })
        let label = document.labels[back]
        let side = try #require(model.side("back"))
        let mrz = try #require(Inspector(library: library, checkDate: VisualFixtures.checkDate)
            .inspect(VisualFixtures.pages(document)).examination.zone)
        let corners = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]
        let truth = try #require(Homography.mapping(corners, to: label.documentPolygon))
        var checked = 0
        for zone in side.zones(of: .field) {
            guard let style = zone.text, let expectation = ExpectedPrint.of(zone, mrz: mrz),
                  let glyphs = PrintGlyphs.shared(style.font) else { continue }
            // The zone's em as a fraction of the side's width.
            let em = style.size / model.size.aspectRatio
            let placement = DocumentPlacement(truth.after(.translation(shiftInEm * em, 0)), method: "test")
            let verifier = FieldVerifier(side: AlignedSide(image: document.images[back], placement: placement), size: model.size, glyphs: glyphs)
            let check = try #require(verifier.check(zone, expectation: expectation))
            #expect(check.outcome != .disagrees, "\(zone.id): expected \(check.expected), read \(check.observed ?? "-")")
            if check.outcome == .agrees { checked += 1 }
        }
        #expect(checked >= 3, "only \(checked) fields agreed")
    }
}
