import IDCheck

/// The annotated image of `--annotate`: the identified model's zones (blue, where the alignment
/// with the specimen put each side), the MRZ (green when valid, red when not), and every indicator's region in its
/// severity's colour (red critical, orange warning, grey info) numbered as in the text report.
/// Under them, the tampering heat map: blocks whose noise is foreign to the rest of the image
/// tinted magenta, the more the more foreign.
enum VerifyAnnotation {
    /// The heat map's tint.
    static let heatColour = (red: 230.0, green: 0.0, blue: 200.0)
    /// Tint opacity at the map's full score.
    static let heatOpacity = 0.55

    /// Tints the blocks of `map` on an RGB image in proportion to their score.
    static func overlay(_ map: TamperingMap, on canvas: inout Image) {
        guard canvas.format == .rgb else { return }
        let width = canvas.width, height = canvas.height, stride = canvas.stride, size = map.blockSize
        canvas.withUnsafeMutableBytes { pixels in
            for row in 0..<map.rows {
                for column in 0..<map.columns {
                    let score = Double(map.score(column: column, row: row))
                    guard score > 0 else { continue }
                    let alpha = heatOpacity * score
                    for y in (row * size)..<min(height, (row + 1) * size) {
                        for x in (column * size)..<min(width, (column + 1) * size) {
                            let o = y * stride + x * 3
                            pixels[o] = UInt8(Double(pixels[o]) * (1 - alpha) + heatColour.red * alpha)
                            pixels[o + 1] = UInt8(Double(pixels[o + 1]) * (1 - alpha) + heatColour.green * alpha)
                            pixels[o + 2] = UInt8(Double(pixels[o + 2]) * (1 - alpha) + heatColour.blue * alpha)
                        }
                    }
                }
            }
        }
    }

    static func colour(_ severity: Indicator.Severity) -> Colour {
        switch severity {
        case .critical: .red
        case .warning: .orange
        case .info: Colour(gray: 120)
        }
    }

    static func annotated(_ image: Image, page: Int, inspection: Inspection, redact: Bool) -> Image {
        let examination = inspection.examination
        let report = redact ? inspection.report.redacted() : inspection.report
        var canvas = (redact ? VerifyRedaction.mask(image, page: page, inspection: inspection) : image).converted(to: .rgb)
        let scale = max(1, Double(max(image.width, image.height)) / 1000)
        for map in examination.tamperingMaps where map.page == page { overlay(map, on: &canvas) }
        // Every side of the model found on this image (a card's front has no MRZ of its own).
        for view in examination.sides where view.page == page {
            guard let side = examination.model?.sides.first(where: { $0.name == view.side }) else { continue }
            canvas.stroke(polygon: view.placement.outline, colour: .blue, lineWidth: 2 * scale, alpha: 0.7)
            for zone in side.zones where zone.kind != .mrz {
                canvas.stroke(polygon: view.placement.region(of: zone.box), colour: .blue, lineWidth: scale, alpha: 0.5)
            }
        }
        if let geometry = examination.mrzGeometry, geometry.page == page {
            let valid = examination.zone?.isValid ?? false
            canvas.stroke(polygon: geometry.location, colour: valid ? .green : .red, lineWidth: 2 * scale)
        }
        let font = try? SystemFonts.load(.dejaVuSans)
        for (index, indicator) in report.indicators.enumerated() {
            guard indicator.evidence.page == page, let region = indicator.evidence.region, region.count >= 3 else { continue }
            let colour = colour(indicator.severity)
            if indicator.severity != .info { canvas.fill(polygon: region, colour: colour, alpha: 0.18) }
            canvas.stroke(polygon: region, colour: colour, lineWidth: (indicator.severity == .info ? 1 : 2) * scale)
            if let font, indicator.severity != .info {
                let top = region.min { $0.y < $1.y } ?? region[0]
                _ = try? canvas.draw(text: "\(index + 1)", at: Point(x: top.x, y: max(12 * scale, top.y - 3 * scale)), font: font,
                                     sizeInPixels: 14 * scale, colour: colour)
            }
        }
        return canvas
    }
}
