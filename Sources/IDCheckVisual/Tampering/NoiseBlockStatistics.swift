import IDCheckImaging

/// Noise measured block by block on an image's luminance: for each square block its mean
/// brightness, its content activity (mean gradient of a 3 × 3 box-blurred copy, so that noise
/// itself hardly counts as content), the gradient of its smoothest part and the level of its
/// noise residual on its smoothest pixels.
///
/// The residual is a second-difference high-pass that cancels flat areas and straight ramps
/// (Immerkær's noise kernel), so what is left on smooth pixels is mostly noise: sensor grain,
/// compression error. Taking only the 40% of a block's pixels with the lowest gradient keeps text
/// edges, guilloche lines and portrait contours out of the noise estimate, so that blocks of very
/// different content can still be compared.
struct NoiseBlockStatistics: Sendable {
    let blockSize: Int
    let columns: Int
    let rows: Int
    /// Mean grey level per block, row-major.
    var brightness: [Float]
    /// Mean gradient magnitude of the box-blurred image per block (grey levels per pixel).
    var activity: [Float]
    /// Root mean square residual on the block's smoothest pixels.
    var noise: [Float]
    /// The gradient below which the block's smoothest pixels lie: high where even the smoothest
    /// part is line-work (an emblem's rosette), low on plain paper and between text strokes.
    var floorGradient: [Float]

    /// The fraction of a block's pixels (lowest gradient first) the noise is measured on.
    static let smoothFraction = 0.4

    init(image: Image, blockSize: Int = 16) {
        self.blockSize = blockSize
        let width = image.width, height = image.height
        columns = width / blockSize
        rows = height / blockSize
        let blocks = columns * rows
        brightness = [Float](repeating: 0, count: blocks)
        activity = [Float](repeating: 0, count: blocks)
        noise = [Float](repeating: 0, count: blocks)
        floorGradient = [Float](repeating: 0, count: blocks)
        guard blocks > 0 else { return }
        let luma = NoiseBlockStatistics.luminance(image)
        // Content activity is measured on a 3 × 3 box-blurred copy: on the raw image, a grained
        // region would count as busier content and be compared with busier (noisier) peers.
        let blurred = NoiseBlockStatistics.boxBlurred(luma, width: width, height: height)
        let size = blockSize
        let columns = columns, rows = rows
        // Gradients are binned in quarter grey levels up to 64 levels per pixel for the per-block quantile.
        let bins = 256
        let smoothCount = Int(Double(size * size) * NoiseBlockStatistics.smoothFraction)
        luma.withUnsafeBufferPointer { p in
        blurred.withUnsafeBufferPointer { q in
            brightness.withUnsafeMutableBufferPointer { outBrightness in
            activity.withUnsafeMutableBufferPointer { outActivity in
            noise.withUnsafeMutableBufferPointer { outNoise in
            floorGradient.withUnsafeMutableBufferPointer { outFloor in
                // Scratch for one block, allocated once (hot loop: no array checks).
                let residuals = UnsafeMutableBufferPointer<Float>.allocate(capacity: size * size)
                let binOf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size * size)
                let histogram = UnsafeMutableBufferPointer<Int32>.allocate(capacity: bins)
                defer {
                    residuals.deallocate()
                    binOf.deallocate()
                    histogram.deallocate()
                }
                for row in 0..<rows {
                    for column in 0..<columns {
                        var sum: Float = 0, gradientSum: Float = 0
                        for i in 0..<bins { histogram[i] = 0 }
                        for dy in 0..<size {
                            let y = row * size + dy
                            let up = max(0, y - 1) * width, here = y * width, down = min(height - 1, y + 1) * width
                            for dx in 0..<size {
                                let x = column * size + dx
                                let left = max(0, x - 1), right = min(width - 1, x + 1)
                                let a = p[up + left], b = p[up + x], c = p[up + right]
                                let d = p[here + left], e = p[here + x], f = p[here + right]
                                let g = p[down + left], h = p[down + x], i = p[down + right]
                                sum += e
                                // Immerkær's kernel [1 -2 1; -2 4 -2; 1 -2 1] / 6.
                                let r = (a + c + g + i - 2 * (b + d + f + h) + 4 * e) / 6
                                // Sobel gradient, scaled to grey levels per pixel.
                                let gx = (c + 2 * f + i - a - 2 * d - g) / 8
                                let gy = (g + 2 * h + i - a - 2 * b - c) / 8
                                let magnitude = (gx * gx + gy * gy).squareRoot()
                                let sx = (q[up + right] + 2 * q[here + right] + q[down + right] - q[up + left] - 2 * q[here + left] - q[down + left]) / 8
                                let sy = (q[down + left] + 2 * q[down + x] + q[down + right] - q[up + left] - 2 * q[up + x] - q[up + right]) / 8
                                let smoothMagnitude = (sx * sx + sy * sy).squareRoot()
                                gradientSum += smoothMagnitude
                                let k = dy * size + dx
                                residuals[k] = r * r
                                let bin = min(bins - 1, Int(magnitude * 4))
                                binOf[k] = UInt8(truncatingIfNeeded: bin)
                                histogram[bin] += 1
                            }
                        }
                        // The gradient below which the smoothest pixels lie.
                        var cumulative = 0, cut = bins - 1
                        for bin in 0..<bins {
                            cumulative += Int(histogram[bin])
                            if cumulative >= smoothCount { cut = bin; break }
                        }
                        var energy: Float = 0, used = 0
                        for k in 0..<(size * size) where Int(binOf[k]) <= cut {
                            energy += residuals[k]
                            used += 1
                        }
                        let index = row * columns + column
                        let area = Float(size * size)
                        outBrightness[index] = sum / area
                        outActivity[index] = gradientSum / area
                        outNoise[index] = used > 0 ? (energy / Float(used)).squareRoot() : 0
                        outFloor[index] = Float(cut + 1) / 4
                    }
                }
            }
            }
            }
            }
        }
        }
    }

    /// A 3 × 3 box blur (edges replicated), separable, on a contiguous float buffer.
    static func boxBlurred(_ source: [Float], width: Int, height: Int) -> [Float] {
        var horizontal = [Float](repeating: 0, count: source.count)
        var out = [Float](repeating: 0, count: source.count)
        source.withUnsafeBufferPointer { p in
            horizontal.withUnsafeMutableBufferPointer { h in
                for y in 0..<height {
                    let row = y * width
                    for x in 0..<width {
                        h[row + x] = (p[row + max(0, x - 1)] + p[row + x] + p[row + min(width - 1, x + 1)]) / 3
                    }
                }
            }
        }
        horizontal.withUnsafeBufferPointer { h in
            out.withUnsafeMutableBufferPointer { o in
                for y in 0..<height {
                    let up = max(0, y - 1) * width, here = y * width, down = min(height - 1, y + 1) * width
                    for x in 0..<width { o[here + x] = (h[up + x] + h[here + x] + h[down + x]) / 3 }
                }
            }
        }
        return out
    }

    /// The image's luminance as floats, one per pixel, rows contiguous.
    static func luminance(_ image: Image) -> [Float] {
        let width = image.width, height = image.height, stride = image.stride
        var out = [Float](repeating: 0, count: width * height)
        image.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { dst in
                switch image.format {
                case .gray:
                    for y in 0..<height {
                        for x in 0..<width { dst[y * width + x] = Float(src[y * stride + x]) }
                    }
                case .rgb:
                    for y in 0..<height {
                        for x in 0..<width {
                            let o = y * stride + x * 3
                            // ITU-R BT.601 luma, as JPEG encoders compute it.
                            dst[y * width + x] = 0.299 * Float(src[o]) + 0.587 * Float(src[o + 1]) + 0.114 * Float(src[o + 2])
                        }
                    }
                }
            }
        }
        return out
    }
}
