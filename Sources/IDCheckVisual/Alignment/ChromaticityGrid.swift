import IDCheckImaging

/// The colours of a side on a coarse grid, as chromaticity (each channel's share of the
/// brightness), so that a scan's uneven light and exposure do not count — only the hue and
/// saturation of the paper and its print.
struct ChromaticityGrid: Sendable {
    static let width = 48
    let width: Int
    let height: Int
    /// Per cell: red and blue shares of r + g + b (green is the rest); `nil` off the image.
    var cells: [SIMD2<Float>?]

    /// Samples `image` (RGB) through `placement` (relative side coordinates → pixels).
    init(image: Image, placement: Homography, height: Int) {
        width = ChromaticityGrid.width
        self.height = height
        let centre = placement.apply(Point(x: 0.5, y: 0.5))
        let step = placement.apply(Point(x: 0.5 + 1 / Double(width), y: 0.5))
        let factor = max(1, Int((step - centre).length.rounded(.down)))
        let small = (image.format == .rgb ? image : image.converted(to: .rgb)).downsampled(by: factor)
        let mapping = Homography.scale(1 / Double(factor)).after(placement)
            .after(Homography([1 / Double(width), 0, 0, 0, 1 / Double(height), 0, 0, 0, 1]))
        var cells = [SIMD2<Float>?](repeating: nil, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let p = mapping.apply(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                guard let colour = small[Int(p.x), Int(p.y)], p.x >= 0, p.y >= 0 else { continue }
                let r = Float(colour.red), g = Float(colour.green), b = Float(colour.blue)
                let sum = r + g + b
                guard sum > 60 else { continue } // too dark to tell a hue
                cells[y * width + x] = SIMD2(r / sum, b / sum)
            }
        }
        self.cells = cells
    }

    /// Median distance between this grid's and `other`'s chromaticity over the static cells.
    func distance(to other: ChromaticityGrid, mask: StaticMask) -> Double? {
        var distances: [Float] = []
        for y in 0..<min(height, other.height) {
            for x in 0..<min(width, other.width) where mask.fraction(x: x, y: y, size: 1) > 0 {
                guard let a = cells[y * width + x], let b = other.cells[y * other.width + x] else { continue }
                let d = a - b
                distances.append((d * d).sum().squareRoot())
            }
        }
        guard distances.count >= 20 else { return nil }
        distances.sort()
        return Double(distances[distances.count / 2])
    }
}
