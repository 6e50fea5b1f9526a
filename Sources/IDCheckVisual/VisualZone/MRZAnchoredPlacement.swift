import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// A placement of the MRZ's side fitted on every MRZ character rather than on the MRZ's outline.
///
/// The MRZ is printed on a fixed pitch with its lines evenly spaced over its zone (ICAO 9303,
/// and so the renderer), so the centre of character `j` of line `i` lies at a known point of the
/// specimen side. A least-squares fit over the dozens of letters and digits fixes scale and
/// angle far better than the outline's four corners, whose top and bottom are the ink's, not the
/// zone's. The fit is a similarity (rotation, one scale, shift) in millimetres: the two or three
/// MRZ lines are too close together to fix a vertical scale of their own, whose error would grow
/// tenfold by the time it reaches the names at the top of the side.
enum MRZAnchoredPlacement {
    /// The fitted placement, or `nil` when too few characters are known.
    static func fit(geometry: MRZGeometry, lines: [String], mrzBox: Specimen.Box, size: Specimen.PhysicalSize) -> DocumentPlacement? {
        let count = lines.count
        let longest = lines.map(\.count).max() ?? 0
        guard count > 0, longest > 0, geometry.characterBoxes.count == count else { return nil }
        let w = size.widthMillimetres, h = size.heightMillimetres
        var pairs: [(side: Point, image: Point)] = []
        for (row, line) in lines.enumerated() {
            let boxes = geometry.characterBoxes[row]
            for (column, character) in line.enumerated() where column < boxes.count && character != "<" {
                let corners = boxes[column]
                guard corners.count == 4 else { continue }
                let centre = Point(x: corners.map(\.x).reduce(0, +) / 4, y: corners.map(\.y).reduce(0, +) / 4)
                let side = Point(x: w * (mrzBox.x + mrzBox.width * (Double(column) + 0.5) / Double(longest)),
                                 y: h * (mrzBox.y + mrzBox.height * (Double(row) + 0.5) / Double(count)))
                pairs.append((side, centre))
            }
        }
        guard var fitted = similarity(pairs) else { return nil }
        // Once more without the characters the first fit places worst (a box cut short by noise).
        let residuals = pairs.map { (apply(fitted, $0.side) - $0.image).length }
        let limit = max(1.5, 3 * (residuals.sorted()[residuals.count / 2]))
        let kept = zip(pairs, residuals).filter { $0.1 <= limit }.map(\.0)
        if kept.count >= 8, let refitted = similarity(kept) { fitted = refitted }
        let (a, b, tx, ty) = fitted
        // Millimetres → relative side coordinates.
        return DocumentPlacement(matrix: [a * w, -b * h, tx, b * w, a * h, ty, 0, 0, 1], method: "mrz-characters")
    }

    private static func apply(_ t: (Double, Double, Double, Double), _ p: Point) -> Point {
        Point(x: t.0 * p.x - t.1 * p.y + t.2, y: t.1 * p.x + t.0 * p.y + t.3)
    }

    /// Least-squares similarity `X = a·x − b·y + tx`, `Y = b·x + a·y + ty` taking side points to image points.
    private static func similarity(_ pairs: [(side: Point, image: Point)]) -> (Double, Double, Double, Double)? {
        guard pairs.count >= 8 else { return nil }
        let n = Double(pairs.count)
        let mx = pairs.map(\.side.x).reduce(0, +) / n, my = pairs.map(\.side.y).reduce(0, +) / n
        let mX = pairs.map(\.image.x).reduce(0, +) / n, mY = pairs.map(\.image.y).reduce(0, +) / n
        var norm = 0.0, dotA = 0.0, dotB = 0.0
        for pair in pairs {
            let x = pair.side.x - mx, y = pair.side.y - my, X = pair.image.x - mX, Y = pair.image.y - mY
            norm += x * x + y * y
            dotA += x * X + y * Y
            dotB += x * Y - y * X
        }
        guard norm > 1e-12 else { return nil }
        let a = dotA / norm, b = dotB / norm
        return (a, b, mX - a * mx + b * my, mY - b * mx - a * my)
    }
}
