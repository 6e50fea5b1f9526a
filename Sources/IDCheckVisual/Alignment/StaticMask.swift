import IDCheckSpecimens

/// The cells of a side's grid that every document of the model prints alike: everything except
/// the photo, the ghost image, the signature, the printed values and the MRZ, and a margin along
/// the edges (rounded corners, the scanner's shadow).
struct StaticMask: Sendable {
    let width: Int
    let height: Int
    private var isStatic: [Bool]
    /// The kind of static zone a cell belongs to, where the specimen names one.
    private var kinds: [String?]

    static let personalKinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .signature, .field, .mrz]
    static let edgeMargin = 0.025

    init(side: Specimen.Side, width: Int, height: Int) {
        self.width = width
        self.height = height
        isStatic = [Bool](repeating: true, count: width * height)
        kinds = [String?](repeating: nil, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let rx = (Double(x) + 0.5) / Double(width), ry = (Double(y) + 0.5) / Double(height)
                if rx < StaticMask.edgeMargin || ry < StaticMask.edgeMargin || rx > 1 - StaticMask.edgeMargin || ry > 1 - StaticMask.edgeMargin {
                    isStatic[y * width + x] = false
                }
            }
        }
        for zone in side.zones {
            let x0 = max(0, Int((zone.box.x * Double(width)).rounded(.down)))
            let y0 = max(0, Int((zone.box.y * Double(height)).rounded(.down)))
            let x1 = min(width, Int(((zone.box.x + zone.box.width) * Double(width)).rounded(.up)))
            let y1 = min(height, Int(((zone.box.y + zone.box.height) * Double(height)).rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            let personal = StaticMask.personalKinds.contains(zone.kind)
            for y in y0..<y1 {
                for x in x0..<x1 {
                    if personal { isStatic[y * width + x] = false } else { kinds[y * width + x] = zone.kind.rawValue }
                }
            }
        }
    }

    /// The fraction of static cells in the block at (`x`, `y`).
    func fraction(x: Int, y: Int, size: Int) -> Double {
        var count = 0
        for row in y..<min(height, y + size) { for column in x..<min(width, x + size) where isStatic[row * width + column] { count += 1 } }
        return Double(count) / Double(size * size)
    }

    /// The static zone kind at a cell, if any (cells outside named zones: `paper`).
    func kind(x: Int, y: Int) -> String? {
        guard x >= 0, y >= 0, x < width, y < height, isStatic[y * width + x] else { return nil }
        return kinds[y * width + x] ?? "paper"
    }
}
