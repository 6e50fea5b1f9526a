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
        image.withUnsafeBytes { pixels in
            integral.withUnsafeBufferPointer { sums in
                bits.withUnsafeMutableBufferPointer { out in
                    for y in 0..<h {
                        let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                        for x in 0..<w {
                            let x0 = max(0, x - radius), x1 = min(w, x + radius + 1)
                            let sum = Int(sums[y1 * (w + 1) + x1]) - Int(sums[y0 * (w + 1) + x1])
                                - Int(sums[y1 * (w + 1) + x0]) + Int(sums[y0 * (w + 1) + x0])
                            let area = (x1 - x0) * (y1 - y0)
                            let value = Int(pixels[y * stride + x]) * area
                            let margin = max(minimumContrast * area, (sum * relative) >> 10)
                            out[y * w + x] = value < sum - margin ? 1 : 0
                        }
                    }
                }
            }
        }
    }
}
