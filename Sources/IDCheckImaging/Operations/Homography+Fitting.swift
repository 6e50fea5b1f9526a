extension Homography {
    /// The homography that maps `from` onto `to` best in the least-squares sense (DLT with
    /// h33 = 1, points normalised to their centroid and spread first, as Hartley recommends, so
    /// that pixel and relative coordinates condition alike); `nil` for fewer than four pairs or a
    /// degenerate configuration (all points on a line).
    ///
    /// `weights` (one per pair, default 1) let anchors that are known precisely count for more.
    public static func fitting(_ from: [Point], to: [Point], weights: [Double]? = nil) -> Homography? {
        guard from.count == to.count, from.count >= 4 else { return nil }
        guard let normalFrom = normalising(from), let normalTo = normalising(to), let back = normalTo.inverse else { return nil }
        // Normal equations AᵀWA h = AᵀWb over the 8 unknowns.
        var ata = [Double](repeating: 0, count: 64)
        var atb = [Double](repeating: 0, count: 8)
        for i in from.indices {
            let p = normalFrom.apply(from[i]), q = normalTo.apply(to[i])
            let w = weights?[i] ?? 1
            let rows: [([Double], Double)] = [
                ([p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y], q.x),
                ([0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y], q.y),
            ]
            for (a, b) in rows {
                for r in 0..<8 {
                    atb[r] += w * a[r] * b
                    for c in 0..<8 { ata[r * 8 + c] += w * a[r] * a[c] }
                }
            }
        }
        guard let h = solve(ata, atb, size: 8) else { return nil }
        // In pixels: undo the target's normalisation after the fitted map of the normalised points.
        return back.after(Homography(h + [1])).after(normalFrom)
    }

    /// The similarity that moves `points`' centroid to the origin and scales their mean distance
    /// from it to √2.
    private static func normalising(_ points: [Point]) -> Homography? {
        let n = Double(points.count)
        let cx = points.reduce(0) { $0 + $1.x } / n, cy = points.reduce(0) { $0 + $1.y } / n
        let spread = points.reduce(0) { $0 + ((($1.x - cx) * ($1.x - cx) + ($1.y - cy) * ($1.y - cy)).squareRoot()) } / n
        guard spread > 1e-12 else { return nil }
        let s = 2.0.squareRoot() / spread
        return Homography([s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1])
    }

    /// Gaussian elimination with partial pivoting on a `size` × `size` system.
    private static func solve(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double]? {
        var a = matrix, b = vector
        for col in 0..<n {
            var pivot = col
            for row in col + 1..<n where abs(a[row * n + col]) > abs(a[pivot * n + col]) { pivot = row }
            guard abs(a[pivot * n + col]) > 1e-12 else { return nil }
            if pivot != col {
                for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) }
                b.swapAt(col, pivot)
            }
            for row in 0..<n where row != col {
                let f = a[row * n + col] / a[col * n + col]
                guard f != 0 else { continue }
                for k in col..<n { a[row * n + k] -= f * a[col * n + k] }
                b[row] -= f * b[col]
            }
        }
        return (0..<n).map { b[$0] / a[$0 * n + $0] }
    }
}
