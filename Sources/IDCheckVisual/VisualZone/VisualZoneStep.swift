import IDCheckForensics
import IDCheckMRZ
import IDCheckSpecimens

/// Reads the visual zone of the MRZ's side against the MRZ: for every printed field the MRZ
/// also carries (names, number, dates, sex, nationality, codes) whether the print agrees, and
/// the dates printed in full (four-digit years, the date of issue), for the rules to judge.
///
/// Fields it cannot tell about (too faint, a spelling it cannot follow, no identified model or
/// alignment) are left out of ``Examination/printedFields``: unverified, never a mismatch.
public struct VisualZoneStep: ExaminationStep {
    public let name = "visual-zone"

    public init() {}

    public func prepare(_ examination: inout Examination) {
        guard let model = examination.model, let side = model.mrzSide, var placement = examination.placement,
              examination.alignment?.aligned ?? true, let zone = examination.zone, let geometry = examination.mrzGeometry,
              examination.pages.indices.contains(geometry.page) else { return }
        let page = geometry.page
        // The outline-based estimate is refined on the MRZ's characters; a placement an
        // alignment step fitted on the whole side is kept.
        if placement.method == "mrz-estimate", let mrzBox = side.zones(of: .mrz).first?.box,
           let fitted = MRZAnchoredPlacement.fit(geometry: geometry, lines: zone.lines, mrzBox: mrzBox, size: model.size) {
            placement = fitted
        }
        let aligned = AlignedSide(image: examination.pages[page].image, placement: placement)
        var readings: [Specimen.PrintedField: PrintedFieldReading] = [:]
        var dates: [Specimen.PrintedField: MRZ.CalendarDate] = [:]
        var verifiers: [String: FieldVerifier] = [:]
        for fieldZone in side.zones(of: .field) {
            guard let field = fieldZone.field, let expectation = ExpectedPrint.of(fieldZone, mrz: zone),
                  let font = fieldZone.text?.font ?? model.rendering?.valueFont else { continue }
            if verifiers[font] == nil, let glyphs = PrintGlyphs.shared(font) {
                verifiers[font] = FieldVerifier(side: aligned, size: model.size, glyphs: glyphs)
            }
            guard let verifier = verifiers[font], let check = verifier.check(fieldZone, expectation: expectation) else { continue }
            if let date = check.printedDate { dates[field] = date }
            guard check.outcome != .unverified else { continue }
            readings[field] = PrintedFieldReading(field: field, zone: fieldZone.id, expected: check.expected, observed: check.observed,
                                                  agrees: check.outcome == .agrees, score: check.score,
                                                  region: placement.region(of: fieldZone.box))
        }
        // Nothing agreeing at all means the side was not found where the placement says (or is
        // not this model): the disagreements would be about the placement, not the print.
        guard readings.values.contains(where: \.agrees) else { return }
        examination.printedFields.merge(readings) { _, new in new }
        examination.printedDates.merge(dates) { _, new in new }
    }
}
