import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Finds the portrait of a document whose model is not in the library, for the photo check
/// without a specimen (``PhotoRule``): a portrait glued onto the page sits turned against it, and
/// casts a shadow along its edges (or shows the margin of the portrait it covers), which a
/// portrait printed with the page does not.
///
/// The side that carries the MRZ (passports, TD2 documents, visas: the portrait is on it) is
/// placed by its paper edges, found near where the MRZ puts them (``DocumentOutline``): upright
/// that way, a printed portrait's straight sides run square to within 0.11° on the benchmark's
/// genuine documents, scanned or photographed at an angle. The portrait's outline is found
/// without the specimen (``PortraitOutlineFinder``); its straight sides (one at the least) must
/// agree on one turn — a rigid print. The largest rectangle is not always the print: a print
/// smaller than the portrait it covers leaves the old one's square outline around its own, and
/// the largest rectangle around a print often reaches to the text column beside it or below the
/// signature under it. So two rectangles inside the outline are judged too — the largest one and
/// the one whose edges step most and run straightest (a turn on a straight vertical and a
/// straight horizontal side) — and the most turned counts, the darkest seam of them all.
///
/// A TD1 card's portrait is on its front, another image without an MRZ: the card is found there
/// as the rectangle of ID-1 size at the back's scale with edges all round (``CardFrontLocator``),
/// then placed by its paper edges in the same way. Where no other image shows a card, the front
/// is looked for beside the back on the back's own image (a photocopy of both sides on one sheet).
///
/// Each straight side's dark band just outside it (``EdgeSeam``) is measured as well. Where the
/// paper's edges are not found (paper as light as the scanner's lid), the portrait is looked for
/// on the side as the MRZ (or the card's front locator) places it, and only its band is judged:
/// a turn needs the paper's edges. A portrait that fades into the page, a card front scanned at
/// another scale than its back: nothing found, nothing judged. A portrait found either way is
/// left out of the tampering map without a model (its own texture is no paste).
public struct PortraitWithoutModelStep: ExaminationStep {
    public let name = "portrait-without-model"
    var paper = DocumentOutline()
    var cardFront = CardFrontLocator()
    /// A card front's paper edges are searched only 0.75 mm inside the first guess, and a step at
    /// either end of the search does not count: the guess (``CardFrontLocator``) is within about
    /// half a millimetre, and a card's background pattern runs up to its edge — its lines, as
    /// dark as the step from a light card to a white lid, won over the paper's edge in a 1.5 mm
    /// band (one of the four edges not found on 17 of 80 fronts of the photo set, most of them
    /// with steps at the band's inner end). The MRZ side's guess is less sure: there the band
    /// stays 1.5 mm and a step at its end counts (dropping it lost 3 of 36 passports' prints).
    var cardPaper = DocumentOutline(inside: 0.75, keepsStepsAtEnds: false)
    var finder = PortraitOutlineFinder()
    /// Pixels per millimetre the side is looked at, and the fewest the image must have.
    var resolution = 8.0
    var minimumImageResolution = 5.9
    /// A side counts as straight from this share of its positions on its line.
    var minimumStraightness = PortraitOutline.straightShare
    /// The straight sides of one rigid print agree within this, degrees.
    var largestDisagreement = 0.3
    /// A side nearly straight (from this share of its positions on its line) does not measure
    /// the turn, but all such sides must agree within ``largestDisagreement``: a rigid print turns
    /// all its sides alike, while a placement sheared by a photograph's perspective turns the
    /// vertical sides only. On a genuine UTO-P-2014 table photograph (seed 9201, document 546)
    /// the portrait's sides ran −0.28° and −0.36° and its top, straight on 77% of it, square: a
    /// warning before. No glued print of the two photo sets (seed 9102 and the benchmark's) was
    /// lost; from 0.7 down, some were.
    var smallestStraightnessThatDisagrees = 0.75
    /// Straight sides needed for a turn. One is enough: on the benchmark's genuine documents a
    /// single straight side of a printed portrait runs square within 0.104° (38 card fronts), and
    /// most prints show only one (a pale background against pale paper, a face or shoulders at
    /// the border) — with two required, 4 of 30 card portraits found were judged.
    var fewestStraightSides = 1
    /// The turn of a rectangle found inside the portrait's outline (a print smaller than the one
    /// it covers, or a print inside a rectangle that takes in the text beside it) is judged only
    /// when a vertical and a horizontal side are straight: a rigid print turns both, a placement
    /// sheared by a photograph's perspective one of them only. It
    /// is a second guess inside a busy area: with any one straight side, a genuine UTO-P-2020
    /// table photograph (seed 9101 document 882) came to 0.298° on the inner rectangle's left
    /// side (its frame's left edge, 0.28° on the outline, whose top ran square), where the
    /// outline alone reaches 0.16° at most over 1,000 genuine documents; the prints it found on
    /// the two photo sets show both.
    var nestedNeedsBothOrientations = true
    /// Where the luminance shows no portrait's outline, it is searched on the tone, the
    /// luminance less this many times the chroma (``GreyPatch/init(paperToneOf:colourWeight:)``),
    /// and only its turn is judged; 0: luminance only.
    var outlineColourWeight: Float = 2
    /// How the dark band outside a straight side of the portrait is measured.
    var seams = EdgeSeam()
    /// A band counts only where the band across from it, when measured, is less than this share
    /// as dark (``deepestSeam(of:on:)``): a frame printed all round is no shadow.
    var largestOppositeSeamShare = 0.5

    public init() {}

    public func prepare(_ examination: inout Examination) {
        guard examination.model == nil else { return }
        examination.foundPortraits += find(examination)
    }

    /// The portraits found: on the side that carries the MRZ (passports, visas, TD2), or on a
    /// card's front, the other image of a TD1 document (``CardFrontLocator``). Where the paper's
    /// edges are not found, the portrait is looked for on the side as the MRZ (or the card's
    /// outline) places it, and only its seams are judged: its turn needs the paper's edges.
    func find(_ examination: Examination) -> [FoundPortrait] {
        guard let (side, geometry, nominal) = NominalMRZSide.placed(in: examination),
              examination.pages.indices.contains(geometry.page) else { return [] }
        let pixelsPerMillimetre = side.pixelsPerMillimetre(mrzOutline: geometry.location)
        guard pixelsPerMillimetre >= minimumImageResolution else { return [] }
        if side.carriesPortrait {
            let image = examination.pages[geometry.page].image
            let byPaper = paper.placement(on: image, nominal: nominal, side: side, resolution: resolution)
            // The side above the MRZ's zone.
            let box = searchedBox(of: side, reservingBelow: 16)
            return portrait(on: image, page: geometry.page, placement: byPaper ?? nominal, placedByPaper: byPaper != nil, box: box,
                            side: side, pixelsPerMillimetre: pixelsPerMillimetre).map { [$0] } ?? []
        }
        // A TD1 card: its portrait is on the front, another image of the same scan session (two
        // at the most are searched: a front and a second scan of it; the search costs up to
        // about a second on a hostile image, for each of upright and a quarter round; a noise
        // image of 16 card areas, 0.8 s in all). Where no other image shows a card, the MRZ's own is
        // searched beside the back (a photocopy of both sides on one sheet), unless another
        // document's MRZ lies there too (whose front is whose could not be told).
        var found: [FoundPortrait] = []
        var located = false
        func search(page: Int, excluding excluded: [[Point]]) {
            let image = examination.pages[page].image
            guard let coarse = cardFront.nominalPlacement(on: examination.pages[page], pixelsPerMillimetre: pixelsPerMillimetre, side: side,
                                                          excluding: excluded) else { return }
            located = true
            let byPaper = cardPaper.placement(on: image, nominal: coarse, side: side, resolution: resolution)
            let box = searchedBox(of: side, reservingBelow: 0)
            if let portrait = portrait(on: image, page: page, placement: byPaper ?? coarse, placedByPaper: byPaper != nil, box: box, side: side,
                                       pixelsPerMillimetre: pixelsPerMillimetre) {
                found.append(portrait)
            }
        }
        for page in examination.pages.indices.filter({ $0 != geometry.page }).prefix(2) { search(page: page, excluding: []) }
        if !located, !examination.otherZones.contains(where: { $0.page == geometry.page }) {
            search(page: geometry.page, excluding: [nominal.outline])
        }
        return found
    }

    /// Where the portrait is looked for on `side`: short of the paper's edges by `margin`
    /// millimetres (the edges' own steps are no portrait's), and above a zone `reserve`
    /// millimetres high at the bottom (the MRZ's, on the side that carries it).
    private func searchedBox(of side: NominalMRZSide, reservingBelow reserve: Double, margin: Double = 1.5) -> Specimen.Box {
        Specimen.Box(x: margin / side.widthMillimetres, y: margin / side.heightMillimetres,
                     width: 1 - 2 * margin / side.widthMillimetres,
                     height: (side.heightMillimetres - max(reserve, margin) - margin) / side.heightMillimetres)
    }

    /// The portrait inside `box` of the side as `placement` puts it, the turn its straight sides
    /// agree on (only when `placedByPaper`: the side placed by its paper edges) and its darkest
    /// seam; `pixelsPerMillimetre`: the image's, at the MRZ's scale.
    private func portrait(on image: Image, page: Int, placement: DocumentPlacement, placedByPaper: Bool, box: Specimen.Box, side: NominalMRZSide,
                          pixelsPerMillimetre: Double) -> FoundPortrait? {
        let width = Int(box.width * side.widthMillimetres * resolution), height = Int(box.height * side.heightMillimetres * resolution)
        let colour = AlignedSide(image: image, placement: placement).patch(box, width: width, height: height)
        let patch = GreyPatch(colour)
        // A print as light as the page around it shows its edges in colour only (a pink print on
        // a pale green guilloche): where the luminance shows no outline, the tone (luminance
        // less the chroma) is searched, and only the turn of what it finds is judged. Its
        // rectangles are less sure to be the portrait's: on ICAO's own Utopia specimen (a real
        // scan, a portrait on white fading into the white page) the tone found one whose top ran
        // just under the page's black rule, a "band" of 202 grey levels.
        var found = finder.find(in: patch, resolution: resolution)
        var seamsJudged = true
        if found == nil, outlineColourWeight > 0, colour.format == .rgb {
            found = finder.find(in: GreyPatch(paperToneOf: colour, colourWeight: outlineColourWeight), resolution: resolution)
            seamsJudged = false
        }
        guard let outlines = found else { return nil }
        // The most turned of the outlines, where a print sits inside the outline of the one it
        // covers, or inside a larger rectangle that takes in the text beside it.
        var outline = outlines.outer, turn = agreedTurn(of: outlines.outer, bothOrientations: false)
        var seam = deepestSeam(of: outlines.outer, on: patch)
        for inner in outlines.inside {
            if let innerTurn = agreedTurn(of: inner, bothOrientations: nestedNeedsBothOrientations), abs(innerTurn) > abs(turn ?? 0) {
                (outline, turn) = (inner, innerTurn)
            }
            // The darkest seam of them all.
            if let innerSeam = deepestSeam(of: inner, on: patch), innerSeam.depth > seam?.depth ?? -.infinity { seam = innerSeam }
        }
        func point(_ x: Double, _ y: Double) -> Point {
            placement.point(x: box.x + x / Double(width) * box.width, y: box.y + y / Double(height) * box.height)
        }
        let region = [point(outline.x, outline.y), point(outline.x + outline.width, outline.y),
                      point(outline.x + outline.width, outline.y + outline.height), point(outline.x, outline.y + outline.height)]
        // A turn is judged against the paper's edges only.
        return FoundPortrait(page: page, region: region, turnDegrees: placedByPaper ? turn : nil,
                             sideTurns: placedByPaper ? straightSides(of: outline) : [], pixelsPerMillimetre: pixelsPerMillimetre,
                             seam: seamsJudged ? seam : nil)
    }

    /// The darkest band just outside a straight side of `outline` (``EdgeSeam``) where the side
    /// across from it, when measured (straight too, its bands on the patch), shows less than
    /// ``largestOppositeSeamShare`` of it: a band all round is a printed frame, a shadow falls on
    /// the sides away from the light.
    func deepestSeam(of outline: PortraitOutline, on patch: GreyPatch) -> FoundPortrait.Seam? {
        var depths: [PortraitOutline.Side: Double] = [:]
        for side in PortraitOutline.Side.allCases where (outline.edge(side)?.straightness ?? 0) >= minimumStraightness {
            depths[side] = seams.depth(along: side, of: outline, on: patch, pixelsPerMillimetre: resolution)
        }
        var deepest: FoundPortrait.Seam?
        for side in PortraitOutline.Side.allCases {
            guard let depth = depths[side], depth > deepest?.depth ?? -.infinity else { continue }
            if let opposite = depths[side.opposite], opposite >= largestOppositeSeamShare * depth { continue }
            deepest = FoundPortrait.Seam(side: side.rawValue, depth: depth)
        }
        return deepest
    }

    /// The turns of `outline`'s straight sides, sorted.
    private func straightSides(of outline: PortraitOutline) -> [Double] {
        outline.sideTurns.filter { $0.straightness >= minimumStraightness }.map { $0.degrees }.sorted()
    }

    /// The turn `outline`'s straight sides agree on (their median); `nil` when none is straight
    /// (or, with `bothOrientations`, no vertical and no horizontal one), or when its nearly
    /// straight sides do not all agree within ``largestDisagreement`` (no rigid print).
    private func agreedTurn(of outline: PortraitOutline, bothOrientations: Bool) -> Double? {
        let straight = straightSides(of: outline)
        let nearlyStraight = outline.sideTurns.filter { $0.straightness >= smallestStraightnessThatDisagrees }.map(\.degrees)
        guard !straight.isEmpty, straight.count >= fewestStraightSides,
              let least = nearlyStraight.min(), let most = nearlyStraight.max(), most - least <= largestDisagreement else { return nil }
        if bothOrientations {
            let isStraight = { (edge: StraightEdge?) in (edge?.straightness ?? 0) >= minimumStraightness }
            guard isStraight(outline.left) || isStraight(outline.right), isStraight(outline.top) || isStraight(outline.bottom) else { return nil }
        }
        let middle = straight.count / 2
        return straight.count % 2 == 1 ? straight[middle] : (straight[middle - 1] + straight[middle]) / 2
    }
}
