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
/// different content can still be compared. A pixel's gradient there is the largest Sobel
/// gradient in its 3 × 3 neighbourhood (the residual's own footprint): at the centre of a thin
/// curved line the Sobel gradient cancels by symmetry while the residual is large, and on an
/// image without any noise (a flat render) such ridge pixels were the "noise" of a guilloche.
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
    /// The gradient (largest in each pixel's 3 × 3 neighbourhood) below which the block's smoothest
    /// pixels lie: high where even the smoothest part is line-work (an emblem's rosette), low on
    /// plain paper and between text strokes.
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
        // Luminance with a one-pixel border repeating the edge, so that the 3 × 3 filters below
        // read their neighbours without clamping (same values as clamping the coordinates). Its
        // 3 × 3 box blur is made one row of blocks at a time, into a strip padded the same way:
        // a whole blurred page (and its horizontal pass) would be two more page-sized buffers,
        // allocated and faulted in for every document.
        let luma = NoiseBlockStatistics.paddedLuminance(image)
        let size = blockSize
        let columns = columns, rows = rows
        let paddedWidth = width + 2
        var blurred = [Float](repeating: 0, count: (size + 2) * paddedWidth)
        var horizontal = [Float](repeating: 0, count: (size + 4) * paddedWidth)
        var gradients = [Float](repeating: 0, count: (size + 2) * paddedWidth)
        var widened = [Float](repeating: 0, count: (size + 2) * paddedWidth)
        var largest = [Float](repeating: 0, count: size * paddedWidth)
        // Gradients are binned in quarter grey levels up to 64 levels per pixel for the per-block quantile.
        let bins = 256
        let smoothCount = Int(Double(size * size) * NoiseBlockStatistics.smoothFraction)
        let lanes = 8
        let vectorised = size % lanes == 0
        luma.withUnsafeBufferPointer { p in
        blurred.withUnsafeMutableBufferPointer { strip in
        horizontal.withUnsafeMutableBufferPointer { horizontal in
        gradients.withUnsafeMutableBufferPointer { gradients in
        widened.withUnsafeMutableBufferPointer { widened in
        largest.withUnsafeMutableBufferPointer { largestStrip in
            brightness.withUnsafeMutableBufferPointer { outBrightness in
            activity.withUnsafeMutableBufferPointer { outActivity in
            noise.withUnsafeMutableBufferPointer { outNoise in
            floorGradient.withUnsafeMutableBufferPointer { outFloor in
                // Scratch for one block, allocated once (hot loop: no array checks).
                let residuals = UnsafeMutableBufferPointer<Float>.allocate(capacity: size * size)
                // Each pixel's gradient in quarter grey levels, capped at the last bin.
                let levels = UnsafeMutableBufferPointer<Float>.allocate(capacity: size * size)
                defer {
                    residuals.deallocate()
                    levels.deallocate()
                }
                guard let p = p.baseAddress, let q = UnsafePointer(strip.baseAddress),
                      let m = UnsafePointer(largestStrip.baseAddress) else { return }
                /// Eight neighbouring pixels of a padded row, starting at `offset`.
                @inline(__always) func load(_ base: UnsafePointer<Float>, _ offset: Int) -> SIMD8<Float> {
                    UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD8<Float>.self)
                }
                for row in 0..<rows {
                    NoiseBlockStatistics.blurStrip(luma: p, into: strip, horizontal: horizontal, firstRow: row * size, rows: size,
                                                   width: width, height: height)
                    NoiseBlockStatistics.largestGradientStrip(luma: p, into: largestStrip, gradients: gradients, widened: widened,
                                                              firstRow: row * size, rows: size, width: width, height: height)
                    for column in 0..<columns {
                        var sum: Float = 0, gradientSum: Float = 0
                        for dy in 0..<size {
                            // Padded coordinates: pixel (x, y) is at (x + 1, y + 1).
                            let y = row * size + dy + 1
                            let up = (y - 1) * paddedWidth, here = y * paddedWidth, down = (y + 1) * paddedWidth
                            // The same rows of the blurred strip, whose row 0 is the one above the block.
                            let stripUp = dy * paddedWidth, stripHere = stripUp + paddedWidth, stripDown = stripHere + paddedWidth
                            var dx = 0
                            if vectorised {
                                while dx < size {
                                    let x = column * size + dx + 1
                                    let a = load(p, up + x - 1), b = load(p, up + x), c = load(p, up + x + 1)
                                    let d = load(p, here + x - 1), e = load(p, here + x), f = load(p, here + x + 1)
                                    let g = load(p, down + x - 1), h = load(p, down + x), i = load(p, down + x + 1)
                                    sum += e.sum()
                                    // Immerkær's kernel [1 -2 1; -2 4 -2; 1 -2 1] / 6.
                                    let r = (a + c + g + i - 2 * (b + d + f + h) + 4 * e) / 6
                                    // The largest Sobel gradient around the pixel.
                                    let magnitude = load(m, dy * paddedWidth + x)
                                    let qa = load(q, stripUp + x - 1), qb = load(q, stripUp + x), qc = load(q, stripUp + x + 1)
                                    let qd = load(q, stripHere + x - 1), qf = load(q, stripHere + x + 1)
                                    let qg = load(q, stripDown + x - 1), qh = load(q, stripDown + x), qi = load(q, stripDown + x + 1)
                                    let sx = (qc + 2 * qf + qi - qa - 2 * qd - qg) / 8
                                    let sy = (qg + 2 * qh + qi - qa - 2 * qb - qc) / 8
                                    gradientSum += (sx * sx + sy * sy).squareRoot().sum()
                                    let k = dy * size + dx
                                    UnsafeMutableRawPointer(residuals.baseAddress! + k).storeBytes(of: r * r, as: SIMD8<Float>.self)
                                    // The level in quarter grey levels, capped at the last bin, lane by lane (the
                                    // standard library's pointwiseMin is a generic call here, not a vector instruction).
                                    let quarters = magnitude * 4, last = SIMD8<Float>(repeating: Float(bins - 1))
                                    let scaled = quarters.replacing(with: last, where: last .< quarters)
                                    UnsafeMutableRawPointer(levels.baseAddress! + k).storeBytes(of: scaled, as: SIMD8<Float>.self)
                                    dx += lanes
                                }
                            }
                            while dx < size {
                                let x = column * size + dx + 1
                                let a = p[up + x - 1], b = p[up + x], c = p[up + x + 1]
                                let d = p[here + x - 1], e = p[here + x], f = p[here + x + 1]
                                let g = p[down + x - 1], h = p[down + x], i = p[down + x + 1]
                                sum += e
                                let r = (a + c + g + i - 2 * (b + d + f + h) + 4 * e) / 6
                                let magnitude = m[dy * paddedWidth + x]
                                let sx = (q[stripUp + x + 1] + 2 * q[stripHere + x + 1] + q[stripDown + x + 1] - q[stripUp + x - 1]
                                          - 2 * q[stripHere + x - 1] - q[stripDown + x - 1]) / 8
                                let sy = (q[stripDown + x - 1] + 2 * q[stripDown + x] + q[stripDown + x + 1] - q[stripUp + x - 1]
                                          - 2 * q[stripUp + x] - q[stripUp + x + 1]) / 8
                                gradientSum += (sx * sx + sy * sy).squareRoot()
                                let k = dy * size + dx
                                residuals[k] = r * r
                                let level = min(Float(bins - 1), magnitude * 4)
                                levels[k] = level
                                dx += 1
                            }
                        }
                        // The gradient bin below which the smoothest pixels lie.
                        let cut = NoiseBlockStatistics.smoothCut(levels: UnsafePointer(levels.baseAddress!), count: size * size,
                                                                 smoothCount: smoothCount, bins: bins)
                        let (energy, used) = NoiseBlockStatistics.smoothEnergy(residuals: UnsafePointer(residuals.baseAddress!),
                                                                               levels: UnsafePointer(levels.baseAddress!), count: size * size, cut: cut)
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
        }
        }
        }
    }

    /// The first gradient bin (a level's whole part) at or below which at least `smoothCount` of
    /// the `count` levels lie: the bin where their histogram's running sum reaches `smoothCount`.
    /// Found by halving the bins, counting levels under a bound eight at a time: a histogram of a
    /// block's pixels is a scalar increment per pixel, serialised where neighbours share a bin
    /// (most of a smooth block). Levels are capped at the last bin, so the last bin always holds
    /// them all.
    @inline(__always)
    static func smoothCut(levels: UnsafePointer<Float>, count: Int, smoothCount: Int, bins: Int) -> Int {
        var low = 0, high = bins - 1
        while low < high {
            let middle = (low + high) / 2
            // Levels whose whole part is at most `middle`.
            let bound = SIMD8<Float>(repeating: Float(middle + 1))
            var counts = SIMD8<Int32>()
            var k = 0
            while k &+ 8 <= count {
                counts &+= SIMD8<Int32>().replacing(with: 1, where: UnsafeRawPointer(levels + k).loadUnaligned(as: SIMD8<Float>.self) .< bound)
                k &+= 8
            }
            var below = Int(counts.wrappedSum())
            while k < count {
                if levels[k] < bound[0] { below &+= 1 }
                k &+= 1
            }
            if below >= smoothCount { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The summed squared residuals of the pixels whose gradient bin (the whole part of its
    /// level) is at most `cut`, and how many they are. Eight running sums: one serial sum over a
    /// block's pixels is a chain of dependent additions, which was the slowest part of the block.
    @inline(__always)
    static func smoothEnergy(residuals: UnsafePointer<Float>, levels: UnsafePointer<Float>, count: Int, cut: Int) -> (Float, Int) {
        // A level's whole part is at most `cut` exactly when the level is under `cut + 1`.
        let bound = Float(cut + 1)
        var sums = SIMD8<Float>(), counts = SIMD8<Int32>()
        var k = 0
        while k &+ 8 <= count {
            let smooth = UnsafeRawPointer(levels + k).loadUnaligned(as: SIMD8<Float>.self) .< SIMD8<Float>(repeating: bound)
            let values = UnsafeRawPointer(residuals + k).loadUnaligned(as: SIMD8<Float>.self)
            sums += values.replacing(with: 0, where: .!smooth)
            counts &+= SIMD8<Int32>().replacing(with: 1, where: smooth)
            k &+= 8
        }
        var energy = sums.sum(), used = Int(counts.wrappedSum())
        while k < count {
            if levels[k] < bound {
                energy += residuals[k]
                used &+= 1
            }
            k &+= 1
        }
        return (energy, used)
    }

    /// The 3 × 3 box blur (coordinates clamped at the image's edges) of image rows
    /// `firstRow - 1 ... firstRow + rows`, from the padded luminance `luma`, into `strip`: `rows + 2`
    /// rows of `width + 2`, each with a one-pixel border repeating its edge, rows above the first
    /// or below the last image row repeating those rows. `horizontal` holds `rows + 4` rows of the
    /// horizontal pass. The sums are taken in the order a whole-image pass takes them, so the
    /// values are the same to the bit.
    static func blurStrip(luma: UnsafePointer<Float>, into strip: UnsafeMutableBufferPointer<Float>,
                          horizontal: UnsafeMutableBufferPointer<Float>, firstRow: Int, rows: Int, width: Int, height: Int) {
        guard let h = horizontal.baseAddress, let out = strip.baseAddress else { return }
        let paddedWidth = width + 2
        /// `(a + b + c) / 3` over `width` pixels from column 1, eight at a time (each lane does
        /// the scalar sum's operations in the same order).
        @inline(__always) func mean(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>) {
            var x = 1
            while x &+ 8 <= width &+ 1 {
                let sum = UnsafeRawPointer(a + x).loadUnaligned(as: SIMD8<Float>.self) + UnsafeRawPointer(b + x).loadUnaligned(as: SIMD8<Float>.self)
                    + UnsafeRawPointer(c + x).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(target + x).storeBytes(of: sum / 3, as: SIMD8<Float>.self)
                x &+= 8
            }
            while x <= width {
                target[x] = (a[x] + b[x] + c[x]) / 3
                x &+= 1
            }
        }
        // Blurred image row y takes the horizontal pass of padded rows y, y + 1, y + 2.
        let top = min(height - 1, max(0, firstRow - 1)), bottom = min(height - 1, max(0, firstRow + rows))
        for paddedRow in top...(bottom + 2) {
            let source = luma + paddedRow * paddedWidth
            mean(source - 1, source, source + 1, into: h + (paddedRow - top) * paddedWidth)
        }
        for stripRow in 0..<(rows + 2) {
            let y = min(height - 1, max(0, firstRow - 1 + stripRow))
            let up = h + (y - top) * paddedWidth
            let target = out + stripRow * paddedWidth
            mean(up, up + paddedWidth, up + 2 * paddedWidth, into: target)
            target[0] = target[1]
            target[width + 1] = target[width]
        }
    }

    /// The largest Sobel gradient magnitude (grey levels per pixel) in each pixel's 3 × 3
    /// neighbourhood, coordinates clamped at the image's edges, for image rows
    /// `firstRow ..< firstRow + rows`, from the padded luminance `luma`, into `strip`: `rows` rows
    /// of `width + 2`, pixel x at x + 1. `gradients` and `widened` (`rows + 2` rows each) hold the
    /// gradients of the rows from one above to one below and their largest over three columns.
    static func largestGradientStrip(luma: UnsafePointer<Float>, into strip: UnsafeMutableBufferPointer<Float>,
                                     gradients: UnsafeMutableBufferPointer<Float>, widened: UnsafeMutableBufferPointer<Float>,
                                     firstRow: Int, rows: Int, width: Int, height: Int) {
        guard let out = strip.baseAddress, let g = gradients.baseAddress, let w = widened.baseAddress else { return }
        let paddedWidth = width + 2
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }
        @inline(__always) func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self) }
        // The larger lane by lane (the standard library's pointwiseMax is a generic call here, not a vector instruction).
        @inline(__always) func larger(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a.replacing(with: b, where: a .< b) }
        for stripRow in 0..<(rows + 2) {
            // Padded row y + 1 holds image row y; its neighbours are the padded rows y and y + 2.
            let y = min(height - 1, max(0, firstRow - 1 + stripRow))
            let up = UnsafePointer(luma + y * paddedWidth), here = up + paddedWidth, down = here + paddedWidth
            let target = g + stripRow * paddedWidth
            var x = 1
            while x &+ 8 <= width &+ 1 {
                let gx = (load(up + x + 1) + 2 * load(here + x + 1) + load(down + x + 1) - load(up + x - 1) - 2 * load(here + x - 1) - load(down + x - 1)) / 8
                let gy = (load(down + x - 1) + 2 * load(down + x) + load(down + x + 1) - load(up + x - 1) - 2 * load(up + x) - load(up + x + 1)) / 8
                store((gx * gx + gy * gy).squareRoot(), target + x)
                x &+= 8
            }
            while x <= width {
                let gx = (up[x + 1] + 2 * here[x + 1] + down[x + 1] - up[x - 1] - 2 * here[x - 1] - down[x - 1]) / 8
                let gy = (down[x - 1] + 2 * down[x] + down[x + 1] - up[x - 1] - 2 * up[x] - up[x + 1]) / 8
                target[x] = (gx * gx + gy * gy).squareRoot()
                x &+= 1
            }
            target[0] = target[1]
            target[width + 1] = target[width]
            // The largest of each pixel and its left and right neighbours.
            let source = UnsafePointer(target), across = w + stripRow * paddedWidth
            x = 1
            while x &+ 8 <= width &+ 1 {
                store(larger(larger(load(source + x - 1), load(source + x)), load(source + x + 1)), across + x)
                x &+= 8
            }
            while x <= width {
                across[x] = max(max(source[x - 1], source[x]), source[x + 1])
                x &+= 1
            }
        }
        // The largest of each row's three-column maxima and those of the rows above and below.
        for row in 0..<rows {
            let above = UnsafePointer(w + row * paddedWidth), at = above + paddedWidth, below = at + paddedWidth
            let target = out + row * paddedWidth
            var x = 1
            while x &+ 8 <= width &+ 1 {
                store(larger(larger(load(above + x), load(at + x)), load(below + x)), target + x)
                x &+= 8
            }
            while x <= width {
                target[x] = max(max(above[x], at[x]), below[x])
                x &+= 1
            }
        }
    }

    /// ITU-R BT.601 luma, as JPEG encoders compute it, per channel value: looked up, the same
    /// products as multiplying per pixel, with three conversions and products fewer.
    static let redLuma = (0..<256).map { 0.299 * Float($0) }
    static let greenLuma = (0..<256).map { 0.587 * Float($0) }
    static let blueLuma = (0..<256).map { 0.114 * Float($0) }

    /// The image's luminance as floats with a one-pixel border repeating its edge pixels:
    /// `(width + 2) × (height + 2)`, rows contiguous.
    static func paddedLuminance(_ image: Image) -> [Float] {
        let width = image.width, height = image.height, stride = image.stride
        let paddedWidth = width + 2
        var out = [Float](repeating: 0, count: paddedWidth * (height + 2))
        image.withUnsafeBytes { src in
        NoiseBlockStatistics.redLuma.withUnsafeBufferPointer { red in
        NoiseBlockStatistics.greenLuma.withUnsafeBufferPointer { green in
        NoiseBlockStatistics.blueLuma.withUnsafeBufferPointer { blue in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = (y + 1) * paddedWidth + 1
                    switch image.format {
                    case .gray:
                        for x in 0..<width { dst[row + x] = Float(src[y * stride + x]) }
                    case .rgb:
                        for x in 0..<width {
                            let o = y * stride + x * 3
                            dst[row + x] = red[Int(src[o])] + green[Int(src[o + 1])] + blue[Int(src[o + 2])]
                        }
                    }
                    dst[row - 1] = dst[row]
                    dst[row + width] = dst[row + width - 1]
                }
                // Top and bottom borders repeat the first and last rows (corners included).
                for x in 0..<paddedWidth {
                    dst[x] = dst[paddedWidth + x]
                    dst[(height + 1) * paddedWidth + x] = dst[height * paddedWidth + x]
                }
            }
        }
        }
        }
        }
        return out
    }
}
