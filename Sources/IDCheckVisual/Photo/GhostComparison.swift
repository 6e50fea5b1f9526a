/// Whether the ghost image shows the person of the main photo: both reduced to the outlines of a
/// portrait (hair, face, eyes, shoulders: the local contrast on a grid of cells, the tone under
/// it removed) and correlated. The ghost is a faint tinted greyscale print over the background
/// pattern; at this cell size the pattern's fine lines average out and only the person remains.
/// Every ID photo has a head over shoulders, so the plain grey layout correlates between any two
/// people; the outlines, where faces, hair and clothes differ, do much less.
struct GhostComparison: Sendable {
    /// Grid of the comparison: cells across and down.
    var across = 20
    var down = 28
    /// Furthest the two grids are shifted against each other, cells (a face printed a little
    /// higher in one than the other).
    var shift = 1

    /// Correlation of the two portraits' coarse structure, best of small shifts; `nil` when one
    /// of them is flat.
    func similarity(photo: GreyPatch, ghost: GreyPatch) -> Double? {
        let a = photo.highPass(radius: 6).cells(across: across * 2, down: down * 2).blurred(radius: 1)
        let b = ghost.highPass(radius: 6).cells(across: across * 2, down: down * 2).blurred(radius: 1)
        // The inner part of b against shifted windows of a.
        var mask = [Bool](repeating: false, count: b.values.count)
        for y in 2 * shift..<(b.height - 2 * shift) {
            for x in 2 * shift..<(b.width - 2 * shift) { mask[y * b.width + x] = true }
        }
        var best: Double?
        for dy in -2 * shift...2 * shift {
            for dx in -2 * shift...2 * shift {
                if let c = a.correlation(with: b, mask: mask, dx: dx, dy: dy), c > (best ?? -2) { best = c }
            }
        }
        return best
    }
}

extension GreyPatch {
    /// The part of the patch inside `rectangle` (x0, y0, x1, y1 end-exclusive), clamped.
    func cropped(_ rectangle: (x0: Int, y0: Int, x1: Int, y1: Int)) -> GreyPatch {
        let x0 = max(0, rectangle.x0), y0 = max(0, rectangle.y0)
        let x1 = min(width, rectangle.x1), y1 = min(height, rectangle.y1)
        guard x0 < x1, y0 < y1 else { return GreyPatch(width: 0, height: 0, values: []) }
        var result = [Float](repeating: 0, count: (x1 - x0) * (y1 - y0))
        for y in y0..<y1 {
            for x in x0..<x1 { result[(y - y0) * (x1 - x0) + x - x0] = values[y * width + x] }
        }
        return GreyPatch(width: x1 - x0, height: y1 - y0, values: result)
    }
}
