/// An affine map from output pixels to source pixels: source = origin + x·xStep + y·yStep.
///
/// Used to cut a rotated, skewed region (an MRZ, a zone of a specimen) out of a page into an
/// upright image of its own.
public struct AffineSampling: Sendable, Equatable {
    public var origin: Point
    public var xStep: Point
    public var yStep: Point

    public init(origin: Point, xStep: Point, yStep: Point) {
        self.origin = origin
        self.xStep = xStep
        self.yStep = yStep
    }

    /// The source position of output pixel centre (x, y).
    @inline(__always)
    public func source(x: Double, y: Double) -> Point {
        Point(x: origin.x + x * xStep.x + y * yStep.x, y: origin.y + x * xStep.y + y * yStep.y)
    }
}

extension Image {
    /// A `width` × `height` image sampled bilinearly from this one through `sampling`; positions
    /// outside this image take `fill`.
    public func warped(width: Int, height: Int, sampling: AffineSampling, fill: UInt8 = 255) -> Image {
        var result = Image(width: width, height: height, format: format, fill: fill)
        guard width > 0, height > 0, !isEmpty else { return result }
        let channels = self.channels, sourceStride = stride, targetStride = result.stride
        let maxX = Double(self.width - 1), maxY = Double(self.height - 1)
        withUnsafeBytes { source in
            result.withUnsafeMutableBytes { target in
                for y in 0..<height {
                    // Pixel centres: output (x + 0.5) maps to source position p, whose pixel
                    // index coordinate is p - 0.5.
                    var position = sampling.source(x: 0.5, y: Double(y) + 0.5)
                    position.x -= 0.5
                    position.y -= 0.5
                    for x in 0..<width {
                        let px = position.x, py = position.y
                        position.x += sampling.xStep.x
                        position.y += sampling.xStep.y
                        guard px >= 0, py >= 0, px <= maxX, py <= maxY else { continue }
                        let x0 = Int(px), y0 = Int(py)
                        let x1 = min(x0 + 1, self.width - 1), y1 = min(y0 + 1, self.height - 1)
                        let fx = px - Double(x0), fy = py - Double(y0)
                        let to = y * targetStride + x * channels
                        for c in 0..<channels {
                            let a = Double(source[y0 * sourceStride + x0 * channels + c])
                            let b = Double(source[y0 * sourceStride + x1 * channels + c])
                            let d = Double(source[y1 * sourceStride + x0 * channels + c])
                            let e = Double(source[y1 * sourceStride + x1 * channels + c])
                            let top = a + (b - a) * fx, bottom = d + (e - d) * fx
                            target[to + c] = UInt8(min(255, max(0, (top + (bottom - top) * fy).rounded())))
                        }
                    }
                }
            }
        }
        return result
    }
}

extension Image {
    /// A `width` × `height` image sampled bilinearly from this one through `mapping`, which takes
    /// an output position (pixel units, origin at the top-left corner) to a source position;
    /// positions outside this image take `fill`. For cutting a zone of a document photographed at
    /// an angle into an upright, specimen-sized image.
    public func warped(width: Int, height: Int, mapping: Homography, fill: UInt8 = 255) -> Image {
        var result = Image(width: width, height: height, format: format, fill: fill)
        guard width > 0, height > 0, !isEmpty, mapping.m.count == 9 else { return result }
        let channels = self.channels, sourceStride = stride, targetStride = result.stride
        let lastX = self.width - 1, lastY = self.height - 1
        let maxX = Double(lastX), maxY = Double(lastY)
        // The matrix in locals (not an array read per pixel); the expressions keep their order,
        // so every position is the same double as before.
        let m = mapping.m
        let (m0, m1, m2, m3, m4, m5, m6, m7, m8) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        withUnsafeBytes { source in
            result.withUnsafeMutableBytes { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for y in 0..<height {
                    let oy = Double(y) + 0.5
                    let row = to + y * targetStride
                    for x in 0..<width {
                        let ox = Double(x) + 0.5
                        let z = m6 * ox + m7 * oy + m8
                        guard abs(z) > 1e-12 else { continue }
                        let px = (m0 * ox + m1 * oy + m2) / z - 0.5
                        let py = (m3 * ox + m4 * oy + m5) / z - 0.5
                        guard px >= 0, py >= 0, px <= maxX, py <= maxY else { continue }
                        let x0 = Int(px), y0 = Int(py)
                        let x1 = min(x0 + 1, lastX), y1 = min(y0 + 1, lastY)
                        let fx = px - Double(x0), fy = py - Double(y0)
                        let upper = from + y0 * sourceStride, lower = from + y1 * sourceStride
                        for c in 0..<channels {
                            let a = Double(upper[x0 * channels + c]), b = Double(upper[x1 * channels + c])
                            let d = Double(lower[x0 * channels + c]), e = Double(lower[x1 * channels + c])
                            let top = a + (b - a) * fx, bottom = d + (e - d) * fx
                            // A mix of samples, so within 0...255: adding a half and truncating
                            // rounds halves up, as `rounded()` does, without a libm call.
                            row[x * channels + c] = UInt8(truncatingIfNeeded: Int(top + (bottom - top) * fy + 0.5))
                        }
                    }
                }
            }
        }
        return result
    }
}
