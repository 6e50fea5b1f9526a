import IDCheckImaging

/// Which pixels of a grey image are ink: darker than their neighbourhood by a margin.
///
/// A local (adaptive) threshold rather than a global one, because scans and photos have uneven
/// light and documents have tinted, patterned backgrounds behind the MRZ.
struct InkMask {
    let width: Int
    let height: Int
    /// 1 for ink, 0 for background, row-major without padding.
    var bits: [UInt8]

    /// Marks pixels darker than the mean of the (2·radius+1)² window around them by at least
    /// `max(minimumContrast, relativeContrast × mean)`.
    init(_ image: Image, radius: Int, minimumContrast: Int = 20, relativeContrast: Double = 0.25) {
        precondition(image.format == .gray, "InkMask works on grey images")
        width = image.width
        height = image.height
        bits = [UInt8](repeating: 0, count: width * height)
        guard width > 0, height > 0 else { return }
        let w = width, h = height, stride = image.stride
        // Box sums without an integral image (a (w+1)·(h+1) table the size of the page, written
        // and read once): per column, the sum over the window's rows, updated by one row in and
        // one out as the window slides down; per row, prefix sums of those columns, so that a
        // window's sum is one difference. The sums, and so the mask, are the integral image's.
        let relative = Int(relativeContrast * 1024)
        // 32-bit column sums (at most 255 × the image's height) update four to a vector.
        var columnSums = [Int32](repeating: 0, count: w)
        // Prefix sums wrap in 32 bits: a difference of two is still a window's exact sum (below
        // 2^31 for any window under eight million pixels).
        var prefix = [Int32](repeating: 0, count: w + 1)
        // Whether the middle of a row fits the 8-lane 32-bit path: its largest products
        // (255 × area × relative) stay below 2^31.
        let fullArea = (2 * radius + 1) * min(h, 2 * radius + 1)
        let vectorised = 255 * fullArea * max(1, relative) < Int(Int32.max)
        image.withUnsafeBytes { pixels in
            columnSums.withUnsafeMutableBufferPointer { columns in
                prefix.withUnsafeMutableBufferPointer { before in
                    bits.withUnsafeMutableBufferPointer { out in
                        // Rows [windowTop, windowBottom) are in `columns`.
                        var windowTop = 0, windowBottom = 0
                        for y in 0..<h {
                            let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                            while windowBottom < y1 {
                                InkMask.add(UnsafeBufferPointer(rebasing: pixels[(windowBottom * stride)..<(windowBottom * stride + w)]),
                                            to: columns, sign: 1)
                                windowBottom += 1
                            }
                            while windowTop < y0 {
                                InkMask.add(UnsafeBufferPointer(rebasing: pixels[(windowTop * stride)..<(windowTop * stride + w)]),
                                            to: columns, sign: -1)
                                windowTop += 1
                            }
                            var running: Int32 = 0
                            for x in 0..<w {
                                running &+= columns[x]
                                before[x + 1] = running
                            }
                            let height = y1 - y0
                            let source = y * stride, target = y * w
                            @inline(__always) func mark(_ x: Int, _ x0: Int, _ x1: Int, _ area: Int, _ floor: Int) {
                                let sum = Int(before[x1] &- before[x0])
                                let value = Int(pixels[source &+ x]) &* area
                                let contrast = (sum &* relative) &>> 10
                                let margin = contrast > floor ? contrast : floor
                                out[target &+ x] = value < sum &- margin ? 1 : 0
                            }
                            // The window is clipped only near the left and right edges; between
                            // them it has one area, and the loop needs no clipping.
                            let middle = (radius + 1)..<max(radius + 1, w - radius - 1)
                            for x in 0..<min(w, middle.lowerBound) {
                                let x1 = min(w, x + radius + 1), area = x1 * height
                                mark(x, 0, x1, area, minimumContrast &* area)
                            }
                            let area = (2 * radius + 1) * height, floor = minimumContrast * area
                            var x = middle.lowerBound
                            if vectorised, let sums = before.baseAddress, let image = pixels.baseAddress,
                               let ink = out.baseAddress {
                                // Eight pixels at a time, the same arithmetic in 32-bit lanes.
                                let areas = SIMD8<Int32>(repeating: Int32(area)), floors = SIMD8<Int32>(repeating: Int32(floor))
                                let relatives = SIMD8<Int32>(repeating: Int32(relative))
                                while x + 8 <= middle.upperBound {
                                    let sum = UnsafeRawPointer(sums + x + radius + 1).loadUnaligned(as: SIMD8<Int32>.self)
                                        &- UnsafeRawPointer(sums + x - radius).loadUnaligned(as: SIMD8<Int32>.self)
                                    let grey = UnsafeRawPointer(image + source + x).loadUnaligned(as: SIMD8<UInt8>.self)
                                    let value = SIMD8<Int32>(truncatingIfNeeded: grey) &* areas
                                    let contrast = (sum &* relatives) &>> 10
                                    let margin = contrast.replacing(with: floors, where: contrast .<= floors)
                                    let marked = SIMD8<UInt8>(truncatingIfNeeded: SIMD8<Int32>(repeating: 0).replacing(with: 1, where: value .< sum &- margin))
                                    UnsafeMutableRawPointer(ink + target + x).storeBytes(of: marked, as: SIMD8<UInt8>.self)
                                    x += 8
                                }
                            }
                            while x < middle.upperBound {
                                mark(x, x &- radius, x &+ radius &+ 1, area, floor)
                                x += 1
                            }
                            for x in max(middle.upperBound, min(w, middle.lowerBound))..<w {
                                let x0 = x > radius ? x - radius : 0, area = (w - x0) * height
                                mark(x, x0, w, area, minimumContrast &* area)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds (`sign` 1) or subtracts (-1) one row of samples to the column sums. A function of its
    /// own so that the buffers are plain values the compiler can vectorise over (inside the
    /// closures above it reloaded the sums' address at every column).
    @inline(never)
    private static func add(_ row: UnsafeBufferPointer<UInt8>, to columns: UnsafeMutableBufferPointer<Int32>, sign: Int32) {
        guard let samples = row.baseAddress, let sums = columns.baseAddress else { return }
        let count = min(row.count, columns.count)
        if sign > 0 {
            for x in 0..<count { sums[x] &+= Int32(samples[x]) }
        } else {
            for x in 0..<count { sums[x] &-= Int32(samples[x]) }
        }
    }
}
