import IDCheck

/// The annotated image of `--annotate`: the identified model's zones (blue, where the alignment
/// with the specimen put each side), the MRZ (green when valid, red when not), and every indicator's region in its
/// severity's colour (red critical, orange warning, grey info) numbered as in the text report.
enum VerifyAnnotation {
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
