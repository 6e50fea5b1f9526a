import IDCheckForensics
import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// Brings the image of the MRZ's side onto the identified model's specimen side: the MRZ fixes
/// scale, rotation and position, blocks of the side's static print refine it to a homography
/// (``SideAligner``); the result is scored against the reference image where the model prints
/// nothing personal. Without a reference image the MRZ estimate stays, marked so.
public struct SideAlignmentStep: ExaminationStep {
    public let name = "alignment"
    public let references: SpecimenReferences
    public var aligner = SideAligner()
    public var finder = SideFinder()

    public init(references: SpecimenReferences) {
        self.references = references
    }

    public func prepare(_ examination: inout Examination) {
        guard let model = examination.model, let side = model.mrzSide, let placement = examination.placement,
              let page = examination.mrzGeometry?.page, examination.pages.indices.contains(page) else { return }
        guard let result = aligner.align(GreyPage.of(examination.pages[page]), with: model, side: side, references: references, initial: placement) else {
            examination.alignment = AlignmentQuality(aligned: false, score: 0, method: "mrz (no reference image)")
            return
        }
        examination.alignment = result.quality
        if result.quality.aligned { examination.placement = result.placement }
        examination.sides = [SideView(page: page, side: side.name, placement: examination.placement ?? placement, alignment: result.quality)]
        guard result.quality.aligned else { return }
        // The model's other sides (a card's front) on the other images; where none shows it, on
        // the MRZ side's own image (a photocopy of both sides on one sheet), beside that side;
        // where other documents' MRZs lie there too, the side whose print agrees with this MRZ.
        for other in model.sides where other.name != side.name {
            var best: (page: Int, result: SideAligner.Result)?
            for index in examination.pages.indices where index != page && !examination.sides.contains(where: { $0.page == index }) {
                guard let found = finder.find(other, of: model, on: GreyPage.of(examination.pages[index]), references: references,
                                              scaleFrom: result.placement) else { continue }
                if found.quality.score > (best?.result.quality.score ?? -1) { best = (index, found) }
            }
            if best == nil {
                let shown = examination.sides.filter { $0.page == page }.map(\.placement.outline)
                let othersHere = examination.otherZones.filter { $0.page == page }
                let found = othersHere.isEmpty
                    ? finder.find(other, of: model, on: GreyPage.of(examination.pages[page]), references: references,
                                  scaleFrom: result.placement, excluding: shown)
                    : ownSide(other, of: model, on: examination.pages[page], mrz: examination.zone, among: othersHere,
                              scaleFrom: result.placement, excluding: shown)
                if let found { best = (page, found) }
            }
            if let best {
                examination.sides.append(SideView(page: best.page, side: other.name, placement: best.result.placement, alignment: best.result.quality))
            }
        }
    }

    /// `side` of the document examined on an image that shows other documents' MRZs too (a
    /// family's cards photocopied front and back on one sheet), where which front is whose
    /// cannot be told from where it lies (beside its back, above it, in another row): each side
    /// of the model found there (as many as there are MRZs, none over an MRZ's side) is read
    /// against every MRZ, and the one whose print agrees with this document's MRZ on most
    /// fields, and on more than with any other MRZ, is this document's. A front that agrees with
    /// none (all its fields changed, or a third document's) is no one's: not examined here.
    func ownSide(_ side: Specimen.Side, of model: Specimen, on page: Examination.Page, mrz zone: MRZ.Zone?,
                 among others: [(page: Int, zone: MRZ.Zone, location: [Point])], scaleFrom hint: DocumentPlacement,
                 excluding shown: [[Point]]) -> SideAligner.Result? {
        guard let zone else { return nil }
        // The other documents' MRZ sides: a card's back shares its front's background pattern.
        var excluded = shown + others.compactMap { other in
            NominalMRZSide(format: other.zone.format)?.placement(mrzOutline: other.location)?.outline
        }
        var best: (result: SideAligner.Result, agreeing: Int)?
        for _ in 0...others.count {
            guard let found = finder.find(side, of: model, on: GreyPage.of(page), references: references, scaleFrom: hint,
                                          excluding: excluded) else { break }
            excluded.append(found.placement.outline)
            let own = VisualZoneStep.agreeingFields(side, of: model, on: page, placement: found.placement, mrz: zone)
            let theirs = others.map { VisualZoneStep.agreeingFields(side, of: model, on: page, placement: found.placement, mrz: $0.zone) }
            if own > theirs.max() ?? 0, own > (best?.agreeing ?? 0) { best = (found, own) }
        }
        return best?.result
    }
}
