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
        let cx0 = max(0, cell.0), cy0 = max(0, cell.1), cx1 = min(image.width, cell.2), cy1 = min(image.height, cell.3)
        guard cx1 > cx0, cy1 > cy0 else { return nil }
        let stride = image.stride
        let total = (cx1 - cx0) * (cy1 - cy0)
        // Every character of every candidate MRZ passes here: the loops below run over raw
        // buffers, the histogram lives on the stack, and the counts are branch-free.
        let (paper, ink): (Double, Double) = image.withUnsafeBytes { pixels in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { histogram in
                histogram.initialize(repeating: 0)
                for y in cy0..<cy1 {
                    let row = y * stride
                    for x in cx0..<cx1 { histogram[Int(pixels[row &+ x])] &+= 1 }
                }
                func percentile(_ p: Double) -> Double {
                    let target = Int(Double(total) * p)
                    var seen = 0
                    for value in 0..<256 {
                        seen += histogram[value]
                        if seen > target { return Double(value) }
                    }
                    return 255
                }
                return (percentile(0.85), percentile(0.03))
            }
        }
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
            rowInk.withUnsafeMutableBufferPointer { rowInk in
                for y in cy0..<cy1 {
                    var count = 0
                    let row = y * stride
                    for x in cx0..<cx1 { count &+= pixels[row &+ x] < cut ? 1 : 0 }
                    rowInk[y - cy0] = count
                }
            }
        }
        let bandHeight = bandBottom - bandTop
        let middle = (Int(bandTop + 0.3 * bandHeight) - cy0)...(Int(bandBottom - 0.3 * bandHeight) - cy0)
        guard let rows = GlyphFeatures.run(of: rowInk, touching: middle) else { return nil }
        var columnInk = [Int](repeating: 0, count: cellWidth)
        image.withUnsafeBytes { pixels in
            columnInk.withUnsafeMutableBufferPointer { columnInk in
                for y in (rows.lowerBound + cy0)...(rows.upperBound + cy0) {
                    let row = y * stride
                    for x in cx0..<cx1 { columnInk[x - cx0] &+= pixels[row &+ x] < cut ? 1 : 0 }
                }
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
        // 2×2 samples per grid cell, bilinear. A sample's x depends only on its grid column and
        // sub-column, its y only on the row: the 2·grid positions along each axis, their pixels,
        // weights and whether they fall in the box, are worked out once, not per sample.
        struct Axis {
            var low: [Int], high: [Int], fraction: [Double], inside: [Bool]
        }
        let step = 1 / fit
        func axis(centre: Double, last: Double, size: Int, boxLow: Int, boxHigh: Int, stride: Int) -> Axis {
            var result = Axis(low: [], high: [], fraction: [], inside: [])
            result.low.reserveCapacity(2 * grid); result.high.reserveCapacity(2 * grid)
            result.fraction.reserveCapacity(2 * grid); result.inside.reserveCapacity(2 * grid)
            for g in 0..<grid {
                for s in 0..<2 {
                    let position = centre + (Double(g) - Double(grid) / 2 + (Double(s) + 0.5) / 2) * step
                    let p = min(max(position - 0.5, 0), last)
                    let i0 = Int(p)
                    result.low.append(i0 * stride)
                    result.high.append(min(i0 + 1, size - 1) * stride)
                    result.fraction.append(p - Double(i0))
                    result.inside.append(position >= Double(boxLow) - 0.5 && position <= Double(boxHigh) + 0.5)
                }
            }
            return result
        }
        let xs = axis(centre: centreX, last: lastX, size: image.width, boxLow: box.x0, boxHigh: box.x1, stride: 1)
        let ys = axis(centre: centreY, last: lastY, size: image.height, boxLow: box.y0, boxHigh: box.y1, stride: image.stride)
        image.withUnsafeBytes { pixels in
            for gy in 0..<grid {
                for gx in 0..<grid {
                    var sum = 0.0
                    for sy in 0..<2 {
                        let j = 2 * gy + sy
                        guard ys.inside[j] else { continue }
                        let top = ys.low[j], bottom = ys.high[j], fy = ys.fraction[j]
                        for sx in 0..<2 {
                            let i = 2 * gx + sx
                            guard xs.inside[i] else { continue }
                            let left = xs.low[i], right = xs.high[i], fx = xs.fraction[i]
                            let a = Double(pixels[top + left]), b = Double(pixels[top + right])
                            let c = Double(pixels[bottom + left]), d = Double(pixels[bottom + right])
                            let upper: Double = a + (b - a) * fx
                            let lower: Double = c + (d - c) * fx
                            let value = upper + (lower - upper) * fy
                            sum += min(1, max(0, (paper - value) / contrast))
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
