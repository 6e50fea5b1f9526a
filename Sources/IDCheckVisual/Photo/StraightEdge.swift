#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A straight edge fitted on a grey patch: where, along a would-be side, the grey level steps,
/// and the line through most of those places.
///
/// Coordinates: `along` runs along the side (y of a vertical side, x of a horizontal one),
/// `across` across it; the line is `across = offset + slope · along`.
struct StraightEdge: Sendable, Equatable {
    var offset: Double
    var slope: Double
    /// Share of the side's positions within the fit's tolerance of the line: a print's cut edge
    /// has nearly all of them, a textured border or a curved outline few.
    var straightness: Double

    /// Where the edge crosses `along`.
    func across(at along: Double) -> Double { offset + slope * along }

    /// The edge's angle, degrees, as tan⁻¹ of its slope.
    var degrees: Double { atan(slope) * 180 / .pi }

    /// How one position along the side is searched.
    struct Search: Sendable {
        /// The side's positions are strips of this many pixels, averaged.
        var strip = 4
        /// How far across the expected position the step is looked for, outwards and inwards
        /// (outwards: towards smaller coordinates for a left or top side).
        var before = 10
        var after = 10
        /// 1: the step between the two neighbours (a sharp edge); more: the difference of the means
        /// of `width` pixels either side (a change of tone, which a thin line does not make).
        var width = 1
        /// Whether a strongest step at either end of the search counts: it may be the flank of
        /// something beyond the search (the print just inside a card's edge), so a step at the
        /// end is no step there.
        var keepsStepsAtEnds = true
    }

    /// The step position in each strip of the side `vertical` near `expected`, between `start`
    /// and `end` along it: (along, across) pairs.
    static func steps(in patch: GreyPatch, vertical: Bool, expected: Double, from start: Double, to end: Double,
                      search: Search) -> [(along: Double, across: Double)] {
        var points: [(Double, Double)] = []
        let low = Int(expected) - search.before - search.width, high = Int(expected) + search.after + search.width
        let limit = vertical ? patch.width : patch.height, length = vertical ? patch.height : patch.width
        guard low >= 0, high < limit, search.strip > 0 else { return [] }
        var profile = [Double](repeating: 0, count: high - low + 1)
        var position = max(0, Int(start))
        while position + search.strip <= min(length, Int(end)) {
            for i in profile.indices {
                var sum: Float = 0
                for k in position..<(position + search.strip) { sum += vertical ? patch[low + i, k] : patch[k, low + i] }
                profile[i] = Double(sum) / Double(search.strip)
            }
            if let step = strongestStep(profile, width: search.width, keepingEnds: search.keepsStepsAtEnds) {
                points.append((Double(position) + Double(search.strip) / 2, Double(low) + step))
            }
            position += search.strip
        }
        return points
    }

    /// The index (sub-pixel for a sharp step) where `profile` steps most.
    private static func strongestStep(_ profile: [Double], width: Int, keepingEnds: Bool) -> Double? {
        guard profile.count > 2 * width + 2 else { return nil }
        var best = (index: 0, size: -1.0)
        var sizes = [Double](repeating: 0, count: profile.count)
        for i in width..<(profile.count - width) {
            var before = 0.0, after = 0.0
            for k in 0..<width {
                before += profile[i - 1 - k]
                after += profile[i + k + (width == 1 ? 1 : 0)]
            }
            sizes[i] = abs(after - before) / Double(width)
            if sizes[i] > best.size { best = (i, sizes[i]) }
        }
        guard best.size > 0 else { return nil }
        let i = best.index
        if !keepingEnds, i == width || i == profile.count - width - 1 { return nil }
        // A sharp step: the parabola through the neighbours' sizes puts it between pixels.
        if width == 1, i > width, i < profile.count - width - 1 {
            let a = sizes[i - 1], b = sizes[i], c = sizes[i + 1]
            let curvature = a - 2 * b + c
            if curvature < 0 { return Double(i) + 0.5 * (a - c) / curvature }
        }
        return Double(i) - (width == 1 ? 0 : 0.5)
    }

    /// The line through most of `points` within `tolerance` pixels, slopes up to `largestSlope`;
    /// `nil` for fewer than `minimumPoints`. Deterministic: every pair of up to 32 evenly spaced
    /// points a quarter of the side apart proposes a line, the one with most points near it is
    /// refitted by least squares on them.
    static func fitted(_ points: [(along: Double, across: Double)], tolerance: Double, largestSlope: Double = 0.04,
                       minimumPoints: Int = 10) -> StraightEdge? {
        guard points.count >= minimumPoints, let first = points.first, let last = points.last else { return nil }
        let span = last.along - first.along
        let stride = max(1, points.count / 32)
        let candidates = Swift.stride(from: 0, to: points.count, by: stride).map { points[$0] }
        func inliers(offset: Double, slope: Double) -> Int {
            points.reduce(0) { $0 + (abs($1.across - offset - slope * $1.along) <= tolerance ? 1 : 0) }
        }
        var best: (offset: Double, slope: Double, count: Int)?
        for i in candidates.indices {
            for j in (i + 1)..<candidates.count where candidates[j].along - candidates[i].along >= span / 4 {
                let slope = (candidates[j].across - candidates[i].across) / (candidates[j].along - candidates[i].along)
                guard abs(slope) <= largestSlope else { continue }
                let offset = candidates[i].across - slope * candidates[i].along
                let count = inliers(offset: offset, slope: slope)
                if count > (best?.count ?? 0) { best = (offset, slope, count) }
            }
        }
        guard let best, best.count >= minimumPoints / 2 else { return nil }
        // Least squares over the points near the best proposal.
        var n = 0.0, st = 0.0, su = 0.0, stt = 0.0, stu = 0.0
        for point in points where abs(point.across - best.offset - best.slope * point.along) <= tolerance {
            n += 1; st += point.along; su += point.across; stt += point.along * point.along; stu += point.along * point.across
        }
        let denominator = n * stt - st * st
        guard n >= 2, abs(denominator) > 1e-9 else { return nil }
        let slope = (n * stu - st * su) / denominator, offset = (su - slope * st) / n
        return StraightEdge(offset: offset, slope: slope, straightness: Double(inliers(offset: offset, slope: slope)) / Double(points.count))
    }
}
