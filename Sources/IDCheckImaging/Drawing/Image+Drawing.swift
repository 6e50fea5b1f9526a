/// Drawing primitives shared by the reader (debug output), the reports (annotated images) and the
/// specimen renderer. Everything is clipped to the image; `alpha` below 1 blends over what is there.
extension Image {
    /// Blends `colour` into the pixel at (x, y) with opacity `alpha`.
    @inline(__always)
    public mutating func blendPixel(x: Int, y: Int, colour: Colour, alpha: Double) {
        guard contains(x: x, y: y) else { return }
        if alpha >= 1 { setPixel(x: x, y: y, to: colour); return }
        if alpha <= 0 { return }
        let offset = y * stride + x * channels
        let a = Int((alpha * 256).rounded())
        func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            UInt8((Int(top) * a + Int(bottom) * (256 - a) + 128) >> 8)
        }
        switch format {
        case .gray: pixels[offset] = mix(colour.luminance, pixels[offset])
        case .rgb:
            pixels[offset] = mix(colour.red, pixels[offset])
            pixels[offset + 1] = mix(colour.green, pixels[offset + 1])
            pixels[offset + 2] = mix(colour.blue, pixels[offset + 2])
        }
    }

    /// Fills the rectangle, clipped to the image.
    public mutating func fill(_ rectangle: Rectangle, colour: Colour, alpha: Double = 1) {
        let x0 = max(0, Int(rectangle.x.rounded())), y0 = max(0, Int(rectangle.y.rounded()))
        let x1 = min(width, Int((rectangle.x + rectangle.width).rounded()))
        let y1 = min(height, Int((rectangle.y + rectangle.height).rounded()))
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { blendPixel(x: x, y: y, colour: colour, alpha: alpha) }
        }
    }

    /// Draws the outline of the rectangle with lines `lineWidth` pixels wide.
    public mutating func stroke(_ rectangle: Rectangle, colour: Colour, lineWidth: Double = 1, alpha: Double = 1) {
        stroke(polygon: rectangle.corners, colour: colour, lineWidth: lineWidth, alpha: alpha)
    }

    /// Draws a straight line `lineWidth` pixels wide with square ends.
    public mutating func drawLine(from start: Point, to end: Point, colour: Colour, lineWidth: Double = 1, alpha: Double = 1) {
        // A thick line is the quadrilateral around the segment; filling it once avoids
        // double-blending where stamped discs would overlap.
        let direction = end - start
        let length = direction.length
        let half = max(0.5, lineWidth / 2)
        if length < 1e-9 {
            fill(Rectangle(x: start.x - half, y: start.y - half, width: 2 * half, height: 2 * half), colour: colour, alpha: alpha)
            return
        }
        let unit = direction * (1 / length)
        let normal = Point(x: -unit.y * half, y: unit.x * half)
        let along = unit * half
        let quad = [start - along + normal, end + along + normal, end + along - normal, start - along - normal]
        fill(polygon: quad, colour: colour, alpha: alpha)
    }

    /// Draws a closed polygon's outline.
    public mutating func stroke(polygon points: [Point], colour: Colour, lineWidth: Double = 1, alpha: Double = 1) {
        guard points.count >= 2 else { return }
        if alpha >= 1 {
            for index in points.indices {
                drawLine(from: points[index], to: points[(index + 1) % points.count], colour: colour, lineWidth: lineWidth)
            }
            return
        }
        // Translucent outlines are drawn on a mask first so that corners are not blended twice.
        var mask = Image(width: width, height: height, format: .gray, fill: 0)
        for index in points.indices {
            mask.drawLine(from: points[index], to: points[(index + 1) % points.count], colour: .white, lineWidth: lineWidth)
        }
        blend(mask: mask, colour: colour, alpha: alpha)
    }

    /// Fills a polygon (even-odd rule) by scanlines through pixel centres.
    public mutating func fill(polygon points: [Point], colour: Colour, alpha: Double = 1) {
        guard points.count >= 3 else { return }
        let minY = max(0, Int(points.map(\.y).min()!.rounded(.down)))
        let maxY = min(height - 1, Int(points.map(\.y).max()!.rounded(.up)))
        guard minY <= maxY else { return }
        var crossings: [Double] = []
        for y in minY...maxY {
            let centre = Double(y) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for index in points.indices {
                let a = points[index], b = points[(index + 1) % points.count]
                if (a.y <= centre && b.y > centre) || (b.y <= centre && a.y > centre) {
                    crossings.append(a.x + (centre - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
            crossings.sort()
            var pair = 0
            while pair + 1 < crossings.count {
                let x0 = max(0, Int((crossings[pair] - 0.5).rounded(.up)))
                let x1 = min(width - 1, Int((crossings[pair + 1] - 0.5).rounded(.down)))
                if x0 <= x1 { for x in x0...x1 { blendPixel(x: x, y: y, colour: colour, alpha: alpha) } }
                pair += 2
            }
        }
    }

    /// Blends `colour` through a grey mask of the same size: mask 255 applies `alpha`, 0 nothing.
    public mutating func blend(mask: Image, colour: Colour, alpha: Double = 1) {
        guard mask.width == width, mask.height == height, mask.format == .gray else { return }
        for y in 0..<height {
            for x in 0..<width {
                let m = mask.pixels[y * mask.stride + x]
                if m > 0 { blendPixel(x: x, y: y, colour: colour, alpha: alpha * Double(m) / 255) }
            }
        }
    }

    /// Copies `source` onto this image with its top-left corner at (x, y), converting formats.
    public mutating func draw(_ source: Image, atX originX: Int, y originY: Int, alpha: Double = 1) {
        for sy in 0..<source.height {
            let y = originY + sy
            guard y >= 0, y < height else { continue }
            for sx in 0..<source.width {
                let x = originX + sx
                guard x >= 0, x < width, let colour = source[sx, sy] else { continue }
                blendPixel(x: x, y: y, colour: colour, alpha: alpha)
            }
        }
    }
}
