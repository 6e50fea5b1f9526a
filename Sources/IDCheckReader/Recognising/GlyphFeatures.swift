import IDCheckImaging

/// What the recogniser compares about one character: its ink, resampled to a fixed grid after
/// fitting its bounding box, and where that box sits in the line.
///
/// The same extraction runs on the OCR-B renderings the glyph models are derived from
/// (`scripts/generate-glyph-models`) and on scanned characters, so the two always match.
public struct GlyphFeatures: Sendable {
    /// Side of the square grid the ink is resampled to.
    public static let gridSize = 16
    /// Number of values in ``shape``.
    public static let shapeCount = gridSize * gridSize

    /// Ink coverage on the grid, centred to zero mean and scaled to unit length: a dot product of
    /// two shapes is their correlation.
    public var shape: [Float]
    /// Width over height of the ink box (0 I is narrow, M W wide).
    public var aspect: Float
    /// Height of the ink box over the line's height (the filler `<` is short).
    public var relativeHeight: Float
    /// Centre of the ink box between the line's top (0) and bottom (1).
    public var relativeCentre: Float

    /// The ink's bounding box in image pixels (x1, y1 exclusive).
    public var box: (x0: Int, y0: Int, x1: Int, y1: Int)

    /// Extracts features from the character slot `cell` (x0, y0, x1, y1) of the grey `image`, on
    /// a line whose characters span rows `bandTop` to `bandBottom`. `nil` when the slot has no ink.
    public init?(image: Image, cell: (Int, Int, Int, Int), bandTop: Double, bandBottom: Double) {
        guard image.format == .gray, bandBottom > bandTop else { return nil }
        // Background and ink levels from the cell: the paper is the bright part, the ink the dark.
        var histogram = [Int](repeating: 0, count: 256)
        let cx0 = max(0, cell.0), cy0 = max(0, cell.1), cx1 = min(image.width, cell.2), cy1 = min(image.height, cell.3)
        guard cx1 > cx0, cy1 > cy0 else { return nil }
        var total = 0
        image.withUnsafeBytes { pixels in
            for y in cy0..<cy1 {
                for x in cx0..<cx1 { histogram[Int(pixels[y * image.stride + x])] += 1 }
            }
        }
        total = (cx1 - cx0) * (cy1 - cy0)
        func percentile(_ p: Double) -> Double {
            let target = Int(Double(total) * p)
            var seen = 0
            for value in 0..<256 {
                seen += histogram[value]
                if seen > target { return Double(value) }
            }
            return 255
        }
        let paper = percentile(0.85), ink = percentile(0.03)
        guard paper - ink >= 24 else { return nil }
        let contrast = paper - ink
        // The ink box: pixels darker than half-way between paper and ink. Only the ink that
        // belongs to this line counts: the rows of ink around the middle of the line, then the
        // columns of ink around the middle of the slot, so that a signature above, a document
        // edge below or a neighbour's stroke at the side does not stretch the box.
        let cut = UInt8(max(0, min(255, paper - 0.5 * contrast)))
        let cellWidth = cx1 - cx0, cellHeight = cy1 - cy0
        var rowInk = [Int](repeating: 0, count: cellHeight)
        image.withUnsafeBytes { pixels in
            for y in cy0..<cy1 {
                var count = 0
                for x in cx0..<cx1 where pixels[y * image.stride + x] < cut { count += 1 }
                rowInk[y - cy0] = count
            }
        }
        let bandHeight = bandBottom - bandTop
        let middle = (Int(bandTop + 0.3 * bandHeight) - cy0)...(Int(bandBottom - 0.3 * bandHeight) - cy0)
        guard let rows = GlyphFeatures.run(of: rowInk, touching: middle) else { return nil }
        var columnInk = [Int](repeating: 0, count: cellWidth)
        image.withUnsafeBytes { pixels in
            for y in (rows.lowerBound + cy0)...(rows.upperBound + cy0) {
                for x in cx0..<cx1 where pixels[y * image.stride + x] < cut { columnInk[x - cx0] += 1 }
            }
        }
        guard let columns = GlyphFeatures.run(of: columnInk, touching: (cellWidth / 4)...(max(cellWidth / 4, cellWidth * 3 / 4 - 1))) else {
            return nil
        }
        let minX = columns.lowerBound + cx0, maxX = columns.upperBound + cx0
        let minY = rows.lowerBound + cy0, maxY = rows.upperBound + cy0
        let box = (x0: minX, y0: minY, x1: maxX + 1, y1: maxY + 1)
        self.box = box

        let boxWidth = Double(box.x1 - box.x0), boxHeight = Double(box.y1 - box.y0)
        let grid = GlyphFeatures.gridSize
        let fit = Double(grid - 2) / max(boxWidth, boxHeight)
        let centreX = Double(box.x0 + box.x1) / 2, centreY = Double(box.y0 + box.y1) / 2
        var shape = [Float](repeating: 0, count: grid * grid)
        let lastX = Double(image.width - 1), lastY = Double(image.height - 1)
        image.withUnsafeBytes { pixels in
            func sample(_ x: Double, _ y: Double) -> Double {
                let px = min(max(x - 0.5, 0), lastX), py = min(max(y - 0.5, 0), lastY)
                let x0 = Int(px), y0 = Int(py)
                let x1 = min(x0 + 1, image.width - 1), y1 = min(y0 + 1, image.height - 1)
                let fx = px - Double(x0), fy = py - Double(y0)
                let a = Double(pixels[y0 * image.stride + x0]), b = Double(pixels[y0 * image.stride + x1])
                let c = Double(pixels[y1 * image.stride + x0]), d = Double(pixels[y1 * image.stride + x1])
                let top: Double = a + (b - a) * fx
                let bottom: Double = c + (d - c) * fx
                return top + (bottom - top) * fy
            }
            let step = 1 / fit
            for gy in 0..<grid {
                for gx in 0..<grid {
                    // Average 2×2 samples over the grid cell's footprint.
                    var sum = 0.0
                    for sy in 0..<2 {
                        for sx in 0..<2 {
                            let x = centreX + (Double(gx) - Double(grid) / 2 + (Double(sx) + 0.5) / 2) * step
                            let y = centreY + (Double(gy) - Double(grid) / 2 + (Double(sy) + 0.5) / 2) * step
                            let inside = x >= Double(box.x0) - 0.5 && x <= Double(box.x1) + 0.5
                                && y >= Double(box.y0) - 0.5 && y <= Double(box.y1) + 0.5
                            sum += inside ? min(1, max(0, (paper - sample(x, y)) / contrast)) : 0
                        }
                    }
                    shape[gy * grid + gx] = Float(sum / 4)
                }
            }
        }
        GlyphFeatures.normalise(&shape)
        self.shape = shape
        aspect = Float(boxWidth / boxHeight)
        relativeHeight = Float(boxHeight / bandHeight)
        relativeCentre = Float((centreY - bandTop) / bandHeight)
    }

    public init(shape: [Float], aspect: Float, relativeHeight: Float, relativeCentre: Float) {
        self.box = (0, 0, 0, 0)
        self.shape = shape
        self.aspect = aspect
        self.relativeHeight = relativeHeight
        self.relativeCentre = relativeCentre
    }

    /// The stretch of non-zero entries (gaps of one allowed) that overlaps `core`, widened to
    /// every such stretch that does; `nil` when none does.
    static func run(of profile: [Int], touching core: ClosedRange<Int>) -> ClosedRange<Int>? {
        var best: ClosedRange<Int>?
        var index = 0
        while index < profile.count {
            guard profile[index] > 0 else { index += 1; continue }
            var end = index
            while end + 1 < profile.count, profile[end + 1] > 0 || (end + 2 < profile.count && profile[end + 2] > 0) { end += 1 }
            if end >= core.lowerBound, index <= core.upperBound {
                best = best.map { min($0.lowerBound, index)...max($0.upperBound, end) } ?? index...end
            }
            index = end + 1
        }
        return best
    }

    /// Zero mean, unit length (a blank stays all zero).
    static func normalise(_ values: inout [Float]) {
        let mean = values.reduce(0, +) / Float(values.count)
        var length: Float = 0
        for i in values.indices {
            values[i] -= mean
            length += values[i] * values[i]
        }
        length = length.squareRoot()
        if length > 1e-6 { for i in values.indices { values[i] /= length } }
    }
}
