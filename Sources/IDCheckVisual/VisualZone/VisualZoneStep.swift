import IDCheckForensics
import IDCheckMRZ
import IDCheckSpecimens

/// Reads the visual zone against the MRZ: for every printed field the MRZ also carries (names,
/// number, dates, sex, nationality, codes) whether the print agrees, and the dates printed in
/// full (four-digit years, the date of issue), for the rules to judge. It looks at the MRZ's side
/// and at every other side of the model the alignment found on the document's images (a card's
/// front, where its names are).
///
/// Fields it cannot tell about (too faint, a spelling it cannot follow, a side whose print is
/// not where its placement says) are left out of ``Examination/printedFields``: unverified, never
/// a mismatch. They go to ``Examination/unreadFields`` and ``Examination/misplacedFields``, which
/// the report lists as not checked.
public struct VisualZoneStep: ExaminationStep {
    public let name = "visual-zone"

    public init() {}

    public func prepare(_ examination: inout Examination) {
        guard let model = examination.model, let mrzSide = model.mrzSide, let zone = examination.zone,
              let geometry = examination.mrzGeometry, examination.pages.indices.contains(geometry.page) else { return }
        var views: [(side: Specimen.Side, page: Int, placement: DocumentPlacement)] = []
        // The MRZ's side: the alignment's placement when it aligned the whole side; otherwise
        // one fitted on the MRZ's characters, far closer than the outline's estimate.
        var placement = examination.alignment?.aligned == true ? examination.placement : nil
        if placement == nil, let mrzBox = mrzSide.zones(of: .mrz).first?.box {
            placement = MRZAnchoredPlacement.fit(geometry: geometry, lines: zone.lines, mrzBox: mrzBox, size: model.size)
        }
        if let placement = placement ?? examination.placement { views.append((mrzSide, geometry.page, placement)) }
        for view in examination.sides where view.side != mrzSide.name && view.alignment.aligned {
            if let side = model.side(view.side), examination.pages.indices.contains(view.page) { views.append((side, view.page, view.placement)) }
        }
        var unread: Set<Specimen.PrintedField> = [], misplaced: Set<Specimen.PrintedField> = []
        for view in views {
            let reading = read(view.side, of: model, on: examination.pages[view.page], page: view.page, placement: view.placement, zone: zone)
            // Nothing agreeing at all on a side means it is not where the placement says (or
            // not this model): disagreements would be about the placement, not the print.
            guard reading.fields.values.contains(where: \.agrees) else {
                misplaced.formUnion(reading.fields.keys)
                misplaced.formUnion(reading.unread)
                continue
            }
            unread.formUnion(reading.unread)
            examination.printedFields.merge(reading.fields) { old, _ in old }
            examination.printedDates.merge(reading.dates) { old, _ in old }
            examination.foreignGlyphs += reading.foreign.filter { glyph in !examination.foreignGlyphs.contains { $0.field == glyph.field } }
        }
        // The report says which fields it could not compare: an examiner must not take a field
        // the print hid from the check for one that agreed.
        let compared = Set(examination.printedFields.keys)
        examination.unreadFields = Specimen.PrintedField.allCases.filter { unread.contains($0) && !compared.contains($0) }
        examination.misplacedFields = Specimen.PrintedField.allCases.filter {
            misplaced.contains($0) && !unread.contains($0) && !compared.contains($0)
        }
    }

    /// What reading one side's printed fields against the MRZ gave.
    struct SideReading {
        /// The fields compared: agreeing or not.
        var fields: [Specimen.PrintedField: PrintedFieldReading] = [:]
        /// Dates printed in full.
        var dates: [Specimen.PrintedField: MRZ.CalendarDate] = [:]
        var foreign: [ForeignGlyph] = []
        /// Fields the MRZ carries whose print could not be told to agree or not.
        var unread: [Specimen.PrintedField] = []
    }

    /// How many printed fields of `side`, placed on `page`, agree with the MRZ `zone`: whether a
    /// side found on a sheet of several documents is this one's (``SideAlignmentStep``).
    static func agreeingFields(_ side: Specimen.Side, of model: Specimen, on page: Examination.Page, placement: DocumentPlacement,
                               mrz zone: MRZ.Zone) -> Int {
        VisualZoneStep().read(side, of: model, on: page, page: 0, placement: placement, zone: zone).fields.values.filter(\.agrees).count
    }

    /// The field zones of `side` compared with the MRZ `zone`.
    private func read(_ side: Specimen.Side, of model: Specimen, on image: Examination.Page, page: Int, placement: DocumentPlacement,
                      zone: MRZ.Zone) -> SideReading {
        let aligned = AlignedSide(image: image.image, placement: placement)
        var result = SideReading()
        var verifiers: [String: FieldVerifier] = [:]
        for fieldZone in side.zones(of: .field) {
            guard let field = fieldZone.field, let expectation = ExpectedPrint.of(fieldZone, mrz: zone),
                  let font = fieldZone.text?.font ?? model.rendering?.valueFont else { continue }
            if verifiers[font] == nil, let glyphs = PrintGlyphs.shared(font) {
                verifiers[font] = FieldVerifier(side: aligned, size: model.size, glyphs: glyphs)
            }
            let check = verifiers[font]?.check(fieldZone, expectation: expectation)
            if let date = check?.printedDate { result.dates[field] = date }
            if let glyph = check?.foreignGlyph {
                result.foreign.append(ForeignGlyph(kind: glyph.kind, field: field, position: glyph.position, count: glyph.count, cost: Double(glyph.cost),
                                            region: placement.region(of: glyph.box), page: page, joined: glyph.joined))
            }
            // Unverified, or not verified at all (the model's font missing, the field's box off
            // the image): not compared.
            guard let check, check.outcome != .unverified else {
                if expectation.isComparedWithMRZ { result.unread.append(field) }
                continue
            }
            result.fields[field] = PrintedFieldReading(field: field, zone: fieldZone.id, expected: check.expected, observed: check.observed,
                                                  agrees: check.outcome == .agrees, score: check.score,
                                                  region: placement.region(of: fieldZone.box), page: page)
        }
        return result
    }
}
