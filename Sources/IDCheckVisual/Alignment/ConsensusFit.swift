import IDCheckImaging

/// The homography most of a side's block matches agree on, where many are wrong.
///
/// Blocks of a guilloche repeat: a block of a wavy pattern correlates almost as well one period
/// away, so on some scans most blocks are found at a wrong spot, each a different one. A least
/// squares fit through all of them, pruned of the points far from it, can settle on a wrong map
/// that a minority happens to fit (a residence permit's back put 3 mm off at its top corners,
/// its printed fields then unread). So several starting maps are grown — fitted to the matches
/// within ``inlierDistance`` of them, refitted, again — and the one that most matches agree with
/// is kept:
/// - the pruned least-squares fit through all matches (the map kept when none does better);
/// - no correction at all (the MRZ's placement, which is close where the MRZ was read well);
/// - the affine map through three matches that most others agree with, among
///   ``affineSamples`` triples drawn in a fixed order (the same result on every run).
///
/// Each grown map is then refitted on the matches closest to it (``polished``), and a map that
/// moves the matches' corners far is refused (``largestCornerShift``).
struct ConsensusFit: Sendable {
    /// A match within this many grid cells of a map agrees with it.
    var inlierDistance = 1.5
    /// Triples of matches tried as affine starting maps.
    var affineSamples = 200
    /// Refits of a starting map on the matches that agree with it.
    var growthRounds = 3
    /// Fewest matches a map must explain.
    var fewestMatches = 8
    /// Furthest a map may move a corner of the matches' extent, cells: blocks are searched a few
    /// cells around where the MRZ puts them, so the correction is small, while a homography bent
    /// to pass through a handful of chance agreements moves its corners far.
    var largestCornerShift = 24.0
    /// The final refit keeps the agreeing matches within this many times their median distance
    /// from the map, and never fewer than those within ``polishFloor`` cells (``polished``).
    var polishFactor = 2.5
    var polishFloor = 0.5

    /// The best-supported map of `from` onto `to` and the indices of the matches it was last
    /// fitted on; `nil` when no map has ``fewestMatches`` matches.
    func fit(_ from: [Point], to: [Point]) -> (map: Homography, agreeing: [Int])? {
        guard from.count == to.count, from.count >= fewestMatches else { return nil }
        var best: (map: Homography, agreeing: [Int], support: Int)?
        let xs = from.map(\.x), ys = from.map(\.y)
        let corners = [Point(x: xs.min() ?? 0, y: ys.min() ?? 0), Point(x: xs.max() ?? 0, y: ys.min() ?? 0),
                       Point(x: xs.max() ?? 0, y: ys.max() ?? 0), Point(x: xs.min() ?? 0, y: ys.max() ?? 0)]
        func consider(_ start: Homography?) {
            guard let start, let grown = grow(start, from, to), grown.agreeing.count > best?.support ?? 0 else { return }
            let final = polished(grown, from, to)
            guard corners.allSatisfy({ (final.map.apply($0) - $0).length <= largestCornerShift }) else { return }
            best = (final.map, final.agreeing, grown.agreeing.count)
        }
        consider(prunedLeastSquares(from, to))
        consider(.identity)
        consider(bestAffine(from, to))
        return best.map { ($0.map, $0.agreeing) }
    }

    /// The matches within ``inlierDistance`` of `map`.
    func agreeing(_ map: Homography, _ from: [Point], _ to: [Point]) -> [Int] {
        from.indices.filter { Self.distance(map, $0, from, to) <= inlierDistance }
    }

    /// How far `map` puts match `index` from where it was found, cells.
    private static func distance(_ map: Homography, _ index: Int, _ from: [Point], _ to: [Point]) -> Double {
        (map.apply(from[index]) - to[index]).length
    }

    /// The least-squares homography through the matches `indices`.
    private static func fitted(_ indices: [Int], _ from: [Point], _ to: [Point]) -> Homography? {
        Homography.fitting(indices.map { from[$0] }, to: indices.map { to[$0] })
    }

    /// The map refitted on the agreeing matches that lie closest to it: within
    /// ``polishFactor`` times their median distance (at least ``polishFloor`` cells). A match
    /// found a cell off (a block on the pattern's edge, matched a little aside) agrees within
    /// ``inlierDistance`` but pulls the fit; the pruned fit that the aligner used alone left such
    /// matches out, and a scan it aligned to a fifth of a cell must not come out worse. The fit
    /// as it was where fewer than ``fewestMatches`` are that close.
    private func polished(_ fit: (map: Homography, agreeing: [Int]), _ from: [Point], _ to: [Point]) -> (map: Homography, agreeing: [Int]) {
        let distances = fit.agreeing.map { Self.distance(fit.map, $0, from, to) }
        guard !distances.isEmpty else { return fit }
        let limit = max(polishFloor, polishFactor * distances.sorted()[distances.count / 2])
        let close = zip(fit.agreeing, distances).filter { $0.1 <= limit }.map(\.0)
        guard close.count >= fewestMatches,
              let refitted = Self.fitted(close, from, to) else { return fit }
        return (refitted, close)
    }

    /// `start` refitted on the matches that agree with it, ``growthRounds`` times (fewer when the
    /// set stops changing).
    private func grow(_ start: Homography, _ from: [Point], _ to: [Point]) -> (map: Homography, agreeing: [Int])? {
        var map = start
        var kept = agreeing(map, from, to)
        for _ in 0..<growthRounds {
            guard kept.count >= fewestMatches,
                  let refitted = Self.fitted(kept, from, to) else { break }
            let next = agreeing(refitted, from, to)
            guard next.count >= fewestMatches else { break }
            let settled = next == kept
            (map, kept) = (refitted, next)
            if settled { break }
        }
        return kept.count >= fewestMatches ? (map, kept) : nil
    }

    /// The least-squares fit through all matches, pruned twice of those far from it (3, then
    /// 1.5 cells), as the aligner fitted before a consensus was sought.
    private func prunedLeastSquares(_ from: [Point], _ to: [Point]) -> Homography? {
        var kept = Array(from.indices)
        for threshold in [3.0, 1.5] {
            guard let map = Self.fitted(kept, from, to) else { return nil }
            let filtered = kept.filter { Self.distance(map, $0, from, to) <= threshold }
            if filtered.count >= fewestMatches { kept = filtered }
        }
        return Self.fitted(kept, from, to)
    }

    /// Among ``affineSamples`` triples (drawn by a fixed linear congruential sequence), the affine
    /// map through one that most matches agree with.
    private func bestAffine(_ from: [Point], _ to: [Point]) -> Homography? {
        let count = from.count
        guard count >= 3 else { return nil }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        var best: (map: Homography, support: Int)?
        for _ in 0..<affineSamples {
            let i = next(), j = next(), k = next()
            guard i != j, j != k, i != k, let map = Self.affine(through: (from[i], from[j], from[k]), onto: (to[i], to[j], to[k])) else { continue }
            let support = agreeing(map, from, to).count
            if support > best?.support ?? 0 { best = (map, support) }
        }
        return best?.map
    }

    /// The affine map taking three points onto three others; `nil` when they lie on a line (or
    /// nearly: under a square cell of area).
    static func affine(through p: (Point, Point, Point), onto q: (Point, Point, Point)) -> Homography? {
        let ux = p.1.x - p.0.x, uy = p.1.y - p.0.y, vx = p.2.x - p.0.x, vy = p.2.y - p.0.y
        let determinant = ux * vy - uy * vx
        guard abs(determinant) >= 1 else { return nil }
        // The linear part L solves L·[u v] = [u' v'].
        let sx = q.1.x - q.0.x, sy = q.1.y - q.0.y, tx = q.2.x - q.0.x, ty = q.2.y - q.0.y
        let a = (sx * vy - tx * uy) / determinant, b = (tx * ux - sx * vx) / determinant
        let c = (sy * vy - ty * uy) / determinant, d = (ty * ux - sy * vx) / determinant
        return Homography([a, b, q.0.x - a * p.0.x - b * p.0.y, c, d, q.0.y - c * p.0.x - d * p.0.y, 0, 0, 1])
    }
}
