import Foundation
import IDCheckImaging

/// Where an MRZ lies on a page: the direction of its lines, the centre of each line and their
/// extent, in full-resolution pixels of the image it was found in.
struct MRZPlacement: Sendable {
    /// Direction of the text lines in radians, in [0, π): the MRZ may still be upside down.
    var angle: Double
    /// Line centres along the normal of the text direction (v), top line first, at the middle
    /// of the lines' extent (u = (start + end) / 2).
    var lineCentres: [Double]
    /// Slope of each line against the text direction (dv/du), top line first: on a document
    /// photographed at an angle the lines are not parallel. Zero when unknown.
    var lineSlopes: [Double] = []
    /// Start and end of the lines along the text direction (u).
    var start: Double
    var end: Double
    /// Character height in pixels.
    var characterSize: Double

    var unit: Point { Point(x: cos(angle), y: sin(angle)) }
    var normal: Point { Point(x: -sin(angle), y: cos(angle)) }

    /// Whether image position `p` lies within the lines' extent, up to a character height
    /// above the first line and below the last.
    func contains(_ p: Point) -> Bool {
        let u = p.x * cos(angle) + p.y * sin(angle), v = -p.x * sin(angle) + p.y * cos(angle)
        guard let first = lineCentres.first, let last = lineCentres.last else { return false }
        return u >= start && u <= end && v >= first - characterSize && v <= last + characterSize
    }

    /// Image position of (u, v) in the placement's frame.
    func point(u: Double, v: Double) -> Point {
        Point(x: u * cos(angle) - v * sin(angle), y: u * sin(angle) + v * cos(angle))
    }
}

/// Finds MRZ-like blocks on a page: two or three long, parallel, evenly pitched lines of
/// characters of one height. Works on a downsampled copy; any rotation, skew and scale.
struct MRZLocator: Sendable {
    /// Largest ratio of the character heights of two lines of one MRZ. A line of many fillers
    /// measures lower than one of capitals; in OCR-B by less than this.
    var maximumLineSizeRatio = 1.45
    /// Radius of the ink threshold's window; by default a sixtieth of the page's shorter side.
    var maskRadius: Int?
    /// Character-like blobs off the document an MRZ found implies from which the page is taken to
    /// hold another document, searched at other directions too (``locate(on:scale:)``): a few
    /// lines of text; a page with one document has next to none there (its margin, a lid).
    var printThatIsAnotherDocument = 40

    /// Text lines (of any orientation) found on the page, in the page's frame.
    struct TextLine {
        var centre: Double        // v
        var start: Double         // u
        var end: Double           // u
        var size: Double          // median character height
        var count: Int            // components
        var members: [InkComponent] = []
        var slope: Double = 0     // dv/du of a line fitted through the members' centres
        var fitted: Bool = false  // whether `centre` and `slope` come from that fit
    }

    /// Locates MRZs on `page` (grey). `scale` is the factor from `page` pixels to the original.
    func locate(on page: Image, scale: Double) -> [MRZPlacement] {
        let mask = InkMask(page, radius: maskRadius ?? max(6, min(page.width, page.height) / 60))
        let all = mask.components()
        // Character-like blobs: big enough to be read, not a frame or a photo; elongated blobs are
        // kept when thin, since runs of touching fillers (<<<<) merge at low resolution.
        let candidates = all.filter { component in
            let minor = min(component.width, component.height), major = component.size
            return minor >= 3 && major >= 5 && minor <= 90 && component.pixelCount >= 8
                && Double(component.pixelCount) >= 0.06 * Double(component.width * component.height)
        }
        guard candidates.count >= 20 else { return [] }
        var placements: [MRZPlacement] = []
        /// Adds the MRZs found along text lines near `coarse` (refined by the lines' slopes) among
        /// `components`. `completing`: one found with more lines where one was found before replaces it.
        func search(along coarse: Double, among components: [InkComponent], completing: Bool = false) {
            let angle = refinedAngle(components, coarse: coarse)
            let lines = textLines(components, angle: angle, keepMembers: true)
            for group in mrzGroups(lines) {
                var placement = self.placement(of: group, angle: angle, scale: scale)
                // The MRZ's own lines still slope against the page's text direction (other text
                // pulled it, or the photo's perspective turns the MRZ against the rest): the
                // lines may have broken into pieces along it. Look again along the MRZ's lines
                // and take the longer MRZ found there at the same place.
                let slopes = placement.lineSlopes
                let meanSlope = slopes.reduce(0, +) / Double(max(1, slopes.count))
                if !slopes.isEmpty, abs(meanSlope) > 0.004 {
                    let along = Self.lineDirection(angle + atan(meanSlope))
                    let centre = placement.point(u: (placement.start + placement.end) / 2,
                                                 v: placement.lineCentres.reduce(0, +) / Double(placement.lineCentres.count))
                    for other in mrzGroups(textLines(components, angle: along, keepMembers: true)) {
                        let candidate = self.placement(of: other, angle: along, scale: scale)
                        if candidate.lineCentres.count == placement.lineCentres.count, candidate.contains(centre),
                           candidate.end - candidate.start > placement.end - placement.start {
                            placement = candidate
                        }
                    }
                }
                if let same = placements.firstIndex(where: { overlaps($0, placement) }) {
                    if completing, placement.lineCentres.count > placements[same].lineCentres.count { placements[same] = placement }
                } else {
                    placements.append(placement)
                }
            }
        }
        let angles = dominantAngles(candidates)
        for coarse in angles { search(along: coarse, among: candidates) }
        // Another document on the same sheet (a family's papers photocopied together) lies turned
        // a few degrees against the first: along the first's direction its lines break. Where
        // much print lies off the document an MRZ found implies, the directions 3° and 6° either
        // side are searched too (a document's lines group within about 1.5° of their own).
        if let top = angles.first, let found = placements.max(by: { $0.end - $0.start < $1.end - $1.start }),
           printOffDocument(of: found, among: candidates, scale: scale) >= printThatIsAnotherDocument {
            for degrees in [-6.0, -3.0, 3.0, 6.0] {
                search(along: Self.lineDirection(top + degrees * .pi / 180), among: candidates)
            }
            // Documents side by side (a card's front beside its back, a row of them above
            // another): print beside an MRZ at its height joins or splits its lines when the
            // whole width is clustered at once (a TD1's first line lost to the front's print
            // beside it: two lines found). Each column of print between blank paper running the
            // page's height is searched on its own too, its MRZs completing those found.
            let columns = Self.columnsOfPrint(candidates, angle: top)
            if columns.count > 1 {
                for column in columns where column.count >= 20 { search(along: top, among: column, completing: true) }
            }
        }
        return placements
    }

    /// `components` split where blank paper runs across the whole page between them along
    /// `angle`'s perpendicular: no blob covers a stretch of the text direction at least half a
    /// typical blob wide. Left to right along the lines; one column when there is no such gap.
    static func columnsOfPrint(_ components: [InkComponent], angle: Double) -> [[InkComponent]] {
        guard !components.isEmpty else { return [] }
        let cosA = cos(angle), sinA = sin(angle)
        let spans = components.map { c -> (u0: Double, u1: Double, component: InkComponent) in
            let span = span(of: c, cosA: cosA, sinA: sinA)
            return (span.u0, span.u1, c)
        }.sorted { $0.u0 < $1.u0 }
        let sizes = components.map(\.size).sorted()
        let gap = 0.5 * Double(sizes[sizes.count / 2])
        var columns: [[InkComponent]] = [[]]
        var reach = spans[0].u1
        for span in spans {
            if span.u0 - reach >= gap { columns.append([]) }
            columns[columns.count - 1].append(span.component)
            reach = max(reach, span.u1)
        }
        return columns
    }

    /// How many of `components` (page pixels) lie off the document that `placement` (original
    /// pixels) implies, either way up: the MRZ runs across nearly its document's width, which is
    /// at most about 0.8 of that high (TD3 125 × 88 mm, TD1 85.6 × 54 mm) and lies above the MRZ,
    /// or below it on a document upside down. The fewer of the two counts.
    private func printOffDocument(of placement: MRZPlacement, among components: [InkComponent], scale: Double) -> Int {
        guard let first = placement.lineCentres.first, let last = placement.lineCentres.last, scale > 0 else { return 0 }
        let cosA = cos(placement.angle), sinA = sin(placement.angle)
        let width = (placement.end - placement.start) / scale, size = placement.characterSize / scale
        let start = placement.start / scale - 0.15 * width, end = placement.end / scale + 0.15 * width
        let top = first / scale, bottom = last / scale
        var offUpright = 0, offUpsideDown = 0
        for component in components {
            let u = component.centreX * cosA + component.centreY * sinA, v = -component.centreX * sinA + component.centreY * cosA
            let across = u >= start && u <= end
            if !(across && v >= top - 0.85 * width && v <= bottom + 2 * size) { offUpright += 1 }
            if !(across && v >= top - 2 * size && v <= bottom + 0.85 * width) { offUpsideDown += 1 }
        }
        return min(offUpright, offUpsideDown)
    }

    /// The placement of the lines of `group` found along `angle`, in the original's pixels.
    private func placement(of group: [TextLine], angle: Double, scale: Double) -> MRZPlacement {
        let size = group.map(\.size).sorted()[group.count / 2]
        // Back to the original resolution: component coordinates are pixel indices of the
        // downsampled page. Centroids are pixel indices (centre of pixel i at i + 0.5); box
        // edges are already continuous.
        let offsetV = 0.5 * (cos(angle) - sin(angle))
        let start = group.map(\.start).min() ?? 0, end = group.map(\.end).max() ?? 0
        let fits = group.map { fitted($0, angle: angle, at: (start + end) / 2) }
        // A slope is only trusted when every line has one: a photo tilts them all.
        let trusted = fits.allSatisfy(\.fitted)
        let centres = zip(group, fits).map { line, fit in ((trusted ? fit.centre : line.centre) + offsetV) * scale }
        var placement = MRZPlacement(angle: angle, lineCentres: centres, start: start * scale, end: end * scale,
                                     characterSize: size * scale)
        if trusted { placement.lineSlopes = fits.map(\.slope) }
        return placement
    }

    /// The directions in which neighbouring characters follow each other: the text direction of
    /// the page (and of other documents on it), strongest first.
    private func dominantAngles(_ components: [InkComponent]) -> [Double] {
        let cell = max(16, 3 * (components.map(\.size).sorted()[components.count / 2]) + 4)
        // Components bucketed by grid cell (a counting sort, components in index order within
        // a cell): `members[cellStart[k]..<cellStart[k + 1]]` are those in cell k.
        let columns = components.map { Int($0.centreX) / cell }.max().map { $0 + 1 } ?? 1
        let rows = components.map { Int($0.centreY) / cell }.max().map { $0 + 1 } ?? 1
        func cellIndex(_ c: InkComponent) -> Int { (Int(c.centreY) / cell) * columns + Int(c.centreX) / cell }
        var cellStart = [Int](repeating: 0, count: columns * rows + 1)
        for c in components { cellStart[cellIndex(c) + 1] += 1 }
        for k in 0..<(columns * rows) { cellStart[k + 1] += cellStart[k] }
        var members = [Int](repeating: 0, count: components.count)
        var filled = cellStart
        for (index, c) in components.enumerated() {
            let k = cellIndex(c)
            members[filled[k]] = index
            filled[k] += 1
        }
        var histogram = [Double](repeating: 0, count: 180)
        for c in components {
            let size = Double(min(c.width, c.height) + c.size) / 2
            let gx = Int(c.centreX) / cell, gy = Int(c.centreY) / cell
            // Every similar neighbour within a few character sizes votes for the direction to it:
            // along a line of text there are many (±1, ±2 pitches), across lines few.
            for ny in max(0, gy - 1)...min(rows - 1, gy + 1) {
                for nx in max(0, gx - 1)...min(columns - 1, gx + 1) {
                    let k = ny * columns + nx
                    for index in members[cellStart[k]..<cellStart[k + 1]] {
                        let other = components[index]
                        let dx = other.centreX - c.centreX, dy = other.centreY - c.centreY
                        guard dx > 0 || (dx == 0 && dy > 0) else { continue } // each pair once
                        let distance = (dx * dx + dy * dy).squareRoot()
                        let ratio = Double(other.size) / Double(c.size)
                        guard distance > 0.5 * size, distance < 3.2 * size, ratio > 0.5, ratio < 2 else { continue }
                        var degrees = atan2(dy, dx) * 180 / .pi
                        if degrees < 0 { degrees += 180 }
                        histogram[Int(degrees.rounded()) % 180] += 1
                    }
                }
            }
        }
        // Smooth circularly, then take peaks at least 20° apart.
        var smoothed = [Double](repeating: 0, count: 180)
        for i in 0..<180 {
            for d in -2...2 { smoothed[i] += histogram[(i + d + 180) % 180] * (d == 0 ? 2 : 1) }
        }
        var peaks: [Int] = []
        // A direction counts when it stands well above the typical bin (text lines make sharp
        // peaks; patterns and photos spread their votes).
        let typical = smoothed.sorted()[90]
        for i in (0..<180).sorted(by: { smoothed[$0] > smoothed[$1] }) {
            guard smoothed[i] >= max(8, 3 * typical), peaks.count < 2 else { break }
            if peaks.allSatisfy({ min(abs($0 - i), 180 - abs($0 - i)) >= 20 }) { peaks.append(i) }
        }
        // Refine each peak with the weighted mean of the bins around it.
        return peaks.map { peak in
            var sum = 0.0, weight = 0.0
            for d in -4...4 {
                let bin = (peak + d + 180) % 180
                sum += Double(peak + d) * histogram[bin]
                weight += histogram[bin]
            }
            var degrees = weight > 0 ? sum / weight : Double(peak)
            if degrees < 0 { degrees += 180 }
            if degrees >= 180 { degrees -= 180 }
            return degrees * .pi / 180
        }
    }

    /// The coarse text direction corrected by the median slope of the text lines found along it
    /// (a least-squares line through each line's character centres).
    private func refinedAngle(_ components: [InkComponent], coarse: Double) -> Double {
        var angle = coarse
        for _ in 0..<2 {
            let cosA = cos(angle), sinA = sin(angle)
            var slopes: [Double] = []
            for line in textLines(components, angle: angle, keepMembers: true) where line.members.count >= 10 {
                let points = line.members.map { c in
                    (u: c.centreX * cosA + c.centreY * sinA, v: -c.centreX * sinA + c.centreY * cosA)
                }
                let meanU = points.map(\.u).reduce(0, +) / Double(points.count)
                let meanV = points.map(\.v).reduce(0, +) / Double(points.count)
                var uu = 0.0, uv = 0.0
                for p in points { uu += (p.u - meanU) * (p.u - meanU); uv += (p.u - meanU) * (p.v - meanV) }
                if uu > 0 { slopes.append(uv / uu) }
            }
            guard !slopes.isEmpty else { break }
            slopes.sort()
            angle += atan(slopes[slopes.count / 2])
        }
        return Self.lineDirection(angle)
    }

    /// `angle` (radians, within half a turn of [0, π)) as a line's direction in [0, π): a line
    /// read either way runs the same way.
    static func lineDirection(_ angle: Double) -> Double {
        var angle = angle
        if angle < 0 { angle += .pi }
        if angle >= .pi { angle -= .pi }
        return angle
    }

    /// The extent of `c`'s box along a direction (`u`, cosine and sine of its angle) and across
    /// it (`v`): its four corners projected (no arrays: this runs for every component of the
    /// page, several times a read).
    @inline(__always)
    static func span(of c: InkComponent, cosA: Double, sinA: Double) -> (u0: Double, u1: Double, v0: Double, v1: Double) {
        let xLow = Double(c.minX), xHigh = Double(c.maxX) + 1, yLow = Double(c.minY), yHigh = Double(c.maxY) + 1
        var u0 = Double.infinity, u1 = -Double.infinity, v0 = Double.infinity, v1 = -Double.infinity
        @inline(__always) func corner(_ x: Double, _ y: Double) {
            let u = x * cosA + y * sinA, v = -x * sinA + y * cosA
            u0 = min(u0, u); u1 = max(u1, u); v0 = min(v0, v); v1 = max(v1, v)
        }
        corner(xLow, yLow); corner(xLow, yHigh); corner(xHigh, yLow); corner(xHigh, yHigh)
        return (u0, u1, v0, v1)
    }

    /// Runs of components that follow each other along `angle` at one height.
    private func textLines(_ components: [InkComponent], angle: Double, keepMembers: Bool = false) -> [TextLine] {
        let cosA = cos(angle), sinA = sin(angle)
        struct Projected { var u0, u1, v, vSize: Double; var index: Int }
        var projected: [Projected] = components.enumerated().map { index, c in
            let (u0, u1, v0, v1) = Self.span(of: c, cosA: cosA, sinA: sinA)
            // A skewed box overstates the height by the width's share; take that share off.
            let offAxis = angle.truncatingRemainder(dividingBy: .pi / 2)
            let skew = sin(min(offAxis, .pi / 2 - offAxis))
            let width = Double(c.width), height = Double(c.height)
            let vSize = max(2, (v1 - v0) - skew * min(width, height) * 0.9)
            return Projected(u0: u0, u1: u1, v: -c.centreX * sinA + c.centreY * cosA, vSize: vSize, index: index)
        }
        projected.sort { $0.v < $1.v }
        // Cluster on v: a component joins the open line whose centre is nearest, within a
        // fraction of its character size.
        var clusters: [[Projected]] = []
        var open: [(v: Double, size: Double, index: Int)] = []
        for p in projected {
            open.removeAll { p.v - $0.v > 1.5 * $0.size }
            if let match = open.indices.filter({ abs(p.v - open[$0].v) < 0.3 * open[$0].size
                && p.vSize < 1.6 * open[$0].size && p.vSize > 0.35 * open[$0].size })
                .min(by: { abs(p.v - open[$0].v) < abs(p.v - open[$1].v) }) {
                let index = open[match].index
                clusters[index].append(p)
                let n = Double(clusters[index].count)
                open[match].v += (p.v - open[match].v) / n
                if p.vSize > 0.7 * open[match].size { open[match].size += (p.vSize - open[match].size) / n }
            } else {
                open.append((p.v, p.vSize, clusters.count))
                clusters.append([p])
            }
        }
        var lines: [TextLine] = []
        for cluster in clusters where cluster.count >= 12 {
            let sorted = cluster.sorted { $0.u0 < $1.u0 }
            let sizes = sorted.map(\.vSize).sorted()
            let size = sizes[sizes.count * 2 / 3]
            var runStart = 0, reach = sorted[0].u1
            func close(_ range: Range<Int>) {
                let run = sorted[range]
                guard run.count >= 12 else { return }
                let start = run.map(\.u0).min() ?? 0, end = run.map(\.u1).max() ?? 0
                let centre = run.map(\.v).sorted()[run.count / 2]
                lines.append(TextLine(centre: centre, start: start, end: end, size: size, count: run.count,
                                      members: keepMembers ? run.map { components[$0.index] } : []))
            }
            for i in 1..<sorted.count {
                if sorted[i].u0 - reach > 2.2 * size {
                    close(runStart..<i)
                    runStart = i
                }
                reach = max(reach, sorted[i].u1)
            }
            close(runStart..<sorted.count)
        }
        return lines
    }

    /// `line` with its centre (at `u`) and slope from a least-squares line through its members'
    /// centres, members far off the first fit left out of the second (a speck, a stroke of
    /// the line below). Unchanged, `fitted` false, when too few members are left.
    private func fitted(_ line: TextLine, angle: Double, at u: Double) -> TextLine {
        let cosA = cos(angle), sinA = sin(angle)
        let points = line.members.map { c in (u: c.centreX * cosA + c.centreY * sinA, v: -c.centreX * sinA + c.centreY * cosA) }
        var keep = points
        var result = line
        for pass in 0..<2 {
            guard keep.count >= 8 else { return line }
            let meanU = keep.map(\.u).reduce(0, +) / Double(keep.count)
            let meanV = keep.map(\.v).reduce(0, +) / Double(keep.count)
            var uu = 0.0, uv = 0.0
            for p in keep { uu += (p.u - meanU) * (p.u - meanU); uv += (p.u - meanU) * (p.v - meanV) }
            guard uu > 0 else { return line }
            let slope = uv / uu
            result.slope = slope
            result.centre = meanV + slope * (u - meanU)
            if pass == 0 {
                keep = points.filter { abs($0.v - (meanV + slope * ($0.u - meanU))) < 0.25 * line.size }
            }
        }
        result.fitted = abs(result.slope) < 0.1
        return result.fitted ? result : line
    }

    /// Two or three text lines that could form an MRZ: long (25+ characters), equally long,
    /// of one character height, and evenly spaced.
    private func mrzGroups(_ lines: [TextLine]) -> [[TextLine]] {
        let long = lines.filter { ($0.end - $0.start) >= 20 * $0.size * 0.75 }.sorted { $0.centre < $1.centre }
        var groups: [[TextLine]] = []
        var used = Set<Int>()
        func fits(_ a: TextLine, _ b: TextLine) -> Bool {
            let size = (a.size + b.size) / 2
            let gap = b.centre - a.centre
            return max(a.size, b.size) / min(a.size, b.size) < maximumLineSizeRatio && gap > 1.1 * size && gap < 3.2 * size
                && abs(a.start - b.start) < max(2.5 * size, 0.2 * (a.end - a.start))
                && abs(a.end - b.end) < max(2.5 * size, 0.2 * (a.end - a.start))
        }
        for i in long.indices where !used.contains(i) {
            var group = [i]
            var j = i + 1
            while j < long.count, group.count < 3 {
                if let last = group.last, fits(long[last], long[j]) { group.append(j) }
                else if long[j].centre - long[group.last!].centre > 3.2 * long[i].size { break }
                j += 1
            }
            if group.count >= 2 {
                groups.append(group.map { long[$0] })
                used.formUnion(group)
            }
        }
        return groups
    }

    private func overlaps(_ a: MRZPlacement, _ b: MRZPlacement) -> Bool {
        guard abs(a.angle - b.angle) < 0.2 else { return false }
        let ac = a.point(u: (a.start + a.end) / 2, v: a.lineCentres.reduce(0, +) / Double(a.lineCentres.count))
        let bc = b.point(u: (b.start + b.end) / 2, v: b.lineCentres.reduce(0, +) / Double(b.lineCentres.count))
        return (ac - bc).length < a.characterSize * 3
    }
}
