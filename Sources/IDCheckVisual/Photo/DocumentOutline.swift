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

    /// The side's placement (relative side coordinates → image pixels) from its paper edges seen
    /// through `nominal`, at `resolution` pixels per millimetre; `nil` when an edge is not found.
    func placement(on image: Image, nominal: DocumentPlacement, side: NominalMRZSide, resolution: Double) -> DocumentPlacement? {
        let width = side.widthMillimetres, height = side.heightMillimetres
        let frame = Specimen.Box(x: -margin / width, y: -margin / height, width: 1 + 2 * margin / width, height: 1 + 2 * margin / height)
        let pixelsWide = Int((width + 2 * margin) * resolution), pixelsHigh = Int((height + 2 * margin) * resolution)
        // The paper and the ground around it must be on the image, as far as the search reaches
        // (the tone step's window reaches a millimetre past `outside`): an image border would make
        // a straight edge of its own.
        let reach = outside + 1
        let searched = Specimen.Box(x: -reach / width, y: -reach / height, width: 1 + 2 * reach / width, height: 1 + 2 * reach / height)
        guard nominal.region(of: searched).allSatisfy({ $0.x >= 0 && $0.y >= 0 && $0.x < Double(image.width) && $0.y < Double(image.height) })
        else { return nil }
        let patch = GreyPatch(AlignedSide(image: image, placement: nominal).patch(frame, width: pixelsWide, height: pixelsHigh, fill: 0))
        let left = margin * resolution, right = (margin + width) * resolution
        let top = margin * resolution, bottom = (margin + height) * resolution
        let out = Int(outside * resolution), into = Int(inside * resolution)
        // Corners left out: rounded on cards and passports alike.
        let skip = 5 * resolution
        func edge(vertical: Bool, at position: Double, outwards: Bool, from start: Double, to end: Double) -> StraightEdge? {
            let search = StraightEdge.Search(strip: 6, before: outwards ? into : out, after: outwards ? out : into, width: 5)
            let points = StraightEdge.steps(in: patch, vertical: vertical, expected: position, from: start, to: end, search: search)
            guard let line = StraightEdge.fitted(points, tolerance: 1.5), line.straightness >= minimumStraightness else { return nil }
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
        // Patch pixels → relative side coordinates of the nominal placement → image pixels.
        let onImage = [topLeft, topRight, bottomRight, bottomLeft].map { point in
            nominal.point(x: frame.x + point.x / Double(pixelsWide) * frame.width, y: frame.y + point.y / Double(pixelsHigh) * frame.height)
        }
        let corners = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]
        guard let homography = Homography.mapping(corners, to: onImage) else { return nil }
        return DocumentPlacement(homography, method: "paper-edges")
    }
}
