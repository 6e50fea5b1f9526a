extension Image {
    /// Fractional bits of the bilinear weights in ``warpedGrey(width:height:mapping:fill:)``.
    static let warpWeightBits = 12
    /// Fractional bits of the source positions stepped along a row there.
    static let warpPositionBits = 32
    /// Most output pixels between two source positions computed exactly through a homography;
    /// the ones between are stepped linearly.
    static let warpSpan = 32

    /// The same cut as ``warped(width:height:mapping:fill:)`` for a grey image, written for
    /// speed: the reader cuts every MRZ out of the page through a homography, and that cut was the
    /// largest single cost of a read.
    ///
    /// Along a row of the output the source position is stepped in fixed point (32 fractional
    /// bits): linearly and exactly where the map is affine; through a homography along the
    /// parabola through the exact positions at the start, middle and end of each span, stepped by
    /// second differences. The parabola strays from the curve by at most |p'''|·L³/124 over a
    /// span of L pixels, and along a row p''' = 6·(m₆/z)²·p'; each row takes the longest span (a
    /// power of two up to ``warpSpan``) that keeps this below 1/1024 pixel at both of its ends
    /// (for the perspective of a document photographed at a slant, some 10⁻⁶ pixel over 32).
    /// The bilinear interpolation runs in integers with 12-bit weights and rounds by a shift, not
    /// by `rounded()` (a libm call per pixel). The result differs from the Double interpolation
    /// by at most one grey level, and only where the exact value lies within a small fraction of
    /// a half-level.
    public func warpedGrey(width: Int, height: Int, mapping: Homography, fill: UInt8 = 255) -> Image {
        guard format == .gray else { return warped(width: width, height: height, mapping: mapping, fill: fill) }
        var result = Image(width: width, height: height, format: .gray, fill: fill)
        guard width > 0, height > 0, !isEmpty, mapping.m.count == 9 else { return result }
        let m = mapping.m
        let affine = m[6] == 0 && m[7] == 0 && m[8] == 1
        let sourceWidth = self.width, sourceHeight = self.height, sourceStride = stride
        let positionBits = Image.warpPositionBits
        let unit = Double(1 << positionBits)
        // Far enough outside any image to be skipped, small enough for the fixed point.
        let limit = Double(1 << 20)

        /// The longest span (a power of two up to ``warpSpan``) over which parabolic stepping along
        /// row `oy` stays within 1/1024 pixel of the exact positions, judged at the row's ends.
        func spanLength(_ oy: Double) -> Int {
            var curvature = 0.0 // largest third derivative of the position along the row
            for ox in [0.5, Double(width) - 0.5] {
                let z = m[6] * ox + m[7] * oy + m[8]
                guard abs(z) > 1e-12 else { return 1 }
                let px = (m[0] * ox + m[1] * oy + m[2]) / z, py = (m[3] * ox + m[4] * oy + m[5]) / z
                let slope = max(abs(m[0] - m[6] * px), abs(m[3] - m[6] * py)) / abs(z)
                curvature = max(curvature, 6 * (m[6] / z) * (m[6] / z) * slope)
            }
            var length = Image.warpSpan
            while length > 1, Double(length * length * length) / 124 * curvature > 1.0 / 1024 { length /= 2 }
            return length
        }

        /// Source position (pixel index coordinates, fixed point) of output position (ox, oy), and
        /// the map's denominator there; `nil` where the map has no finite image.
        @inline(__always) func source(_ ox: Double, _ oy: Double) -> (x: Int, y: Int, z: Double)? {
            let z = m[6] * ox + m[7] * oy + m[8]
            guard abs(z) > 1e-12 else { return nil }
            let r = 1 / z
            let px = (m[0] * ox + m[1] * oy + m[2]) * r - 0.5, py = (m[3] * ox + m[4] * oy + m[5]) * r - 0.5
            return (Int(max(-limit, min(limit, px)) * unit), Int(max(-limit, min(limit, py)) * unit), z)
        }

        withUnsafeBytes { pixels in
            result.withUnsafeMutableBytes { target in
                guard let sourceBase = pixels.baseAddress, let targetBase = target.baseAddress else { return }
                let geometry = SampledSource(pixels: sourceBase, width: sourceWidth, height: sourceHeight, stride: sourceStride)
                for y in 0..<height {
                    let oy = Double(y) + 0.5
                    let row = targetBase + y * width
                    let span = affine ? width : spanLength(oy)
                    var x = 0
                    // Each span's end is the next one's start: two exact positions per span.
                    var start = source(0.5, oy)
                    while x < width {
                        let end = min(width, x + span)
                        let stop = source(Double(end) + 0.5, oy)
                        let steps = end - x
                        let middle = affine || steps < 2 ? nil : source(Double(x) + Double(steps) / 2 + 0.5, oy)
                        if let start, let stop, (start.z > 0) == (stop.z > 0) {
                            // p(t) = p0 + b·t + c·t² through the start, middle and end: the first
                            // step is b + c and every step grows by 2c.
                            var dx = (stop.x - start.x) / steps, dy = (stop.y - start.y) / steps, ddx = 0, ddy = 0
                            if let middle, (middle.z > 0) == (start.z > 0) {
                                let length = Double(steps)
                                let cx = 2 * (Double(start.x) - 2 * Double(middle.x) + Double(stop.x)) / (length * length)
                                let cy = 2 * (Double(start.y) - 2 * Double(middle.y) + Double(stop.y)) / (length * length)
                                dx = Int(((Double(stop.x) - Double(start.x)) / length - cx * length + cx).rounded())
                                dy = Int(((Double(stop.y) - Double(start.y)) / length - cy * length + cy).rounded())
                                ddx = Int((2 * cx).rounded())
                                ddy = Int((2 * cy).rounded())
                            }
                            geometry.sample(into: row + x, count: steps, x: start.x, y: start.y, dx: dx, dy: dy, ddx: ddx, ddy: ddy)
                        } else {
                            // The map's horizon crosses the span: every pixel on its own.
                            for column in x..<end {
                                if let p = source(Double(column) + 0.5, oy) {
                                    geometry.sample(into: row + column, count: 1, x: p.x, y: p.y, dx: 0, dy: 0, ddx: 0, ddy: 0)
                                }
                            }
                        }
                        start = stop
                        x = end
                    }
                }
            }
        }
        return result
    }
}

/// A grey source image as plain values, sampled bilinearly in fixed point along a line: the
/// inner loop of ``Image/warpedGrey(width:height:mapping:fill:)``, a function of its own so that
/// everything it needs stays in registers.
private struct SampledSource {
    let pixels: UnsafePointer<UInt8>
    let width: Int, height: Int, stride: Int

    /// Writes `count` output samples, the source position starting at (x, y) and moving by
    /// (dx, dy) a sample, the steps growing by (ddx, ddy) a sample (fixed point,
    /// ``Image/warpPositionBits`` fractional bits); positions outside the image leave the
    /// output as it is.
    @inline(never)
    func sample(into output: UnsafeMutablePointer<UInt8>, count: Int, x: Int, y: Int, dx: Int, dy: Int, ddx: Int, ddy: Int) {
        let positionBits = Image.warpPositionBits, weightBits = Image.warpWeightBits
        let lastX = (width - 1) << positionBits, lastY = (height - 1) << positionBits
        let weightShift = positionBits - weightBits, weightMask = (1 << weightBits) - 1
        let half = 1 << (2 * weightBits - 1)
        // Positions whose 2×2 neighbourhood lies inside the image need no clamping; one unsigned
        // comparison per axis tells (negative positions wrap to huge ones).
        let innerX = UInt(max(0, width - 2) << positionBits), innerY = UInt(max(0, height - 2) << positionBits)
        var sx = x, sy = y, dx = dx, dy = dy
        for i in 0..<count {
            defer { sx &+= dx; sy &+= dy; dx &+= ddx; dy &+= ddy }
            let x0: Int, y0: Int, x1: Int, r0: Int, r1: Int
            if UInt(bitPattern: sx) < innerX, UInt(bitPattern: sy) < innerY {
                x0 = sx &>> positionBits
                y0 = sy &>> positionBits
                x1 = x0 &+ 1
                r0 = y0 &* stride
                r1 = r0 &+ stride
            } else {
                guard sx >= 0, sy >= 0, sx <= lastX, sy <= lastY else { continue }
                x0 = sx &>> positionBits
                y0 = sy &>> positionBits
                x1 = x0 &+ 1 < width ? x0 &+ 1 : x0
                r0 = y0 &* stride
                r1 = y0 &+ 1 < height ? r0 &+ stride : r0
            }
            // Wrapping integer arithmetic: every value is bounded (positions inside the image,
            // weights below 2^12, samples below 2^8).
            let fx = (sx &>> weightShift) & weightMask, fy = (sy &>> weightShift) & weightMask
            let a = Int(pixels[r0 &+ x0]), b = Int(pixels[r0 &+ x1])
            let c = Int(pixels[r1 &+ x0]), d = Int(pixels[r1 &+ x1])
            let top = (a &<< weightBits) &+ (b &- a) &* fx, bottom = (c &<< weightBits) &+ (d &- c) &* fx
            let value = (top &<< weightBits) &+ (bottom &- top) &* fy
            output[i] = UInt8(truncatingIfNeeded: (value &+ half) &>> (2 * weightBits))
        }
    }
}
