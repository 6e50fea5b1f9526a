import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// The paper's own four edges around the side that carries the MRZ, found near where the MRZ puts
/// them: they give the side's placement as a homography, free of the perspective of a photograph
/// and of a scanner's shear, which the MRZ alone (a strip at the bottom) cannot fix far above it.
///
/// Each edge is a change of tone (paper against the scanner's lid or a table) that runs straight
/// along most of the side; where one of the four is not found (paper as light as the lid, a
/// document cut off by the image), there is no placement.
struct DocumentOutline: Sendable {
    /// The side is looked at with this many millimetres around it…
    var margin = 8.0
    /// …and each edge searched this far outside and inside its nominal place (the nominal side
    /// is off by a millimetre or two; the print inside the paper must not be taken for its edge).
    var outside = 4.5
    var inside = 1.5
    /// Share of the edge's positions on its line.
    var minimumStraightness = 0.7
    /// Share of the edge's positions whose search window lies on the image.
    var minimumShareOnImage = 0.6
    /// Whether a step at either end of an edge's search counts: where the guess is close, one
    /// there is more likely the flank of something beyond (a card's pattern just inside its edge).
    var keepsStepsAtEnds = true

    /// The side's placement (relative side coordinates → image pixels) from its paper edges seen
    /// through `nominal`, at `resolution` pixels per millimetre; `nil` when an edge is not found.
    func placement(on image: Image, nominal: DocumentPlacement, side: NominalMRZSide, resolution: Double) -> DocumentPlacement? {
        let width = side.widthMillimetres, height = side.heightMillimetres
        let frame = Specimen.Box(x: -margin / width, y: -margin / height, width: 1 + 2 * margin / width, height: 1 + 2 * margin / height)
        let pixelsWide = Int((width + 2 * margin) * resolution), pixelsHigh = Int((height + 2 * margin) * resolution)
        // The paper must be on the image. An image border would make a straight edge of its own,
        // so where the search's window would reach past it (a document near the border) those
        // positions are not searched; an edge keeps most of its positions or is not found.
        func onImage(_ point: Point) -> Bool {
            point.x >= 1 && point.y >= 1 && point.x < Double(image.width - 1) && point.y < Double(image.height - 1)
        }
        guard nominal.region(of: Specimen.Box(x: 0, y: 0, width: 1, height: 1)).allSatisfy(onImage) else { return nil }
        /// Patch pixels → relative side coordinates of the nominal placement → image pixels.
        func imagePoint(_ u: Double, _ v: Double) -> Point {
            nominal.point(x: frame.x + u / Double(pixelsWide) * frame.width, y: frame.y + v / Double(pixelsHigh) * frame.height)
        }
        /// Whether the patch's rectangle from (u0, v0) to (u1, v1) lies on the image (its corners
        /// do: the map keeps it convex).
        func patchOnImage(_ u0: Double, _ v0: Double, _ u1: Double, _ v1: Double) -> Bool {
            [(u0, v0), (u1, v0), (u1, v1), (u0, v1)].allSatisfy { u, v in onImage(imagePoint(u, v)) }
        }
        let patch = GreyPatch(AlignedSide(image: image, placement: nominal).patch(frame, width: pixelsWide, height: pixelsHigh, fill: 0))
        let left = margin * resolution, right = (margin + width) * resolution
        let top = margin * resolution, bottom = (margin + height) * resolution
        let out = Int(outside * resolution), into = Int(inside * resolution)
        // Corners left out: rounded on cards and passports alike.
        let skip = 5 * resolution
        func edge(vertical: Bool, at position: Double, outwards: Bool, from start: Double, to end: Double) -> StraightEdge? {
            let search = StraightEdge.Search(strip: 6, before: outwards ? into : out, after: outwards ? out : into, width: 5,
                                             keepsStepsAtEnds: keepsStepsAtEnds)
            let low = position - Double(search.before + search.width + 1), high = position + Double(search.after + search.width + 1)
            let found = StraightEdge.steps(in: patch, vertical: vertical, expected: position, from: start, to: end, search: search)
            let half = Double(search.strip) / 2
            func windowOnImage(_ along: Double) -> Bool {
                vertical ? patchOnImage(low, along - half, high, along + half) : patchOnImage(along - half, low, along + half, high)
            }
            let points = found.filter { windowOnImage($0.along) }
            let positions = Swift.stride(from: start + half, to: end - half, by: Double(search.strip)).map { $0 }
            guard Double(positions.filter(windowOnImage).count) >= minimumShareOnImage * Double(positions.count),
                  let line = StraightEdge.fitted(points, tolerance: 1.5), line.straightness >= minimumStraightness else { return nil }
            return line
        }
        guard let leftEdge = edge(vertical: true, at: left, outwards: false, from: top + skip, to: bottom - skip),
              let rightEdge = edge(vertical: true, at: right, outwards: true, from: top + skip, to: bottom - skip),
              let topEdge = edge(vertical: false, at: top, outwards: false, from: left + skip, to: right - skip),
              let bottomEdge = edge(vertical: false, at: bottom, outwards: true, from: left + skip, to: right - skip)
        else { return nil }
        // Corners in patch pixels: x = a + b·y on a vertical edge, y = c + d·x on a horizontal one.
        func corner(_ vertical: StraightEdge, _ horizontal: StraightEdge) -> Point? {
            let denominator = 1 - vertical.slope * horizontal.slope
            guard abs(denominator) > 1e-9 else { return nil }
            let x = (vertical.offset + vertical.slope * horizontal.offset) / denominator
            return Point(x: x, y: horizontal.offset + horizontal.slope * x)
        }
        guard let topLeft = corner(leftEdge, topEdge), let topRight = corner(rightEdge, topEdge),
              let bottomRight = corner(rightEdge, bottomEdge), let bottomLeft = corner(leftEdge, bottomEdge) else { return nil }
        let imageCorners = [topLeft, topRight, bottomRight, bottomLeft].map { imagePoint($0.x, $0.y) }
        let corners = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]
        guard let homography = Homography.mapping(corners, to: imageCorners) else { return nil }
        return DocumentPlacement(homography, method: "paper-edges")
    }
}
