import IDCheckForensics
import IDCheckImaging
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
        guard let result = aligner.align(examination.pages[page].image, with: model, side: side, references: references, initial: placement) else {
            examination.alignment = AlignmentQuality(aligned: false, score: 0, method: "mrz (no reference image)")
            return
        }
        examination.alignment = result.quality
        if result.quality.aligned { examination.placement = result.placement }
        examination.sides = [SideView(page: page, side: side.name, placement: examination.placement ?? placement, alignment: result.quality)]
        guard result.quality.aligned else { return }
        // The model's other sides (a card's front) on the other images; where none shows it, on
        // the MRZ side's own image (a photocopy of both sides on one sheet), beside that side,
        // unless another document's MRZ lies there too.
        for other in model.sides where other.name != side.name {
            var best: (page: Int, result: SideAligner.Result)?
            for index in examination.pages.indices where index != page && !examination.sides.contains(where: { $0.page == index }) {
                guard let found = finder.find(other, of: model, on: examination.pages[index].image, references: references,
                                              scaleFrom: result.placement) else { continue }
                if found.quality.score > (best?.result.quality.score ?? -1) { best = (index, found) }
            }
            // Not beside another document's MRZ: on a sheet of several cards, which front is
            // whose cannot be told from where it lies.
            if best == nil, !examination.otherZones.contains(where: { $0.page == page }) {
                let shown = examination.sides.filter { $0.page == page }.map(\.placement.outline)
                if let found = finder.find(other, of: model, on: examination.pages[page].image, references: references,
                                           scaleFrom: result.placement, excluding: shown) {
                    best = (page, found)
                }
            }
            if let best {
                examination.sides.append(SideView(page: best.page, side: other.name, placement: best.result.placement, alignment: best.result.quality))
            }
        }
    }
}
