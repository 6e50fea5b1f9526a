import IDCheckImaging
import IDCheckSpecimens

/// Where the document lies on an image: a projective map from the specimen's relative
/// coordinates (0…1 across the side, origin top-left) to image pixels.
///
/// This issue estimates it from the MRZ alone (``estimated(mrzLocation:mrzBox:)``: the read MRZ's
/// corners are matched to the model's MRZ zone, which fixes scale, rotation and position); the
/// visual comparison replaces it with a proper alignment of the whole side.
public struct DocumentPlacement: Sendable, Hashable {
    /// Row-major 3×3 homography from relative side coordinates to pixels.
    public var matrix: [Double]
    /// How the placement was obtained (`mrz-estimate`, `aligned`).
    public var method: String

    public init(matrix: [Double], method: String) {
        self.matrix = matrix.count == 9 ? matrix : [1, 0, 0, 0, 1, 0, 0, 0, 1]
        self.method = method
    }

    /// The affine placement that puts the model's MRZ box onto the MRZ found on the image
    /// (`mrzLocation`: 4 corners clockwise from the MRZ's own top-left); `nil` for a degenerate box.
    ///
    /// The MRZ's characters span the box's width (first cell's left to last cell's right) and sit
    /// centred in its height, but do not fill it: with the side's aspect ratio (width / height)
    /// the vertical scale comes from the horizontal one instead of from the characters' height.
    public static func estimated(mrzLocation: [Point], mrzBox: Specimen.Box, sideAspectRatio: Double? = nil) -> DocumentPlacement? {
        guard mrzLocation.count == 4, mrzBox.width > 0, mrzBox.height > 0 else { return nil }
        let topLeft = mrzLocation[0], topRight = mrzLocation[1], bottomRight = mrzLocation[2], bottomLeft = mrzLocation[3]
        // Pixels per unit of relative x and y, along the MRZ's own axes.
        let ex = (topRight - topLeft) * (1 / mrzBox.width)
        var ey = (bottomLeft - topLeft) * (1 / mrzBox.height)
        var origin = topLeft - ex * mrzBox.x - ey * mrzBox.y
        if let aspect = sideAspectRatio, aspect > 0 {
            let down = (bottomLeft + bottomRight - topLeft - topRight) * 0.5
            guard down.length > 1e-9 else { return nil }
            ey = down * (ex.length / aspect / down.length)
            let centre = (topLeft + topRight + bottomRight + bottomLeft) * 0.25
            origin = centre - ex * (mrzBox.x + mrzBox.width / 2) - ey * (mrzBox.y + mrzBox.height / 2)
        }
        return DocumentPlacement(matrix: [ex.x, ey.x, origin.x, ex.y, ey.y, origin.y, 0, 0, 1], method: "mrz-estimate")
    }

    /// A point given relative to the side, in pixels.
    public func point(x: Double, y: Double) -> Point {
        let m = matrix
        let w = m[6] * x + m[7] * y + m[8]
        let scale = abs(w) < 1e-12 ? 1 : 1 / w
        return Point(x: (m[0] * x + m[1] * y + m[2]) * scale, y: (m[3] * x + m[4] * y + m[5]) * scale)
    }

    /// A zone's box on the image: 4 corners clockwise from the top-left.
    public func region(of box: Specimen.Box) -> [Point] {
        [point(x: box.x, y: box.y), point(x: box.x + box.width, y: box.y),
         point(x: box.x + box.width, y: box.y + box.height), point(x: box.x, y: box.y + box.height)]
    }

    /// The whole side's outline on the image.
    public var outline: [Point] { region(of: Specimen.Box(x: 0, y: 0, width: 1, height: 1)) }
}

extension DocumentPlacement {
    /// The placement as a homography (relative side coordinates → pixels).
    public var homography: Homography { Homography(matrix) }

    /// A placement from a homography.
    public init(_ homography: Homography, method: String) {
        self.init(matrix: homography.m, method: method)
    }
}
