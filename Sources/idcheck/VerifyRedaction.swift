import IDCheck

/// What `--redact` hides on the images of a report: the MRZ's personal characters, and the
/// personal zones of the identified model (fields, photo, ghost image, signature) on every side
/// found. Around the sides found, the rest of the image is greyed out: what lies there (a card's
/// other side or a second document on the same photocopy, not located) may be personal too.
/// Where no side of a model could be located on an image, everything but the MRZ is greyed out.
enum VerifyRedaction {
    static let personalZoneKinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .signature]
    static let personalFields: Set<Specimen.PrintedField> = [
        .surname, .givenNames, .documentNumber, .birthDate, .placeOfBirth, .personalNumber, .remarks,
    ]
    /// How far around a side found the image stays visible, as a share of the side's size from
    /// its centre: the placement is that sure, and the paper's edge belongs to the document.
    static let sideMargin = 0.04

    static func mask(_ image: Image, page: Int, inspection: Inspection) -> Image {
        let examination = inspection.examination
        let geometry = examination.mrzGeometry
        var canvas = image
        // The sides of the model located on this image (the MRZ side, a card's front, both on a
        // photocopy of a card), else the MRZ's estimate of its side.
        var located: [(placement: DocumentPlacement, side: Specimen.Side)] = examination.sides.filter { view in
            view.page == page && (view.alignment.aligned || geometry?.page == page)
        }.compactMap { view in
            examination.model?.sides.first { $0.name == view.side }.map { (view.placement, $0) }
        }
        if located.isEmpty, let placement = examination.placement, let side = examination.model?.mrzSide, geometry?.page == page {
            located = [(placement, side)]
        }
        if located.isEmpty {
            // Grey everything, then bring back the MRZ's bounding box.
            canvas = Image(width: image.width, height: image.height, format: image.format, fill: 200)
            if let geometry, geometry.page == page {
                let xs = geometry.location.map(\.x), ys = geometry.location.map(\.y)
                let x0 = max(0, Int((xs.min() ?? 0).rounded(.down))), x1 = min(image.width, Int((xs.max() ?? 0).rounded(.up)))
                let y0 = max(0, Int((ys.min() ?? 0).rounded(.down))), y1 = min(image.height, Int((ys.max() ?? 0).rounded(.up)))
                if x1 > x0, y1 > y0 {
                    for y in y0..<y1 { for x in x0..<x1 { if let colour = image[x, y] { canvas.setPixel(x: x, y: y, to: colour) } } }
                }
            }
        } else {
            greyOutside(located.map { $0.placement.outline.grown(by: 1 + 2 * sideMargin) }, on: &canvas)
            for (placement, side) in located {
                for zone in side.zones where personalZoneKinds.contains(zone.kind) || zone.field.map(personalFields.contains) == true {
                    canvas.fill(polygon: placement.region(of: zone.box), colour: Colour(gray: 200))
                }
            }
        }
        if let geometry, geometry.page == page, let zone = examination.zone {
            for field in zone.fields where MRZReport.personalFields.contains(field.field) {
                if let region = geometry.region(of: field.span) {
                    // Ink boxes are tight: a thick outline also covers the edges of the characters.
                    let height = zip(region, region.dropFirst(3)).map { ($0.0 - $0.1).length }.first ?? 10
                    canvas.fill(polygon: region, colour: .black)
                    canvas.stroke(polygon: region, colour: .black, lineWidth: max(3, height * 0.5))
                }
            }
        }
        return canvas
    }

    /// Greys every pixel of `canvas` outside all of `polygons` (convex), row by row: each row
    /// keeps the spans where it crosses them.
    static func greyOutside(_ polygons: [[Point]], on canvas: inout Image) {
        let width = canvas.width, height = canvas.height, channels = canvas.channels, stride = canvas.stride
        canvas.withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                let centre = Double(y) + 0.5
                // Columns kept on this row: where its centre line runs inside a polygon.
                var spans: [(Int, Int)] = []
                for polygon in polygons {
                    var low = Double.infinity, high = -Double.infinity
                    for (a, b) in zip(polygon, polygon.dropFirst() + polygon.prefix(1)) where (a.y - centre) * (b.y - centre) <= 0 && a.y != b.y {
                        let x = a.x + (centre - a.y) / (b.y - a.y) * (b.x - a.x)
                        low = min(low, x)
                        high = max(high, x)
                    }
                    guard low <= high else { continue }
                    // Clamped as doubles first: a corner far off the image must not overflow Int.
                    spans.append((Int(min(Double(width), max(0, low.rounded()))), Int(min(Double(width), max(0, high.rounded())))))
                }
                for x in 0..<width where !spans.contains(where: { x >= $0.0 && x < $0.1 }) {
                    for c in 0..<channels { pixels[y * stride + x * channels + c] = 200 }
                }
            }
        }
    }
}
