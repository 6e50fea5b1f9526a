import IDCheckImaging

/// One character cell of an MRZ line: where its ink is in the strip and its features.
struct GlyphCell {
    /// Ink bounding box in strip pixels (x0, y0 inclusive; x1, y1 exclusive).
    var box: (x0: Int, y0: Int, x1: Int, y1: Int)
    /// The cell's slot along the line (pitch-wide), for drawing character boxes.
    var slot: (x0: Double, x1: Double)
    var features: GlyphFeatures?
}

/// Cuts MRZ lines into fixed-pitch character cells. OCR-B in an MRZ is printed at a fixed pitch
/// (30, 36 or 44 characters to a line, fillers included), so the cells follow from the line's
/// extent and the character count, refined against the gaps in the ink; touching and broken
/// characters do not move the cells.
struct MRZSegmenter {
    let strip: MRZStrip
    let mask: InkMask

    init(strip: MRZStrip) {
        self.strip = strip
        self.mask = InkMask(strip.image, radius: Int(strip.characterHeight * 1.2))
    }

    private init(strip: MRZStrip, mask: InkMask) {
        self.strip = strip
        self.mask = mask
    }

    /// The segmenter of the strip turned by 180°.
    func turned() -> MRZSegmenter {
        var reversed = mask
        reversed.bits.reverse()
        return MRZSegmenter(strip: strip.turned(), mask: reversed)
    }

    /// The rows of the line around `centre`: where most of its ink lies.
    func band(around centre: Double) -> (top: Int, bottom: Int) {
        let h = strip.characterHeight
        let low = max(0, Int(centre - 0.9 * h)), high = min(mask.height - 1, Int(centre + 0.9 * h))
        guard low < high else { return (max(0, Int(centre - h / 2)), min(mask.height, Int(centre + h / 2))) }
        let x0 = max(0, Int(strip.expectedStart)), x1 = min(mask.width, Int(strip.expectedEnd))
        var profile = [Int](repeating: 0, count: high - low + 1)
        mask.bits.withUnsafeBufferPointer { bits in
            for y in low...high {
                var count = 0
                let row = y * mask.width
                for x in x0..<max(x0, x1) { count &+= Int(bits[row &+ x]) }
                profile[y - low] = count
            }
        }
        let peak = profile.max() ?? 0
        let threshold = max(1, peak / 5)
        var top = Int(centre) - low, bottom = Int(centre) - low
        top = min(max(top, 0), profile.count - 1)
        bottom = top
        while top > 0, profile[top - 1] >= threshold { top -= 1 }
        while bottom < profile.count - 1, profile[bottom + 1] >= threshold { bottom += 1 }
        return (low + top, low + bottom + 1)
    }

    /// Ink pixels of the mask in each column over `rows` (the column profile of a line).
    func inkPerColumn(rows: Range<Int>) -> [Int] {
        var counts = [Int32](repeating: 0, count: mask.width)
        mask.bits.withUnsafeBufferPointer { bits in
            counts.withUnsafeMutableBufferPointer { counts in
                for y in rows.clamped(to: 0..<mask.height) {
                    MRZSegmenter.add(UnsafeBufferPointer(rebasing: bits[(y * mask.width)..<((y + 1) * mask.width)]), to: counts)
                }
            }
        }
        return counts.map { Int($0) }
    }

    /// Adds one row of the mask to the column counts: a function of its own over plain buffers,
    /// so that the compiler vectorises it.
    @inline(never)
    private static func add(_ row: UnsafeBufferPointer<UInt8>, to counts: UnsafeMutableBufferPointer<Int32>) {
        guard let bits = row.baseAddress, let sums = counts.baseAddress else { return }
        for x in 0..<min(row.count, counts.count) { sums[x] &+= Int32(bits[x]) }
    }

    /// The period of `profile` within 4% of `guess`, refined between pixels by a parabola
    /// through the autocorrelation peak; `nil` when the profile is too short.
    func periodicity(of profile: [Int], near guess: Double) -> Double? {
        let values = profile.map(Double.init)
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let centred = values.map { $0 - mean }
        func correlation(_ lag: Int) -> Double {
            guard lag > 0, lag < centred.count / 2 else { return -.infinity }
            var sum = 0.0
            for i in 0..<(centred.count - lag) { sum += centred[i] * centred[i + lag] }
            return sum / Double(centred.count - lag)
        }
        // Several periods at once: the peak near k pitches is k times sharper in position.
        let multiple = max(1, min(8, Int(Double(centred.count) / 2.5 / guess)))
        let low = Int(Double(multiple) * guess * 0.96), high = Int((Double(multiple) * guess * 1.04).rounded(.up))
        guard low > 0, high > low else { return nil }
        var bestLag = low, bestValue = -Double.infinity
        for lag in low...high {
            let value = correlation(lag)
            if value > bestValue { bestValue = value; bestLag = lag }
        }
        guard bestValue > -.infinity else { return nil }
        let left = correlation(bestLag - 1), right = correlation(bestLag + 1)
        var offset = 0.0
        let curvature = left - 2 * bestValue + right
        if left > -.infinity, right > -.infinity, curvature < 0 { offset = 0.5 * (left - right) / curvature }
        return (Double(bestLag) + max(-0.5, min(0.5, offset))) / Double(multiple)
    }

    /// Cell borders following the gaps between characters when the pitch drifts along the line
    /// (a document photographed at an angle is foreshortened): a dynamic programme over border
    /// positions near the even-pitch ones, paying for ink under a border and for gaps that stray
    /// from the pitch.
    func trackedBorders(columns: [Int], origin: Double, pitch: Double, drift: Double = 0, count: Int, bandHeight: Double) -> [Double] {
        let window = max(2, Int(0.35 * pitch))
        let width = 2 * window + 1
        let n = Double(count)
        let positions: [[Int]] = (0...count).map { i in
            let centre = Int(MRZSegmenter.border(i, origin: origin, pitch: pitch, drift: drift, count: n).rounded())
            return (0..<width).map { centre - window + $0 }
        }
        func ink(_ x: Int) -> Double { x >= 0 && x < columns.count ? Double(columns[x]) : 0 }
        // A gap 0.2 pitch off costs as much as two columns of solid ink; a border 0.3 pitch off
        // its even-pitch place half a column (long runs of fillers have gaps everywhere and
        // must not walk the borders into the chevrons).
        let stretch = bandHeight * 2 / ((0.2 * pitch) * (0.2 * pitch))
        let anchor = bandHeight * 0.5 / ((0.3 * pitch) * (0.3 * pitch))
        func away(_ j: Int) -> Double { Double(j - window) * Double(j - window) * anchor }
        var cost = positions[0].indices.map { ink(positions[0][$0]) + away($0) }
        var back = [[Int]](repeating: [Int](repeating: 0, count: width), count: count + 1)
        for i in 1...count {
            var next = [Double](repeating: .infinity, count: width)
            for (j, x) in positions[i].enumerated() {
                let here = ink(x) + away(j)
                let local = pitch * (1 + drift * ((Double(i) - 0.5) / n - 0.5))
                for (k, previous) in positions[i - 1].enumerated() where cost[k] < .infinity {
                    let gap = Double(x - previous) - local
                    let total = cost[k] + here + stretch * gap * gap
                    if total < next[j] { next[j] = total; back[i][j] = k }
                }
            }
            cost = next
        }
        var index = cost.indices.min { cost[$0] < cost[$1] } ?? window
        var borders = [Double](repeating: 0, count: count + 1)
        for i in stride(from: count, through: 0, by: -1) {
            borders[i] = Double(positions[i][index])
            index = back[i][index]
        }
        return borders
    }

    /// The largest relative change of the pitch from one end of a line to the other that the
    /// segmentation considers: a document photographed at an angle (perspective up to about
    /// 0.1) narrows its characters towards the far end by up to some 15%, and the strip cut
    /// undoes most of it.
    static let maximumDrift = 0.16

    /// Pitch drifts worth trying for the line whose column profile is `profile`: none, and a
    /// few around the drift measured as the difference between the periods of the line's two
    /// halves (searching every drift would cost several times the whole segmentation).
    func driftCandidates(profile: [Int], pitch: Double) -> [Double] {
        let half = profile.count / 2
        guard half > Int(4 * pitch),
              let left = periodicity(of: Array(profile[..<half]), near: pitch),
              let right = periodicity(of: Array(profile[half...]), near: pitch) else { return [0] }
        // The halves' periods are the local pitches half a line apart.
        let measured = 2 * (right - left) / pitch
        let limit = MRZSegmenter.maximumDrift
        let centre = max(-limit, min(limit, measured))
        var candidates: [Double] = [0]
        for offset in [-0.03, -0.015, 0, 0.015, 0.03] {
            let drift = max(-limit, min(limit, centre + offset))
            if !candidates.contains(where: { abs($0 - drift) < 0.005 }) { candidates.append(drift) }
        }
        return candidates
    }

    /// Position of border `i` of `count` cells when the pitch changes linearly by `drift` (a
    /// fraction of `pitch`, the mean) from the first cell to the last.
    @inline(__always)
    static func border(_ i: Int, origin: Double, pitch: Double, drift: Double, count: Double) -> Double {
        let t = Double(i)
        return origin + pitch * (t + drift * (t * t / (2 * count) - t / 2))
    }

    /// Which of `counts` characters the line around `centre` most likely holds: its extent over
    /// its pitch, the pitch being the strongest period of the ink's column profile.
    func likelyCount(lineCentre centre: Double, among counts: [Int]) -> Int {
        guard counts.count > 1 else { return counts.first ?? 0 }
        let band = self.band(around: centre)
        let columns = inkPerColumn(rows: band.top..<max(band.top, band.bottom)).map(Double.init)
        guard let first = columns.firstIndex(where: { $0 > 0 }), let last = columns.lastIndex(where: { $0 > 0 }), last > first else {
            return counts[0]
        }
        let profile = Array(columns[first...last])
        let mean = profile.reduce(0, +) / Double(profile.count)
        let centred = profile.map { $0 - mean }
        func correlation(_ lag: Int) -> Double {
            guard lag > 0, lag < centred.count / 2 else { return -.infinity }
            var value = 0.0
            for i in 0..<(centred.count - lag) { value += centred[i] * centred[i + lag] }
            return value / Double(centred.count - lag)
        }
        // Each candidate count implies a pitch; the ink repeats best at the true one.
        let scored = counts.map { count -> (count: Int, score: Double) in
            let pitch = Double(profile.count) / (Double(count) - 0.3)
            let lag = Int(pitch.rounded())
            return (count, max(correlation(lag - 1), correlation(lag), correlation(lag + 1)))
        }
        return scored.max { $0.score < $1.score }?.count ?? counts[0]
    }

    /// Where the cells of one line lie: the line's band of rows and the `count + 1` cell borders
    /// along it. The costly part of segmenting a line (the pitch, phase and drift search), kept
    /// apart from the features so that the reader can reuse it: the end test and the reading of
    /// the first line need the same layout.
    struct LineLayout {
        var band: (top: Int, bottom: Int)
        /// Cell borders in strip columns, `count + 1` of them; empty when the line has no ink.
        var borders: [Double]
    }

    /// Splits the line around `centre` into `count` cells.
    /// Features are extracted only for the cells `wanted` accepts (all by default).
    func cells(lineCentre centre: Double, count: Int, wanted: (Int) -> Bool = { _ in true })
        -> (cells: [GlyphCell], band: (top: Int, bottom: Int)) {
        let layout = self.layout(lineCentre: centre, count: count)
        return (cells(layout, wanted: wanted), layout.band)
    }

    /// The cells of `layout` (none when it has no borders), with features for those `wanted`.
    func cells(_ layout: LineLayout, wanted: (Int) -> Bool = { _ in true }) -> [GlyphCell] {
        guard layout.borders.count >= 2 else { return [] }
        let band = layout.band, borders = layout.borders
        let h = strip.characterHeight
        var cells: [GlyphCell] = []
        cells.reserveCapacity(borders.count - 1)
        let rowLow = max(0, band.top - Int(0.2 * h)), rowHigh = min(mask.height, band.bottom + Int(0.2 * h))
        for i in 0..<(borders.count - 1) {
            let left = borders[i], right = borders[i + 1]
            let x0 = max(0, Int(left.rounded())), x1 = min(mask.width, Int(right.rounded()))
            let features = wanted(i) ? GlyphFeatures(image: strip.image, cell: (x0, rowLow, x1, rowHigh),
                                                     bandTop: Double(band.top), bandBottom: Double(band.bottom)) : nil
            let box = features?.box ?? (x0, band.top, x1, band.bottom)
            cells.append(GlyphCell(box: box, slot: (left, right), features: features))
        }
        return cells
    }

    /// The layout of the line around `centre` as `count` cells.
    func layout(lineCentre centre: Double, count: Int) -> LineLayout {
        let band = self.band(around: centre)
        let h = strip.characterHeight
        let top = max(0, band.top - 2), bottom = min(mask.height, band.bottom + 2)
        let columns = inkPerColumn(rows: top..<max(top, bottom))
        let none = LineLayout(band: band, borders: [])
        // The line's ink extent, searched near where the locator put it.
        let searchLow = max(0, Int(strip.expectedStart - 0.7 * h)), searchHigh = min(mask.width - 1, Int(strip.expectedEnd + 0.7 * h))
        let minimum = max(1, (bottom - top) / 10)
        guard count > 0, searchLow < searchHigh,
              var first = (searchLow...searchHigh).first(where: { columns[$0] >= minimum }),
              var last = (searchLow...searchHigh).reversed().first(where: { columns[$0] >= minimum }),
              last > first else { return none }
        // Specks, a document edge or a stroke of the portrait beyond the ends are not characters:
        // a thin island of ink cut off from the line by a gap wider than any between characters
        // is dropped.
        func island(from start: Int, step: Int) -> (width: Int, gap: Int) {
            var x = start, width = 0
            while x >= first, x <= last, columns[x] >= minimum { width += 1; x += step }
            var gap = 0
            while x >= first, x <= last, columns[x] < minimum { gap += 1; x += step }
            return (width, gap)
        }
        for _ in 0..<3 {
            let right = island(from: last, step: -1)
            if right.width < Int(0.35 * h), right.gap > Int(0.6 * h) { last -= right.width + right.gap } else { break }
        }
        for _ in 0..<3 {
            let left = island(from: first, step: 1)
            if left.width < Int(0.35 * h), left.gap > Int(0.6 * h) { first += left.width + left.gap } else { break }
        }
        guard last > first else { return none }
        let extent = Double(last + 1 - first)
        // The pitch: the period at which the line's ink repeats (autocorrelation of the column
        // profile near the pitch the extent implies, to a fraction of a pixel); then pitch and
        // phase together so that cell borders fall in the gaps between characters.
        let implied = extent / (Double(count) - 0.3)
        let estimate = periodicity(of: Array(columns[first...last]), near: implied) ?? implied
        var inkBefore = [Int](repeating: 0, count: columns.count + 1) // prefix sums of the profile
        for (x, value) in columns.enumerated() { inkBefore[x + 1] = inkBefore[x] + value }
        // Pitch, phase and the pitch's drift along the line (a document photographed at an
        // angle is foreshortened: its characters narrow towards the far end) together, so that
        // cell borders fall in the gaps between characters.
        // The period misleads on a line of long filler runs (a name line: 2.7% off on one of 44
        // cells at 60 pixels, a cell's slip by the line's end), while every cell of an MRZ line
        // holds ink, so the extent implies the mean pitch well: when the two disagree by more
        // than the search's ±1%, the pitch is also searched around the extent's.
        let estimates = abs(estimate - implied) > 0.01 * implied ? [estimate, implied] : [estimate]
        let drifts = driftCandidates(profile: Array(columns[first...last]), pitch: estimate)
        var best = bestGrid(columns: columns, inkBefore: inkBefore, first: first, estimate: estimates[0], count: count, drifts: drifts)
        for other in estimates.dropFirst() where best.score > 0 { // a grid crossing no ink stands
            let grid = bestGrid(columns: columns, inkBefore: inkBefore, first: first, estimate: other, count: count, drifts: drifts)
            // Only a clearly better grid: on a photographed line whose pitch drifts, both cross
            // much ink, and the tracked borders do better from the period's.
            if 4 * grid.score < 3 * best.score { best = grid }
        }
        let borders = trackedBorders(columns: columns, origin: best.origin, pitch: best.pitch, drift: best.drift, count: count,
                                     bandHeight: Double(bottom - top))
        return LineLayout(band: band, borders: borders)
    }

    /// The even grid (pitch within 1% of `estimate`, phase, one of `drifts`) whose borders cross
    /// the least ink of `columns` and leave none beyond the last border.
    ///
    /// An exhaustive search (some 10⁵ border positions a line), so written for speed. The phase
    /// steps by half a pixel, so a border's column at the k-th phase is its column at the first
    /// (k even) or at the first plus half a pixel (k odd), moved by k/2 whole pixels: each border
    /// is rounded twice per pitch and drift, and the search itself only adds up columns.
    /// Rounding is half away from zero as in `Int(border(…).rounded())`.
    private func bestGrid(columns: [Int], inkBefore: [Int], first: Int, estimate: Double, count: Int, drifts: [Double])
        -> (score: Int, pitch: Double, origin: Double, drift: Double) {
        var best = (score: Int.max, pitch: estimate, origin: Double(first), drift: 0.0)
        let n = Double(count)
        var evenPhase = [Int](repeating: 0, count: count + 1), oddPhase = evenPhase
        let totalInk = inkBefore[columns.count], width = columns.count
        columns.withUnsafeBufferPointer { columns in
            evenPhase.withUnsafeMutableBufferPointer { even in
                oddPhase.withUnsafeMutableBufferPointer { odd in
                    for drift in drifts {
                        var pitch = estimate * 0.99
                        while pitch <= estimate * 1.01 {
                            let gap = pitch * 0.15
                            let start = Double(first) - gap - pitch * 0.2
                            for i in 0...count {
                                let t = Double(i)
                                let offset = pitch * (t + drift * (t * t / (2 * n) - t / 2))
                                even[i] = MRZSegmenter.nearest(start + offset)
                                odd[i] = MRZSegmenter.nearest(start + 0.5 + offset)
                            }
                            var origin = start, phase = 0
                            while origin <= Double(first) {
                                let borders = phase & 1 == 0 ? even : odd, shift = phase >> 1
                                var score = 0
                                // Borders grow with their index: when the first and the last lie
                                // on the profile, all do, and the loop needs no test.
                                if borders[0] &+ shift >= 0, borders[count] &+ shift < width {
                                    for i in 0...count { score &+= columns[borders[i] &+ shift] }
                                } else {
                                    for i in 0...count {
                                        let x = borders[i] &+ shift
                                        if x >= 0, x < width { score &+= columns[x] }
                                    }
                                }
                                // The last border must not cut into the last character: ink left
                                // outside the grid means the pitch or phase is off.
                                let end = min(width, max(0, borders[count] &+ shift &+ 1))
                                score &+= totalInk &- inkBefore[end]
                                if score < best.score { best = (score, pitch, origin, drift) }
                                origin += 0.5
                                phase += 1
                            }
                            pitch += estimate * 0.001
                        }
                    }
                }
            }
        }
        return best
    }

    /// `value` rounded to the nearest integer, halves away from zero: `Int(value.rounded())`
    /// without the libm call (`round` has no single x86-64 instruction).
    @inline(__always)
    static func nearest(_ value: Double) -> Int {
        let whole = Int(value) // toward zero; `value - whole` is exact
        let fraction = value - Double(whole)
        return fraction >= 0.5 ? whole + 1 : (fraction <= -0.5 ? whole - 1 : whole)
    }
}
