import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// A questioned image seen through a placement: zones of the specimen cut out upright at a
/// chosen resolution, whatever the angle the document was scanned or photographed at.
public struct AlignedSide: Sendable {
    public let image: Image
    public let placement: DocumentPlacement

    public init(image: Image, placement: DocumentPlacement) {
        self.image = image
        self.placement = placement
    }

    /// The specimen box `box` (relative side coordinates) cut out as a `width` × `height` image.
    public func patch(_ box: Specimen.Box, width: Int, height: Int, fill: UInt8 = 255) -> Image {
        guard width > 0, height > 0 else { return Image(width: 0, height: 0, format: image.format) }
        // Output pixel (u, v) → relative (box.x + u·box.width/width, …) → image pixels.
        let toRelative = Homography([box.width / Double(width), 0, box.x, 0, box.height / Double(height), box.y, 0, 0, 1])
        return image.warped(width: width, height: height, mapping: placement.homography.after(toRelative), fill: fill)
    }

    /// Pixels per unit of relative side width and height near the box's centre: the scale a
    /// zone has on this image.
    public func scale(at box: Specimen.Box) -> (x: Double, y: Double) {
        let c = placement.point(x: box.x + box.width / 2, y: box.y + box.height / 2)
        let dx = placement.point(x: box.x + box.width / 2 + 0.01, y: box.y + box.height / 2)
        let dy = placement.point(x: box.x + box.width / 2, y: box.y + box.height / 2 + 0.01)
        return ((dx - c).length * 100, (dy - c).length * 100)
    }
}
