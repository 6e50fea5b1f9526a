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
        var columnSums = [Int](repeating: 0, count: w)
        var prefix = [Int](repeating: 0, count: w + 1)
        image.withUnsafeBytes { pixels in
            columnSums.withUnsafeMutableBufferPointer { columns in
                prefix.withUnsafeMutableBufferPointer { before in
                    bits.withUnsafeMutableBufferPointer { out in
                        // Rows [windowTop, windowBottom) are in `columns`.
                        var windowTop = 0, windowBottom = 0
                        for y in 0..<h {
                            let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                            while windowBottom < y1 {
                                let row = windowBottom * stride
                                for x in 0..<w { columns[x] &+= Int(pixels[row + x]) }
                                windowBottom += 1
                            }
                            while windowTop < y0 {
                                let row = windowTop * stride
                                for x in 0..<w { columns[x] &-= Int(pixels[row + x]) }
                                windowTop += 1
                            }
                            var running = 0
                            for x in 0..<w {
                                running &+= columns[x]
                                before[x + 1] = running
                            }
                            let height = y1 - y0
                            let source = y * stride, target = y * w
                            @inline(__always) func mark(_ x: Int, _ x0: Int, _ x1: Int, _ area: Int, _ floor: Int) {
                                let sum = before[x1] &- before[x0]
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
                            for x in middle { mark(x, x &- radius, x &+ radius &+ 1, area, floor) }
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
}
