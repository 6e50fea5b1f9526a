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
        // Integral image with one row and column of zeros in front.
        var integral = [UInt32](repeating: 0, count: (w + 1) * (h + 1))
        image.withUnsafeBytes { pixels in
            integral.withUnsafeMutableBufferPointer { sums in
                for y in 0..<h {
                    var rowSum: UInt32 = 0
                    for x in 0..<w {
                        rowSum &+= UInt32(pixels[y * stride + x])
                        sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] &+ rowSum
                    }
                }
            }
        }
        let relative = Int(relativeContrast * 1024)
        let rowWidth = w + 1
        image.withUnsafeBytes { pixels in
            integral.withUnsafeBufferPointer { sums in
                bits.withUnsafeMutableBufferPointer { out in
                    for y in 0..<h {
                        let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                        let top = y0 * rowWidth, bottom = y1 * rowWidth
                        let height = y1 - y0
                        let source = y * stride, target = y * w
                        // The window is clipped at the left and right edges only near them; the
                        // middle of the row runs with a constant area.
                        for x in 0..<w {
                            let x0 = x > radius ? x - radius : 0
                            let x1 = x + radius + 1 < w ? x + radius + 1 : w
                            let sum = Int(sums[bottom + x1]) &- Int(sums[top + x1]) &- Int(sums[bottom + x0]) &+ Int(sums[top + x0])
                            let area = (x1 - x0) &* height
                            let value = Int(pixels[source + x]) &* area
                            let contrast = (sum &* relative) >> 10
                            let margin = contrast > minimumContrast &* area ? contrast : minimumContrast &* area
                            out[target + x] = value < sum &- margin ? 1 : 0
                        }
                    }
                }
            }
        }
    }
}
