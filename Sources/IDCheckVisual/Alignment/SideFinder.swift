import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Finds a side that carries no MRZ (a card's front) on its image, knowing the scale the MRZ side
/// was scanned at: the reference's static print, turned to each quarter turn of the MRZ side's
/// orientation, is slid over a coarse copy of the image and the best position is refined by
/// ``SideAligner``.
///
/// Assumes both sides were scanned alike (same resolution, orientation within a few degrees),
/// as a scanner or a desk camera does; a side turned by another angle is searched at the four
/// quarter turns, not at any angle. Both sides may lie on one image (a photocopy of a card's
/// front and back on one sheet): the side already found there is left out of the search.
public struct SideFinder: Sendable {
    /// Cells across the side's width on the coarse copy.
    var coarseSideWidth = 48.0
    /// A coarse fit this good is taken without trying the other quarter turns.
    var confidentScore: Float = 0.35
    public var aligner = SideAligner()

    public init() {}

    /// `side` of `specimen` on `image`, given the MRZ side's placement on its own image (for the
    /// scale and orientation); `nil` when nothing that looks like the side is found. `excluded`:
    /// outlines (image pixels) of sides already found on this image, which the side found must
    /// not overlap (their print is left out of the search: a card's back shares its front's
    /// background pattern).
    public func find(_ side: Specimen.Side, of specimen: Specimen, on image: Image, references: SpecimenReferences,
                     scaleFrom hint: DocumentPlacement, excluding excluded: [[Point]] = []) -> SideAligner.Result? {
        find(side, of: specimen, on: GreyPage(image), references: references, scaleFrom: hint, excluding: excluded)
    }

    func find(_ side: Specimen.Side, of specimen: Specimen, on page: GreyPage, references: SpecimenReferences,
              scaleFrom hint: DocumentPlacement, excluding excluded: [[Point]] = []) -> SideAligner.Result? {
        let image = page.original
        let h = hint.homography
        let centre = h.apply(Point(x: 0.5, y: 0.5))
        let ex = h.apply(Point(x: 0.6, y: 0.5)) - centre, ey = h.apply(Point(x: 0.5, y: 0.6)) - centre
        // Pixels per unit of relative x and y, along the side's axes (× 10 for the 0.1 steps above).
        let axisX = ex * 10, axisY = ey * 10
        let sideWidthPixels = axisX.length
        guard sideWidthPixels > 8, image.width > 8, image.height > 8 else { return nil }
        let factor = max(1.0, sideWidthPixels / coarseSideWidth)
        let gridWidth = max(8, Int((Double(image.width) / factor).rounded()))
        let gridHeight = max(8, Int((Double(image.height) / factor).rounded()))
        var pageGrid = StructureGrid(page: page, placement: Homography([Double(image.width), 0, 0, 0, Double(image.height), 0, 0, 0, 1]),
                                     width: gridWidth, height: gridHeight)
        if !excluded.isEmpty { SideFinder.blank(excluded, on: &pageGrid, imageWidth: image.width, imageHeight: image.height) }
        let referenceGridWidth = 96
        let referenceGridHeight = max(8, Int((Double(referenceGridWidth) / specimen.size.aspectRatio).rounded()))
        guard let referenceGrid = references.grid(of: specimen, side: side, width: referenceGridWidth, height: referenceGridHeight) else { return nil }
        let mask = StaticMask(side: side, width: referenceGridWidth, height: referenceGridHeight)
        var best: (score: Float, placement: Homography)?
        // The MRZ side's orientation first; the other quarter turns only when it does not fit.
        for quarter in 0..<4 where (best?.score ?? 0) < confidentScore {
            // The side's axes turned by `quarter` × 90° about its centre, in coarse cells.
            let turned = SideFinder.turn(axisX, axisY, quarter: quarter)
            let ax = turned.0 * (1 / factor), ay = turned.1 * (1 / factor)
            let template = Template(reference: referenceGrid, mask: mask, axisX: ax, axisY: ay)
            guard let found = template.bestPosition(on: pageGrid) else { continue }
            if found.score > (best?.score ?? -1) {
                // Relative → pixels: centre at the found position, axes as turned, back at full scale.
                let c = found.centre * factor
                let placement = Homography([turned.0.x, turned.1.x, c.x - 0.5 * turned.0.x - 0.5 * turned.1.x,
                                            turned.0.y, turned.1.y, c.y - 0.5 * turned.0.y - 0.5 * turned.1.y, 0, 0, 1])
                best = (found.score, placement)
            }
        }
        guard let best, best.score > 0.15 else { return nil }
        let result = aligner.align(page, with: specimen, side: side, references: references,
                                   initial: DocumentPlacement(best.placement, method: "search"))
        guard let result, result.quality.aligned, !SideFinder.overlaps(result.placement.outline, excluded) else { return nil }
        return result
    }

    /// Cells of `grid` (laid over the whole image) whose centre lies inside any of `outlines`
    /// (image pixels, each grown by a twentieth around its centre: a side's placement is that
    /// sure) are made flat paper: no print there to match.
    static func blank(_ outlines: [[Point]], on grid: inout StructureGrid, imageWidth: Int, imageHeight: Int) {
        let cellWidth = Double(imageWidth) / Double(max(1, grid.width)), cellHeight = Double(imageHeight) / Double(max(1, grid.height))
        let covered = outlines.map { $0.grown(by: 1.05) }.containCentres(ofColumns: grid.width, rows: grid.height, cellWidth: cellWidth, cellHeight: cellHeight)
        for index in covered.indices where covered[index] { grid.values[index] = 0 }
    }

    /// Whether the side at `outline` lies over one of `others`.
    static func overlaps(_ outline: [Point], _ others: [[Point]]) -> Bool {
        others.contains { outline.overlaps($0) }
    }

    /// The axes of a side turned by `quarter` quarter turns clockwise on the image.
    static func turn(_ x: Point, _ y: Point, quarter: Int) -> (Point, Point) {
        switch quarter % 4 {
        case 1: (Point(x: -x.y, y: x.x), Point(x: -y.y, y: y.x))
        case 2: (x * -1, y * -1)
        case 3: (Point(x: x.y, y: -x.x), Point(x: y.y, y: -y.x))
        default: (x, y)
        }
    }

    /// The reference's static print laid out on the page's coarse grid for one orientation: the
    /// cells it covers, relative to its centre, with their values.
    private struct Template {
        var offsets: [(dx: Int, dy: Int)] = []
        var values: [Float] = []
        var halfExtent: (x: Int, y: Int) = (0, 0)

        init(reference: StructureGrid, mask: StaticMask, axisX: Point, axisY: Point) {
            // Bounding box of the turned side around its centre, in coarse cells.
            let corners = [axisX * -0.5 + axisY * -0.5, axisX * 0.5 + axisY * -0.5, axisX * 0.5 + axisY * 0.5, axisX * -0.5 + axisY * 0.5]
            let ex = Int((corners.map { abs($0.x) }.max() ?? 0).rounded(.up)), ey = Int((corners.map { abs($0.y) }.max() ?? 0).rounded(.up))
            halfExtent = (ex, ey)
            // Inverse of the 2 × 2 axes matrix: page offset → relative offset.
            let det = axisX.x * axisY.y - axisY.x * axisX.y
            guard abs(det) > 1e-9 else { return }
            for dy in -ey...ey {
                for dx in -ex...ex {
                    let u = (axisY.y * Double(dx) - axisY.x * Double(dy)) / det + 0.5
                    let v = (-axisX.y * Double(dx) + axisX.x * Double(dy)) / det + 0.5
                    guard u >= 0, v >= 0, u < 1, v < 1 else { continue }
                    let gx = Int(u * Double(reference.width)), gy = Int(v * Double(reference.height))
                    guard mask.fraction(x: gx, y: gy, size: 1) > 0 else { continue }
                    offsets.append((dx, dy))
                    values.append(reference.values[gy * reference.width + gx])
                }
            }
        }

        /// The centre (coarse cells) where the template correlates best with `page`, and the correlation.
        func bestPosition(on page: StructureGrid) -> (centre: Point, score: Float)? {
            guard values.count > 50 else { return nil }
            let templateEnergy = values.reduce(0) { $0 + $1 * $1 }
            var best: (centre: Point, score: Float)?
            // The side may stick out of the image by a little (a tight crop), not by half.
            let marginX = halfExtent.x * 3 / 4, marginY = halfExtent.y * 3 / 4
            page.values.withUnsafeBufferPointer { grid in
                values.withUnsafeBufferPointer { t in
                    for cy in marginY..<max(marginY, page.height - marginY) {
                        for cx in marginX..<max(marginX, page.width - marginX) {
                            var dot: Float = 0, energy: Float = 0
                            for k in 0..<offsets.count {
                                let x = cx + offsets[k].dx, y = cy + offsets[k].dy
                                guard x >= 0, y >= 0, x < page.width, y < page.height else { continue }
                                let p = grid[y * page.width + x]
                                dot += p * t[k]
                                energy += p * p
                            }
                            guard energy > 0 else { continue }
                            let score = dot / (energy * templateEnergy).squareRoot()
                            if score > (best?.score ?? -1) { best = (Point(x: Double(cx) + 0.5, y: Double(cy) + 0.5), score) }
                        }
                    }
                }
            }
            return best
        }
    }
}
