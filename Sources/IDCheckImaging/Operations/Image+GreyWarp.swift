extension Image {
    /// Fractional bits of the bilinear weights in ``warpedGrey(width:height:mapping:fill:)``.
    static let warpWeightBits = 12

    /// The same cut as ``warped(width:height:mapping:fill:)`` for a grey image, written for
    /// speed: the reader cuts every MRZ out of the page through a homography, and that cut was the
    /// largest single cost of a read.
    ///
    /// The source position is still computed in Double (one division per pixel, none when the map
    /// is affine), but the bilinear interpolation runs in integers with 12-bit weights and rounds
    /// by a shift instead of `rounded()` (a libm call per pixel). The result differs from the
    /// Double interpolation by at most one grey level, and only where the exact value lies within
    /// about 1/4096 of a half-level.
    public func warpedGrey(width: Int, height: Int, mapping: Homography, fill: UInt8 = 255) -> Image {
        guard format == .gray else { return warped(width: width, height: height, mapping: mapping, fill: fill) }
        var result = Image(width: width, height: height, format: .gray, fill: fill)
        guard width > 0, height > 0, !isEmpty, mapping.m.count == 9 else { return result }
        let m0 = mapping.m[0], m1 = mapping.m[1], m2 = mapping.m[2]
        let m3 = mapping.m[3], m4 = mapping.m[4], m5 = mapping.m[5]
        let m6 = mapping.m[6], m7 = mapping.m[7], m8 = mapping.m[8]
        let affine = m6 == 0 && m7 == 0 && m8 == 1
        let sourceWidth = self.width, sourceHeight = self.height, sourceStride = stride
        let maxX = Double(sourceWidth - 1), maxY = Double(sourceHeight - 1)
        let bits = Image.warpWeightBits, one = 1 << bits, scale = Double(one)
        let mask = one - 1, half = 1 << (2 * bits - 1)
        withUnsafeBytes { source in
            result.withUnsafeMutableBytes { target in
                for y in 0..<height {
                    let oy = Double(y) + 0.5
                    let row = y * width
                    // Numerators and denominator of the map at the row's first pixel centre; each
                    // is affine in x, so each output column adds one step.
                    let bx = m1 * oy + m2, by = m4 * oy + m5, bz = m7 * oy + m8
                    for x in 0..<width {
                        let ox = Double(x) + 0.5
                        var sx = m0 * ox + bx, sy = m3 * ox + by
                        if !affine {
                            let z = m6 * ox + bz
                            guard abs(z) > 1e-12 else { continue }
                            let r = 1 / z
                            sx *= r
                            sy *= r
                        }
                        // Pixel centres: source position p is pixel index coordinate p − 0.5.
                        let px = sx - 0.5, py = sy - 0.5
                        guard px >= 0, py >= 0, px <= maxX, py <= maxY else { continue }
                        // Wrapping integer arithmetic: every value is bounded (positions inside
                        // the image, weights below 2^12, samples below 2^8), and the overflow
                        // checks would cost as much as the interpolation.
                        let fixedX = Int(px * scale), fixedY = Int(py * scale)
                        let x0 = fixedX &>> bits, y0 = fixedY &>> bits
                        let fx = fixedX & mask, fy = fixedY & mask
                        let x1 = x0 &+ 1 < sourceWidth ? x0 &+ 1 : x0
                        let r0 = y0 &* sourceStride
                        let r1 = y0 &+ 1 < sourceHeight ? r0 &+ sourceStride : r0
                        let a = Int(source[r0 &+ x0]), b = Int(source[r0 &+ x1])
                        let c = Int(source[r1 &+ x0]), d = Int(source[r1 &+ x1])
                        let top = (a &<< bits) &+ (b &- a) &* fx, bottom = (c &<< bits) &+ (d &- c) &* fx
                        let value = (top &<< bits) &+ (bottom &- top) &* fy
                        target[row &+ x] = UInt8(truncatingIfNeeded: (value &+ half) &>> (2 * bits))
                    }
                }
            }
        }
        return result
    }
}
