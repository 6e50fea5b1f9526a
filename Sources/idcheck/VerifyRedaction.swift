import IDCheck

/// What `--redact` hides on the images of a report: the MRZ's personal characters, and the
/// personal zones of the identified model (fields, photo, ghost image, signature) on every side
/// found. Where no side of a model could be located on an image, everything but the MRZ is
/// greyed out.
enum VerifyRedaction {
    static let personalZoneKinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .signature]
    static let personalFields: Set<Specimen.PrintedField> = [
        .surname, .givenNames, .documentNumber, .birthDate, .placeOfBirth, .personalNumber, .remarks,
    ]

    static func mask(_ image: Image, page: Int, inspection: Inspection) -> Image {
        let examination = inspection.examination
        let geometry = examination.mrzGeometry
        var canvas = image
        // The side of the model aligned on this image (MRZ side or a card's front), if any.
        let view = examination.sides.first { $0.page == page && $0.alignment.aligned }
            ?? examination.sides.first { $0.page == page && geometry?.page == page }
        if let view, let side = examination.model?.sides.first(where: { $0.name == view.side }) {
            for zone in side.zones where personalZoneKinds.contains(zone.kind) || zone.field.map(personalFields.contains) == true {
                canvas.fill(polygon: view.placement.region(of: zone.box), colour: Colour(gray: 200))
            }
        } else if let placement = examination.placement, let side = examination.model?.mrzSide, geometry?.page == page {
            for zone in side.zones where personalZoneKinds.contains(zone.kind) || zone.field.map(personalFields.contains) == true {
                canvas.fill(polygon: placement.region(of: zone.box), colour: Colour(gray: 200))
            }
        } else {
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
}
