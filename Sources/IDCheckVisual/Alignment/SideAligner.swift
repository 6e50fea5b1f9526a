import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Aligns an image of a document side with a model's specimen side: starting from the placement
/// the MRZ gives, blocks of the side that every document of the model prints alike (background
/// pattern, titles, labels, emblem) are found on the image by correlation, and a homography fitted
/// to where they are; the result is scored by how much the aligned image looks like the reference.
///
/// The same measure tells a document printed on another model's layout: its pattern and labels do
/// not correlate with the claimed model's reference, but with the other's.
public struct SideAligner: Sendable {
    /// Grid cells across the side's width.
    public var gridWidth = 240
    /// Block size and spacing of the correspondences, in grid cells.
    var blockSize = 16
    var blockStep = 12
    /// Furthest a block is searched from where the MRZ estimate puts it, in grid cells.
    var searchRadius = 8
    /// Correlation a block needs to count as found.
    var minimumBlockCorrelation: Float = 0.35
    /// How the correction is fitted to the blocks found.
    var consensus = ConsensusFit()

    public init() {}

    /// What aligning one image with one model side gave.
    public struct Result: Sendable {
        public var placement: DocumentPlacement
        public var quality: AlignmentQuality
    }

    /// Aligns `image` with `side` of `specimen` (its reference image from `references`), starting
    /// from `initial` (the MRZ estimate).
    /// `nil` when the side has no readable reference image.
    public func align(_ image: Image, with specimen: Specimen, side: Specimen.Side, references: SpecimenReferences,
                      initial: DocumentPlacement) -> Result? {
        align(GreyPage(image), with: specimen, side: side, references: references, initial: initial)
    }

    func align(_ page: GreyPage, with specimen: Specimen, side: Specimen.Side, references: SpecimenReferences,
               initial: DocumentPlacement) -> Result? {
        let gridHeight = max(8, Int((Double(gridWidth) / specimen.size.aspectRatio).rounded()))
        guard let referenceGrid = references.grid(of: specimen, side: side, width: gridWidth, height: gridHeight) else { return nil }
        let staticCells = StaticMask(side: side, width: gridWidth, height: gridHeight)
        var placement = initial.homography
        var matches: [(reference: Point, found: Point)] = []
        var residual: Double?
        // Two rounds: the first corrects most of the MRZ estimate's error, the second refines.
        for _ in 0..<2 {
            let grid = StructureGrid(page: page, placement: placement, width: gridWidth, height: gridHeight)
            matches = correspondences(grid, referenceGrid, staticCells)
            guard matches.count >= consensus.fewestMatches, let (correction, rms) = fitCorrection(matches, gridWidth: gridWidth, gridHeight: gridHeight) else { break }
            placement = placement.after(correction)
            residual = rms
        }
        let grid = StructureGrid(page: page, placement: placement, width: gridWidth, height: gridHeight)
        let scores = similarity(grid, referenceGrid, staticCells)
        // Residual in image pixels: grid cells times the image's pixels per cell.
        let cell = (placement.apply(Point(x: 0.5 + 1 / Double(gridWidth), y: 0.5)) - placement.apply(Point(x: 0.5, y: 0.5))).length
        let aligned = residual != nil && matches.count >= consensus.fewestMatches
        let quality = AlignmentQuality(aligned: aligned, score: scores.overall, residualPixels: residual.map { $0 * cell },
                                       method: aligned ? "mrz+reference" : "mrz", zoneSimilarity: scores.byKind,
                                       colourDistance: colourDistance(page, placement, specimen, side, references))
        return Result(placement: DocumentPlacement(placement, method: quality.method), quality: quality)
    }

    /// How far the side's colours are from the reference's (median chromaticity distance over the
    /// static cells); `nil` for a grey image.
    private func colourDistance(_ page: GreyPage, _ placement: Homography, _ specimen: Specimen, _ side: Specimen.Side,
                                _ references: SpecimenReferences) -> Double? {
        guard page.original.format == .rgb else { return nil }
        let height = max(4, Int((Double(ChromaticityGrid.width) / specimen.size.aspectRatio).rounded()))
        guard let reference = references.chromaticity(of: specimen, side: side, height: height) else { return nil }
        let questioned = ChromaticityGrid(image: page.original, placement: placement, height: height)
        return questioned.distance(to: reference, mask: StaticMask(side: side, width: ChromaticityGrid.width, height: height))
    }

    /// Blocks of the reference found on the questioned grid: reference block centre ↔ where it is.
    private func correspondences(_ grid: StructureGrid, _ reference: StructureGrid, _ mask: StaticMask) -> [(reference: Point, found: Point)] {
        var result: [(reference: Point, found: Point)] = []
        var y = 0
        while y + blockSize <= grid.height {
            var x = 0
            while x + blockSize <= grid.width {
                defer { x += blockStep }
                guard mask.fraction(x: x, y: y, size: blockSize) >= 0.8, grid.coverage(x: x, y: y, size: blockSize) >= 0.9 else { continue }
                // Coarse search on a 2-cell lattice, then the neighbours of the best.
                var best: (dx: Int, dy: Int, c: Float)?
                for dy in stride(from: -searchRadius, through: searchRadius, by: 2) {
                    for dx in stride(from: -searchRadius, through: searchRadius, by: 2) {
                        if let c = grid.correlation(with: reference, x: x, y: y, dx: dx, dy: dy, size: blockSize), c > (best?.c ?? -1) {
                            best = (dx, dy, c)
                        }
                    }
                }
                guard let coarse = best else { continue }
                for dy in coarse.dy - 1...coarse.dy + 1 {
                    for dx in coarse.dx - 1...coarse.dx + 1 where dx != coarse.dx || dy != coarse.dy {
                        if let c = grid.correlation(with: reference, x: x, y: y, dx: dx, dy: dy, size: blockSize), c > (best?.c ?? -1) {
                            best = (dx, dy, c)
                        }
                    }
                }
                guard let found = best, found.c >= minimumBlockCorrelation else { continue }
                // Sub-cell position from a parabola through the neighbours along each axis.
                func offset(_ minus: Float?, _ centre: Float, _ plus: Float?) -> Double {
                    guard let m = minus, let p = plus else { return 0 }
                    let denominator = m - 2 * centre + p
                    guard denominator < -1e-6 else { return 0 }
                    return Double(max(-0.5, min(0.5, 0.5 * (m - p) / denominator)))
                }
                let ox = offset(grid.correlation(with: reference, x: x, y: y, dx: found.dx - 1, dy: found.dy, size: blockSize), found.c,
                                grid.correlation(with: reference, x: x, y: y, dx: found.dx + 1, dy: found.dy, size: blockSize))
                let oy = offset(grid.correlation(with: reference, x: x, y: y, dx: found.dx, dy: found.dy - 1, size: blockSize), found.c,
                                grid.correlation(with: reference, x: x, y: y, dx: found.dx, dy: found.dy + 1, size: blockSize))
                let centre = Point(x: Double(x) + Double(blockSize) / 2, y: Double(y) + Double(blockSize) / 2)
                result.append((centre, Point(x: centre.x + Double(found.dx) + ox, y: centre.y + Double(found.dy) + oy)))
            }
            y += blockStep
        }
        return result
    }

    /// The homography of relative side coordinates that moves the reference's blocks to where
    /// they were found, the one most of them agree with (``ConsensusFit``: blocks of a repeating
    /// pattern matched a period away are many on some scans); and the agreeing matches' RMS error
    /// in grid cells.
    private func fitCorrection(_ matches: [(reference: Point, found: Point)], gridWidth: Int, gridHeight: Int) -> (Homography, Double)? {
        let toRelative = Homography([1 / Double(gridWidth), 0, 0, 0, 1 / Double(gridHeight), 0, 0, 0, 1])
        guard let toGrid = toRelative.inverse,
              let (final, agreeing) = consensus.fit(matches.map(\.reference), to: matches.map(\.found)) else { return nil }
        let squares = agreeing.reduce(0.0) { sum, index in
            let error = (final.apply(matches[index].reference) - matches[index].found).length
            return sum + error * error
        }
        let rms = (squares / Double(agreeing.count)).squareRoot()
        // A correction of grid positions, expressed on relative coordinates.
        return (toRelative.after(final).after(toGrid), rms)
    }

    /// Median block correlation at zero shift over the static cells, overall and per zone kind.
    private func similarity(_ grid: StructureGrid, _ reference: StructureGrid, _ mask: StaticMask) -> (overall: Double, byKind: [String: Double]) {
        var all: [Float] = []
        var byKind: [String: [Float]] = [:]
        var y = 0
        while y + blockSize <= grid.height {
            var x = 0
            while x + blockSize <= grid.width {
                defer { x += blockStep }
                guard mask.fraction(x: x, y: y, size: blockSize) >= 0.8, grid.coverage(x: x, y: y, size: blockSize) >= 0.9,
                      let c = grid.correlation(with: reference, x: x, y: y, dx: 0, dy: 0, size: blockSize) else { continue }
                all.append(c)
                if let kind = mask.kind(x: x + blockSize / 2, y: y + blockSize / 2) { byKind[kind, default: []].append(c) }
            }
            y += blockStep
        }
        func median(_ values: [Float]) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            return Double(max(0, sorted[sorted.count / 2]))
        }
        return (median(all), byKind.mapValues(median))
    }
}
