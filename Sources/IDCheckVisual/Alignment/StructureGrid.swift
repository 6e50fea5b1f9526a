import IDCheckImaging

/// A document side at a fixed low resolution, reduced to its printed structure: grey levels with
/// the local mean removed and divided by the local contrast, so that a scan's light, colour and
/// contrast do not count — only where lines, letters and patterns are.
///
/// Both the questioned image and the specimen's reference are brought to the same grid (through
/// the placement, relative side coordinates → pixels), so that grid cell (x, y) is the same spot
/// of the side on both.
struct StructureGrid: Sendable {
    let width: Int
    let height: Int
    /// Row-major, local-contrast-normalised values (about −3…3; 0 on flat paper).
    var values: [Float]
    /// Whether the cell lies on the image (cells mapped outside it carry no information).
    var onImage: [Bool]

    /// Radius of the local mean and contrast window, in grid cells.
    static let windowRadius = 3
    /// Grey-level floor of the local contrast: flat paper stays flat instead of amplifying noise.
    static let contrastFloor: Float = 6

    /// Samples `image` through `placement` (relative side coordinates → image pixels) onto a
    /// `width` × `height` grid covering the whole side.
    init(image: Image, placement: Homography, width: Int, height: Int) {
        self.init(page: GreyPage(image), placement: placement, width: width, height: height)
    }

    /// The same from a page already turned grey, whose averaged-down copies are reused.
    init(page: GreyPage, placement: Homography, width: Int, height: Int) {
        self.width = width
        self.height = height
        // Pixels of the image per grid cell, near the middle of the side.
        let centre = placement.apply(Point(x: 0.5, y: 0.5))
        let step = placement.apply(Point(x: 0.5 + 1 / Double(max(1, width)), y: 0.5))
        let cell = max(1e-6, (step - centre).length)
        // Average down first, so that fine guilloche lines are averaged, not aliased, when sampled.
        let factor = max(1, Int(cell.rounded(.down)))
        let small = page.downsampled(by: factor)
        let toSmall = Homography.scale(1 / Double(factor))
        let toRelative = Homography([1 / Double(width), 0, 0, 0, 1 / Double(height), 0, 0, 0, 1])
        let mapping = toSmall.after(placement).after(toRelative)
        let sampled = small.warped(width: width, height: height, mapping: mapping, fill: 255)
        var inside = [Bool](repeating: false, count: width * height)
        let maxX = Double(small.width - 1), maxY = Double(small.height - 1)
        for y in 0..<height {
            for x in 0..<width {
                let p = mapping.apply(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                inside[y * width + x] = p.x >= 0 && p.y >= 0 && p.x <= maxX && p.y <= maxY
            }
        }
        onImage = inside
        values = StructureGrid.normalised(sampled, radius: StructureGrid.windowRadius, floor: StructureGrid.contrastFloor)
    }

    /// Local contrast normalisation through integral images of the values and their squares.
    private static func normalised(_ grey: Image, radius: Int, floor: Float) -> [Float] {
        let w = grey.width, h = grey.height
        guard w > 0, h > 0 else { return [] }
        var sum = [Double](repeating: 0, count: (w + 1) * (h + 1))
        var squares = sum
        grey.withUnsafeBytes { pixels in
            for y in 0..<h {
                var rowSum = 0.0, rowSquares = 0.0
                for x in 0..<w {
                    let v = Double(pixels[y * grey.stride + x])
                    rowSum += v
                    rowSquares += v * v
                    sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + rowSum
                    squares[(y + 1) * (w + 1) + x + 1] = squares[y * (w + 1) + x + 1] + rowSquares
                }
            }
        }
        var result = [Float](repeating: 0, count: w * h)
        grey.withUnsafeBytes { pixels in
            for y in 0..<h {
                let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                for x in 0..<w {
                    let x0 = max(0, x - radius), x1 = min(w, x + radius + 1)
                    let n = Double((x1 - x0) * (y1 - y0))
                    let s = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0]
                    let q = squares[y1 * (w + 1) + x1] - squares[y0 * (w + 1) + x1] - squares[y1 * (w + 1) + x0] + squares[y0 * (w + 1) + x0]
                    let mean = s / n
                    let variance = max(0, q / n - mean * mean)
                    let contrast = max(Double(floor), variance.squareRoot())
                    result[y * w + x] = Float((Double(pixels[y * grey.stride + x]) - mean) / contrast)
                }
            }
        }
        return result
    }

    /// Normalised cross-correlation of this grid's block at (`x`, `y`) shifted by (`dx`, `dy`)
    /// with `other`'s block at (`x`, `y`), `size` × `size`; `nil` where the shifted block leaves
    /// the grid or the image, or either block is flat.
    func correlation(with other: StructureGrid, x: Int, y: Int, dx: Int, dy: Int, size: Int) -> Float? {
        let sx = x + dx, sy = y + dy
        guard sx >= 0, sy >= 0, sx + size <= width, sy + size <= height,
              x >= 0, y >= 0, x + size <= other.width, y + size <= other.height else { return nil }
        var ab: Float = 0, aa: Float = 0, bb: Float = 0, sa: Float = 0, sb: Float = 0
        values.withUnsafeBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                for row in 0..<size {
                    let m = (sy + row) * width + sx, t = (y + row) * other.width + x
                    for k in 0..<size {
                        let a = mine[m + k], b = theirs[t + k]
                        ab += a * b
                        aa += a * a
                        bb += b * b
                        sa += a
                        sb += b
                    }
                }
            }
        }
        let n = Float(size * size)
        let covariance = ab - sa * sb / n
        let va = aa - sa * sa / n, vb = bb - sb * sb / n
        guard va > n * 0.05, vb > n * 0.05 else { return nil }
        return covariance / (va * vb).squareRoot()
    }

    /// The fraction of the block at (`x`, `y`) that lies on the image.
    func coverage(x: Int, y: Int, size: Int) -> Double {
        var count = 0
        for row in y..<min(height, y + size) { for column in x..<min(width, x + size) where onImage[row * width + column] { count += 1 } }
        return Double(count) / Double(size * size)
    }
}
