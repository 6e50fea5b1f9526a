import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// The MRZ side's placement from the MRZ's outline alone, for the photo check: the MRZ's width
/// fixes the scale and angle, the document's physical proportions the height (square pixels), and
/// the MRZ's centre — its lines are centred in the model's MRZ zone — the position.
///
/// The examination's own estimate maps the outline's corners onto the zone's corners; the outline
/// runs from cap top to baseline while the zone has room above and below, so that estimate is
/// stretched vertically, most at the photo, far from the MRZ. An aligned placement (a step that
/// registered the side with its reference) is used as it is.
enum MRZSidePlacement {
    static func placement(_ examination: Examination, model: Specimen) -> DocumentPlacement? {
        guard let current = examination.placement else { return nil }
        guard current.method == "mrz-estimate" else { return current }
        guard let location = examination.mrzGeometry?.location, location.count == 4,
              let box = model.mrzSide?.zones(of: .mrz).first?.box, box.width > 0 else { return current }
        let ex = (location[1] - location[0]) * (1 / box.width)
        let ey = Point(x: -ex.y, y: ex.x) * (1 / model.size.aspectRatio)
        let centre = Point(x: location.map(\.x).reduce(0, +) / 4, y: location.map(\.y).reduce(0, +) / 4)
        let origin = centre - ex * (box.x + box.width / 2) - ey * (box.y + box.height / 2)
        return DocumentPlacement(matrix: [ex.x, ey.x, origin.x, ex.y, ey.y, origin.y, 0, 0, 1], method: "mrz-width")
    }
}
