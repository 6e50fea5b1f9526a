import IDCheckForensics
import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds blocks of an image whose noise is foreign to the rest of it: each block's noise level is
/// compared with that of its peers — the image's blocks of similar brightness, similar content
/// activity and similar structure in their smoothest part — so that genuine texture (guilloche,
/// portrait, text edges) and light falloff are compared like with like, and only an excess of
/// noise over what such blocks show elsewhere on the same image counts. A region pasted from another image and recompressed carries that
/// image's grain and compression error, which the scan of the rest does not.
struct TamperingAnalysis: Sendable {
    let statistics: NoiseBlockStatistics
    /// Per block: robust deviation of its noise from its peers' (0 where it cannot be judged).
    let deviation: [Float]

    /// Deviation from which a block starts to colour the map.
    static let mapFloor: Float = 2
    /// Peers needed before a block is judged: content with fewer like blocks on the page (an
    /// emblem's rosette) is one of a kind, not foreign.
    static let minimumPeers = 60

    /// The analysis of an image from its block statistics. `within`: the outlines of the document
    /// examined when the image shows others too (a sheet of several documents); only blocks whose
    /// centre lies inside one are peers and judged, since another document's paper and print came
    /// from another printer. `nil`: the whole image.
    init(statistics: NoiseBlockStatistics, within outlines: [[Point]]? = nil) {
        self.statistics = statistics
        let size = Double(statistics.blockSize)
        let taking = outlines.map { $0.containCentres(ofColumns: statistics.columns, rows: statistics.rows, cellWidth: size, cellHeight: size) }
        deviation = TamperingAnalysis.deviations(statistics, taking: taking)
    }

    /// Block deviations: (noise − peers' median) / (robust spread of the peers + the block's
    /// ``printAllowance``), where peers share
    /// the block's brightness and activity bands (± one) and its floor-gradient band (± two).
    /// `taking`: per block, whether it takes part (peer and judged); `nil`: every block.
    static func deviations(_ s: NoiseBlockStatistics, taking: [Bool]? = nil) -> [Float] {
        let count = s.columns * s.rows
        var out = [Float](repeating: 0, count: count)
        guard count > 0 else { return out }
        let brightnessBands = 16, activityBands = 16, floorBands = 8
        func brightnessBand(_ v: Float) -> Int { min(brightnessBands - 1, max(0, Int(v / 16))) }
        func activityBand(_ v: Float) -> Int { min(activityBands - 1, max(0, Int(log2(Double(v) + 1) * 3))) }
        func floorBand(_ v: Float) -> Int { min(floorBands - 1, max(0, Int(log2(Double(v) + 1) * 2))) }
        func key(_ b: Int, _ a: Int, _ f: Int) -> Int { (b * activityBands + a) * floorBands + f }
        var members = [[Float]](repeating: [], count: brightnessBands * activityBands * floorBands)
        var bandOf = [Int](repeating: -1, count: count)
        for index in 0..<count where taking?[index] ?? true {
            // Near-white and near-black blocks are clipped: their noise says nothing.
            let b = s.brightness[index]
            guard b > 24, b < 248 else { continue }
            let band = key(brightnessBand(b), activityBand(s.activity[index]), floorBand(s.floorGradient[index]))
            bandOf[index] = band
            members[band].append(s.noise[index])
        }
        // Median and spread of each band's neighbourhood (± one band every way), computed once per band in use.
        var median = [Float](repeating: .nan, count: members.count)
        var spread = [Float](repeating: .nan, count: members.count)
        var done = [Bool](repeating: false, count: members.count)
        for index in 0..<count {
            let band = bandOf[index]
            guard band >= 0, !done[band] else { continue }
            done[band] = true
            let f = band % floorBands, a = (band / floorBands) % activityBands, b = band / (floorBands * activityBands)
            var pool: [Float] = []
            for b2 in max(0, b - 1)...min(brightnessBands - 1, b + 1) {
                for a2 in max(0, a - 1)...min(activityBands - 1, a + 1) {
                    for f2 in max(0, f - 2)...min(floorBands - 1, f + 2) { pool += members[key(b2, a2, f2)] }
                }
            }
            // A block without enough peers (an emblem's rosette, one of a kind on the page) is not judged.
            guard pool.count >= minimumPeers else { continue }
            let m = TamperingAnalysis.middle(&pool)
            var deviations = pool.map { abs($0 - m) }
            let mad = TamperingAnalysis.middle(&deviations)
            median[band] = m
            // The floor keeps nearly noise-free images (PNG, heavy JPEG) from turning tiny differences into large deviations.
            spread[band] = 1.4826 * mad + 0.05 * m + 0.25
        }
        for index in 0..<count {
            let band = bandOf[index]
            guard band >= 0, !median[band].isNaN else { continue }
            let allowance = printAllowance * max(0, s.floorGradient[index] - whiteNoiseFloor * s.noise[index])
            out[index] = max(0, (s.noise[index] - median[band]) / (spread[band] + allowance))
        }
        return out
    }

    /// The gradient floor that white noise makes, per unit of its own residual: on Gaussian
    /// noise the 40% quantile of the 3 × 3 neighbourhood's largest Sobel gradient is 0.92 of the
    /// residual's root mean square (median over 16-pixel blocks; 95th percentile 1.14). A block
    /// whose floor lies well above that holds print even in its smoothest part, and part of its
    /// residual is the print's curvature rather than noise; grain pasted onto a scan lies near it.
    static let whiteNoiseFloor: Float = 1.25
    /// How much of that excess floor widens a block's spread. On images without any noise (flat
    /// renders) the peers' spread sits at its floor and a dense guilloche's curved lines read as
    /// noise 2–5 grey levels high (35 of 150 genuine flat renders flagged, every UTO-RP-2019
    /// back; seed 505); with 0.1 to 0.4 none are (NOTES-visual.md, "Noise-free images"). Of 160
    /// pastes grained σ 2–6 onto ordinary scans the map finds 5 (6 without the allowance, none
    /// below σ 6 either way).
    static let printAllowance: Float = 0.2

    /// The element at index `count / 2` of `values` sorted (the median, the upper one for an even
    /// count), found by selection in linear expected time; `values` is left partly reordered.
    static func middle(_ values: inout [Float]) -> Float {
        let k = values.count / 2
        return values.withUnsafeMutableBufferPointer { v -> Float in
            var low = 0, high = v.count - 1
            while low < high {
                // Median of three as the pivot, then a Hoare partition.
                let mid = low + (high - low) / 2
                if v[mid] < v[low] { v.swapAt(mid, low) }
                if v[high] < v[low] { v.swapAt(high, low) }
                if v[high] < v[mid] { v.swapAt(high, mid) }
                let pivot = v[mid]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while pivot < v[j] { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { high = j } else if k >= i { low = i } else { return v[k] }
            }
            return v[k]
        }
    }

    /// The map for the heat overlay: deviation on a logarithmic scale from ``mapFloor`` (0) to
    /// `alarm` (1), so that the moderate deviations of genuine texture stay faint but visible and
    /// only what the rule reports is at full strength.
    func map(page: Int, alarm: Double) -> TamperingMap {
        let floor = Double(TamperingAnalysis.mapFloor)
        let span = log(max(alarm, floor * 1.01) / floor)
        let scores = deviation.map { d -> Float in
            guard Double(d) > floor else { return 0 }
            return Float(min(1, log(Double(d) / floor) / span))
        }
        return TamperingMap(page: page, blockSize: statistics.blockSize, columns: statistics.columns, rows: statistics.rows, scores: scores)
    }
}
