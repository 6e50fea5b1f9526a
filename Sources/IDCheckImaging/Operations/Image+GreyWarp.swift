extension Image {
    /// Fractional bits of the bilinear weights in ``warpedGrey(width:height:mapping:fill:)``.
    static let warpWeightBits = 12
    /// Fractional bits of the source positions stepped along a row there.
    static let warpPositionBits = 32
    /// Output pixels between two source positions computed exactly through a homography; the
    /// ones between are stepped linearly.
    static let warpSpan = 8

    /// The same cut as ``warped(width:height:mapping:fill:)`` for a grey image, written for
    /// speed: the reader cuts every MRZ out of the page through a homography, and that cut was the
    /// largest single cost of a read.
    ///
    /// Along a row of the output the source position is stepped in fixed point (32 fractional
    /// bits): exactly where the map is affine; through a homography it is computed exactly every
    /// ``warpSpan`` pixels and stepped linearly between, which is off by far less than a
    /// thousandth of a pixel for the mild perspective of a photographed document. The bilinear
    /// interpolation runs in integers with 12-bit weights and rounds by a shift, not by
    /// `rounded()` (a libm call per pixel). The result differs from the Double interpolation by
    /// at most one grey level, and only where the exact value lies within a small fraction of a
    /// half-level.
    public func warpedGrey(width: Int, height: Int, mapping: Homography, fill: UInt8 = 255) -> Image {
        guard format == .gray else { return warped(width: width, height: height, mapping: mapping, fill: fill) }
        var result = Image(width: width, height: height, format: .gray, fill: fill)
        guard width > 0, height > 0, !isEmpty, mapping.m.count == 9 else { return result }
        let m = mapping.m
        let affine = m[6] == 0 && m[7] == 0 && m[8] == 1
        let sourceWidth = self.width, sourceHeight = self.height, sourceStride = stride
        let positionBits = Image.warpPositionBits, weightBits = Image.warpWeightBits
        let unit = Double(1 << positionBits)
        let lastX = (sourceWidth - 1) << positionBits, lastY = (sourceHeight - 1) << positionBits
        let weightShift = positionBits - weightBits, weightMask = (1 << weightBits) - 1
        let half = 1 << (2 * weightBits - 1)
        // Far enough outside any image to be skipped, small enough for the fixed point.
        let limit = Double(1 << 20)

        /// Source position (pixel index coordinates, fixed point) of output position (ox, oy), and
        /// the map's denominator there; `nil` where the map has no finite image.
        @inline(__always) func source(_ ox: Double, _ oy: Double) -> (x: Int, y: Int, z: Double)? {
            let z = m[6] * ox + m[7] * oy + m[8]
            guard abs(z) > 1e-12 else { return nil }
            let px = (m[0] * ox + m[1] * oy + m[2]) / z - 0.5, py = (m[3] * ox + m[4] * oy + m[5]) / z - 0.5
            return (Int(max(-limit, min(limit, px)) * unit), Int(max(-limit, min(limit, py)) * unit), z)
        }

        withUnsafeBytes { pixels in
            result.withUnsafeMutableBytes { target in
                /// Writes output pixels `x..<end` of `row`, the source position starting at
                /// (sx, sy) and moving by (dx, dy) a pixel.
                @inline(__always) func run(_ row: Int, _ x: Int, _ end: Int, _ sx: Int, _ sy: Int, _ dx: Int, _ dy: Int) {
                    var sx = sx, sy = sy
                    for x in x..<end {
                        defer { sx &+= dx; sy &+= dy }
                        guard sx >= 0, sy >= 0, sx <= lastX, sy <= lastY else { continue }
                        // Wrapping integer arithmetic: every value is bounded (positions inside
                        // the image, weights below 2^12, samples below 2^8).
                        let x0 = sx &>> positionBits, y0 = sy &>> positionBits
                        let fx = (sx &>> weightShift) & weightMask, fy = (sy &>> weightShift) & weightMask
                        let x1 = x0 &+ 1 < sourceWidth ? x0 &+ 1 : x0
                        let r0 = y0 &* sourceStride
                        let r1 = y0 &+ 1 < sourceHeight ? r0 &+ sourceStride : r0
                        let a = Int(pixels[r0 &+ x0]), b = Int(pixels[r0 &+ x1])
                        let c = Int(pixels[r1 &+ x0]), d = Int(pixels[r1 &+ x1])
                        let top = (a &<< weightBits) &+ (b &- a) &* fx, bottom = (c &<< weightBits) &+ (d &- c) &* fx
                        let value = (top &<< weightBits) &+ (bottom &- top) &* fy
                        target[row &+ x] = UInt8(truncatingIfNeeded: (value &+ half) &>> (2 * weightBits))
                    }
                }
                let span = affine ? width : Image.warpSpan
                for y in 0..<height {
                    let oy = Double(y) + 0.5
                    let row = y * width
                    var x = 0
                    while x < width {
                        let end = min(width, x + span)
                        if let start = source(Double(x) + 0.5, oy), let stop = source(Double(end) + 0.5, oy),
                           (start.z > 0) == (stop.z > 0) {
                            let steps = end - x
                            run(row, x, end, start.x, start.y, (stop.x - start.x) / steps, (stop.y - start.y) / steps)
                        } else {
                            // The map's horizon crosses the span: every pixel on its own.
                            for column in x..<end {
                                if let p = source(Double(column) + 0.5, oy) { run(row, column, column + 1, p.x, p.y, 0, 0) }
                            }
                        }
                        x = end
                    }
                }
            }
        }
        return result
    }
}
