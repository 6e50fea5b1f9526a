import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Photo substitution: a portrait printed separately and stuck over the photo zone.
///
/// Two physical traces, each read on the photo zone registered with the specimen's reference on
/// the static print around it:
/// - the security overprint that the reference shows crossing the photo's border (seal, lines,
///   pattern) is gone from inside the zone: something covers it;
/// - where the model has a ghost image, the ghost does not show the person of the main photo.
///
/// A photo zone imaged coarser than ``minimumPixelsPerMillimetre`` is not judged.
/// Without an identified model the portrait is looked for by its outline on the MRZ's side
/// (``PortraitWithoutModelStep``) and judged by two traces of a print stuck on: its edges turned
/// against the paper's, and a dark band along one of its edges, outside it (a shadow, or the
/// margin of the portrait it covers). That is a warning, not critical: no specimen confirms it.
public struct PhotoRule: IndicatorRule {
    public let name = "photo"
    public var comparesVisualFeatures: Bool { true }
    public let references: SpecimenReferences
    var registration = ZoneRegistration()
    var overprint = OverprintCheck()
    var ghost = GhostComparison()
    /// Without an identified model: a found portrait (``PortraitWithoutModelStep``) whose straight
    /// edges are turned this much against the paper's, degrees, is taken as stuck on. Printed
    /// portraits of 1,000 genuine documents (seed 9101, 448 judged) run square within 0.159°
    /// (standard deviation 0.042° where one side is straight).
    public var smallestTurnWithoutModel = 0.3
    /// …and this much where two or more straight sides agree on the turn on an image of at least
    /// ``finestTurnResolution`` pixels per millimetre (190 dpi): each side's fit errs apart from the
    /// other's (genuine: 0.113° at most on the 221 portraits of seed 9101 judged that way,
    /// standard deviation 0.031°). The paper's placement errs for all sides alike: on hard scans
    /// (158–167 dpi, JPEG 30–32, photographed on a table) two genuine portraits' sides agreed
    /// on −0.15° and −0.14°, so coarser images keep ``smallestTurnWithoutModel``.
    public var smallestTurnOnSeveralSides = 0.2
    public var finestTurnResolution = 7.5
    /// Without an identified model: a found portrait with a band this many grey levels darker
    /// than both the paper beyond it and the print inside, just outside one straight side and not
    /// the opposite one (``FoundPortrait/seam``), kept along three quarters of the side, is taken
    /// as stuck on. Genuine printed portraits show none: at most 1.1 grey levels over every
    /// outline judged (1,000 genuine documents of seed 9101, 600 of 9201, 200 hard scans of
    /// 8807); glued prints with a shadow reach 80 and more, and some 10–20 (a light shadow, a
    /// covered portrait's pale margin): 20 until 2026-11-27, 10 added 4 and 7 prints of 200
    /// (seeds 9102, 9103) with the genuine maximum unchanged, nine times under it.
    public var smallestSeamDepth = 10.0
    /// Finds a side without MRZ for inspectors that run this rule without the alignment step.
    var sideFinder = SideFinder()
    /// Registration the photo zone needs (fine-print correlation around it) before its inside is
    /// judged: below it the scan keeps too little fine print to tell a covered overprint.
    public var minimumRingCorrelation = 0.15
    /// Below this (correlation of the fine print in the band inside the zone's border with the
    /// reference's) the overprint the reference shows is taken as covered.
    public var overprintThreshold = 0.3
    /// …and below this fraction of the fine-print correlation around the zone (genuine scans keep
    /// at least 0.58 of it in the band, a covered band keeps little).
    public var overprintRingFraction = 0.35
    /// Below this the ghost image is taken as another person.
    public var ghostThreshold = 0.35
    /// Both below these together count too.
    public var doubtfulOverprint = 0.2
    public var doubtfulGhost = 0.55
    /// Image pixels per millimetre the photo zone needs before it is judged (160 dpi): coarser,
    /// blurred photos of a card lose the hairlines of the overprint inside the zone while keeping
    /// enough of the bolder print around it (four genuine residence permits photographed at about
    /// 136 dpi with JPEG 40–50, hard renders of seeds 8803 and 8804, came out "covered").
    public var minimumPixelsPerMillimetre = 6.3

    public init(references: SpecimenReferences) {
        self.references = references
    }

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let model = examination.model else { return judgedWithoutModel(examination) }
        guard let placement = MRZSidePlacement.placement(examination, model: model),
              let mrzPage = examination.mrzGeometry?.page, examination.pages.indices.contains(mrzPage) else { return [] }
        var indicators: [Indicator] = []
        for side in model.sides {
            guard let photoZone = side.zones(of: .photo).first, let reference = references.image(of: model, side: side) else { continue }
            guard let (page, sidePlacement) = locate(side, of: model, examination: examination, mrzPage: mrzPage, mrzPlacement: placement,
                                                     reference: reference) else { continue }
            let image = examination.pages[page].image
            let scale = AlignedSide(image: image, placement: sidePlacement).scale(at: photoZone.box)
            guard scale.x / model.size.widthMillimetres >= minimumPixelsPerMillimetre else { continue }
            let photoCut = registration.register(photoZone.box, side: side, image: image, placement: sidePlacement, reference: reference)
            guard let photo = photoCut, photo.ringCorrelation >= minimumRingCorrelation else { continue }
            let covered = overprint.measure(photo)
            var ghostScore: Double?
            if let ghostZone = side.zones(of: .ghostImage).first,
               let ghostCut = registration.register(ghostZone.box, side: side, image: image, placement: sidePlacement, reference: reference),
               ghostCut.ringCorrelation >= minimumRingCorrelation {
                ghostScore = ghost.similarity(photo: photo.questioned.cropped(photo.zone), ghost: ghostCut.questioned.cropped(ghostCut.zone))
            }
            var reasons: [String] = []
            var score = 1.0
            // A blurred or smoothed scan loses the fine print everywhere: the band must also fall
            // well below what the ring around the zone keeps.
            let overprintGone = covered.map { $0.correlation < overprintThreshold && $0.correlation < overprintRingFraction * photo.ringCorrelation } ?? false
            let ghostDiffers = ghostScore.map { $0 < ghostThreshold } ?? false
            // Each trace a little weak, both together: a faint overprint and an unconvincing ghost.
            let bothDoubtful = (covered.map { $0.correlation < doubtfulOverprint } ?? false) && (ghostScore.map { $0 < doubtfulGhost } ?? false)
            if overprintGone || bothDoubtful, let covered {
                reasons.append("the security print the specimen shows across the photo's border is missing inside it")
                score = min(score, max(0, covered.correlation))
            }
            if ghostDiffers || bothDoubtful, let ghostScore {
                reasons.append("the ghost image does not show the person of the main photo")
                score = min(score, max(0, ghostScore))
            }
            guard !reasons.isEmpty else { continue }
            indicators.append(Indicator(
                code: .photoSubstituted,
                message: "The portrait looks stuck over the photo zone: \(reasons.joined(separator: "; ")).",
                evidence: Indicator.Evidence(page: page, region: sidePlacement.region(of: photoZone.box), field: photoZone.id,
                                             expected: "the portrait printed with the document",
                                             observed: reasons.joined(separator: "; "), score: score)))
        }
        return indicators
    }

    /// The photo check without a specimen: the found portraits whose edges are turned, or that
    /// have a dark seam along one edge.
    private func judgedWithoutModel(_ examination: Examination) -> [Indicator] {
        examination.foundPortraits.compactMap { portrait in
            let surer = portrait.sideTurns.count >= 2 && portrait.pixelsPerMillimetre >= finestTurnResolution
            let smallestTurn = surer ? smallestTurnOnSeveralSides : smallestTurnWithoutModel
            var reasons: [String] = [], observed: [String] = [], expected: [String] = [], score = 1.0
            if let turn = portrait.turnDegrees, abs(turn) >= smallestTurn {
                let shown = (abs(turn) * 100).rounded() / 100
                reasons.append("its straight edges are turned \(shown)° against the paper's")
                observed.append("turned \(shown)°")
                expected.append("portrait edges square with the paper's (within \(smallestTurn)°)")
                score = min(score, max(0, 1 - abs(turn)))
            }
            if let seam = portrait.seam, seam.depth >= smallestSeamDepth {
                let depth = Int(seam.depth.rounded())
                reasons.append("a dark band runs just outside its \(seam.side) edge and not along the opposite one (the shadow "
                               + "of a print standing off the page, or the margin of a portrait it covers)")
                observed.append("a band \(depth) grey levels darker than the paper just outside the \(seam.side) edge")
                expected.append("no band darker than the paper just outside the portrait's edges (under \(Int(smallestSeamDepth)) grey levels)")
                score = min(score, max(0, 1 - seam.depth / 100))
            }
            guard !reasons.isEmpty else { return nil }
            return Indicator(
                code: .photoSubstituted, severity: .warning,
                message: "The portrait looks stuck onto the page: \(reasons.joined(separator: "; ")). A portrait printed with the "
                    + "document does not look like this (judged without a specimen: the model is not in the library).",
                evidence: Indicator.Evidence(page: portrait.page, region: portrait.region, field: "photo",
                                             expected: expected.joined(separator: "; "),
                                             observed: observed.joined(separator: "; "), score: score))
        }
    }

    /// The page showing `side` and the side's placement on it: the alignment step's where it
    /// aligned the side; else the MRZ's own when the photo is on the MRZ's side; else, only when no
    /// alignment step ran, the side found on another page by its reference.
    private func locate(_ side: Specimen.Side, of model: Specimen, examination: Examination, mrzPage: Int, mrzPlacement: DocumentPlacement,
                        reference: Image) -> (Int, DocumentPlacement)? {
        // The alignment step's view of the side, when it aligned it with the reference.
        if let view = examination.sides.first(where: { $0.side == side.name && $0.alignment.aligned }),
           examination.pages.indices.contains(view.page) {
            return (view.page, view.placement)
        }
        if side.name == model.mrzSide?.name { return (mrzPage, mrzPlacement) }
        // The alignment step looked for this side and did not find it: a cruder search of ours
        // is not trusted to judge it (it is for inspectors without that step).
        if !examination.sides.isEmpty { return nil }
        var best: (Int, SideAligner.Result)?
        for page in examination.pages.indices where page != mrzPage {
            if let found = sideFinder.find(side, of: model, on: GreyPage.of(examination.pages[page]), references: references, scaleFrom: mrzPlacement),
               found.quality.score > (best?.1.quality.score ?? -1) {
                best = (page, found)
            }
        }
        return best.map { ($0.0, $0.1.placement) }
    }
}
