/// Finds a portrait's outline on an upright side whose model is unknown: the largest rectangle of
/// portrait size and proportions whose four sides are edges along most of their length and whose
/// middle is not a block of text.
///
/// The search runs at 2 px/mm over every position and size: an edge "runs" at a place of a side
/// where the grey-level step, averaged over 1.5 mm along the side, stands out of the page's
/// texture (a column of text or a baseline has gaps between lines, letters and words; the fine
/// pattern cancels). Of the rectangles whose every side runs along ``minimumEdgeShare`` of it,
/// the largest wins: the portrait's own outlines (hair, face) lie inside its print's edges. Then
/// each side is fitted as a straight edge on the full patch. Two rectangles inside it are found
/// too (``find(in:resolution:)``): the largest one, for a print smaller than the portrait it
/// covers, which sits inside that portrait's outline; and, for a print beside a column of text or
/// above a signature, whose edges the largest rectangle takes in, the one whose edges step most
/// and fit straightest.
struct PortraitOutlineFinder: Sendable {
    /// The rectangles found: the largest one, and inside it the largest one again and the one
    /// with the strongest edges, where they differ from it.
    struct Outlines: Sendable {
        var outer: PortraitOutline
        /// The largest rectangle whose sides all lie inside the outer one's (``nestedShare``,
        /// ``nestedInset``).
        var nested: PortraitOutline?
        /// Of the rectangles within the outer one, on or inside its sides, whose weakest sides
        /// step most (``strongestShare``, ``strongestCandidates``), the one whose fitted sides are
        /// straight on most sides.
        var strongest: PortraitOutline?

        /// The rectangles found inside the outer one.
        var inside: [PortraitOutline] { [nested, strongest].compactMap { $0 } }
    }

    /// Portrait sizes looked for, millimetres (ICAO 9303 portraits on passports and visas; the
    /// library's models 28.8–33.8 × 40–44 mm).
    var widths: ClosedRange<Double> = 20...42
    var heights: ClosedRange<Double> = 25...52
    /// Width over height (ICAO's 35 × 45 mm photograph is 0.78).
    var proportions: ClosedRange<Double> = 0.62...0.92
    var coarseResolution = 2.0
    /// An edge runs where the averaged step is this many times the page's median, and at least
    /// `minimumStep` grey levels.
    var stepOverTexture = 1.5
    var minimumStep = 6.0
    /// Share of each side along which the edge must run.
    var minimumEdgeShare = 0.8
    /// The middle three fifths must not be busier than this: the share of cells with a step of
    /// twice the threshold (portraits 0.30–0.50 on the benchmark, text blocks 0.69–0.93).
    var largestBusyShare = 0.6
    /// Part of each side left out at either end (corners, rounded photo corners).
    var endSkip = 0.12
    /// How a side is fitted: strips of 4 px, the step searched 10 px either side of the coarse
    /// side, points within 0.8 px of the line.
    var sideSearch = StraightEdge.Search(strip: 4, before: 10, after: 10, width: 1)
    var sideTolerance = 0.8

    /// Smallest share of the outer outline's width and height a nested one keeps, and how far
    /// inside it its sides must lie, millimetres: a print trimmed to sit inside the window of the
    /// one it replaces is a few per cent smaller (its edges 1–3 mm inside the old print's).
    var nestedShare = 0.8
    var nestedInset = 1.0
    /// Fine pixels a side inside another outline is kept from that outline's side: the coarse
    /// search sees an edge a millimetre either side of it, so a rectangle just inside an outline
    /// is often that outline's own edges again, and a print's edge just inside them loses to
    /// them in the side's search. Each side is searched clear of them too, and that edge is
    /// taken where it is straight along ``clearSideStraightness`` of the side.
    var nestedClearance = 4
    var clearSideStraightness = PortraitOutline.straightShare
    /// Smallest share of the outer outline's width and height the rectangle with the strongest
    /// edges keeps. The largest rectangle often reaches past the print, to the edge of the text
    /// column beside it or below the signature under it: on seed 9102, 72 of the 74 outlines of
    /// prints missed without a model reached 2–13 mm past the print on one or two sides. A print's
    /// cut edges step more than those; the prints were 70–90% of such an outline's width and
    /// height.
    var strongestShare = 0.6
    /// How many of the rectangles with the strongest edges are fitted on the full patch, the one
    /// with the most straight sides kept: the coarse means are a rough guide (a print's pale side
    /// steps less than a heading's baseline), the fitted edges tell a cut edge from text. One:
    /// seed 9102 114 of 200; eight: 123 (sixteen: 123, thirty-two: 124).
    var strongestCandidates = 8
    /// A side counts as straight from this share of its positions on its line (as the photo step
    /// judges sides).
    var strongestStraightness = PortraitOutline.straightShare

    /// The portrait's outline and the rectangles found inside it: a print glued inside the window
    /// of the one it replaces leaves the old print's square edges around its own turned ones, and
    /// the largest rectangle is then the old print; a print beside text or above a signature
    /// leaves a larger rectangle whose far sides are those.
    func find(in patch: GreyPatch, resolution: Double) -> Outlines? {
        let factor = max(1, Int((resolution / coarseResolution).rounded()))
        let coarse = patch.shrunk(by: factor)
        let w = coarse.width, h = coarse.height
        let perMillimetre = resolution / Double(factor)
        let smallest = (width: Int(widths.lowerBound * perMillimetre), height: Int(heights.lowerBound * perMillimetre))
        let largest = (width: Int(widths.upperBound * perMillimetre), height: Int(heights.upperBound * perMillimetre))
        guard w > smallest.width + 4, h > smallest.height + 4 else { return nil }
        let maps = CoarseEdgeMaps(coarse, run: max(1, Int(perMillimetre / 2)), stepOverTexture: stepOverTexture, minimumStep: minimumStep)
        let everywhere = CoarseRectangle(x: 1, y: 1, width: w - 3, height: h - 3)
        guard let outer = largestRectangle(in: maps, within: everywhere,
                                           widths: (smallest.width, largest.width), heights: (smallest.height, largest.height)) else { return nil }
        let inset = max(1, Int((nestedInset * perMillimetre).rounded()))
        let inside = CoarseRectangle(x: outer.x + inset, y: outer.y + inset, width: outer.width - 2 * inset, height: outer.height - 2 * inset)
        /// Sizes from `share` of the outer rectangle's (a portrait's smallest at the least) up to `bounds`'.
        func sizes(from share: Double, upTo bounds: CoarseRectangle) -> (widths: (Int, Int), heights: (Int, Int)) {
            ((max(smallest.width, Int((Double(outer.width) * share).rounded(.up))), bounds.width),
             (max(smallest.height, Int((Double(outer.height) * share).rounded(.up))), bounds.height))
        }
        let nestedSizes = sizes(from: nestedShare, upTo: inside), strongestSizes = sizes(from: strongestShare, upTo: outer)
        let nested = largestRectangle(in: maps, within: inside, widths: nestedSizes.widths, heights: nestedSizes.heights)
        let strongest = strongestRectangles(in: maps, within: outer, widths: strongestSizes.widths, heights: strongestSizes.heights)
        let outerOutline = fitted(outer, on: patch, factor: factor)
        return Outlines(outer: outerOutline, nested: nested.map { fitted($0, on: patch, factor: factor, inside: outerOutline) },
                        strongest: mostStraight(of: strongest.map { fitted($0, on: patch, factor: factor) }))
    }

    /// The outline with the most sides straight along ``strongestStraightness`` of them, the
    /// first among equals.
    private func mostStraight(of outlines: [PortraitOutline]) -> PortraitOutline? {
        var best: (outline: PortraitOutline, straight: Int)?
        for outline in outlines {
            let straight = outline.sideTurns.filter { $0.straightness >= strongestStraightness }.count
            if straight > best?.straight ?? -1 { best = (outline, straight) }
        }
        return best?.outline
    }

    /// A rectangle on the coarse grid, coarse pixels.
    private struct CoarseRectangle: Equatable {
        var x: Int, y: Int, width: Int, height: Int
    }

    /// The largest rectangle lying within `bounds` (its sides on or inside them) whose sides all
    /// run as edges and whose middle is not busy; among those of one size, the one with the
    /// strongest weakest side.
    private func largestRectangle(in maps: CoarseEdgeMaps, within bounds: CoarseRectangle,
                                  widths: (smallest: Int, largest: Int), heights: (smallest: Int, largest: Int)) -> CoarseRectangle? {
        var best: (rectangle: CoarseRectangle, score: Double)?
        // Only a larger rectangle can win.
        forEachRectangle(in: maps, within: bounds, widths: widths, heights: heights,
                         skipping: { area in best.map { Double($0.rectangle.width * $0.rectangle.height) > area } ?? false }) { rectangle, step in
            let score = Double(rectangle.width * rectangle.height) * 1000 + min(step, 999)
            if score > (best?.score ?? 0) { best = (rectangle, score) }
        }
        return best?.rectangle
    }

    /// The ``strongestCandidates`` rectangles lying within `bounds`, other than `bounds` itself,
    /// whose weakest sides step most (the larger first among equals), each more than a millimetre
    /// off the others on some side.
    private func strongestRectangles(in maps: CoarseEdgeMaps, within bounds: CoarseRectangle,
                                     widths: (smallest: Int, largest: Int), heights: (smallest: Int, largest: Int)) -> [CoarseRectangle] {
        var all: [(rectangle: CoarseRectangle, step: Double)] = []
        forEachRectangle(in: maps, within: bounds, widths: widths, heights: heights) { if $0 != bounds { all.append(($0, $1)) } }
        all.sort { ($0.step, $0.rectangle.width * $0.rectangle.height) > ($1.step, $1.rectangle.width * $1.rectangle.height) }
        var picked: [CoarseRectangle] = []
        for (rectangle, _) in all where picked.count < strongestCandidates {
            let repeats = picked.contains {
                abs($0.x - rectangle.x) <= 2 && abs($0.y - rectangle.y) <= 2 && abs($0.width - rectangle.width) <= 2 && abs($0.height - rectangle.height) <= 2
            }
            if !repeats { picked.append(rectangle) }
        }
        return picked
    }

    /// Calls `body` with every rectangle lying within `bounds` (its sides on or inside them) whose
    /// sides all run as edges and whose middle is not busy, and its weakest side's mean step;
    /// sizes whose area `skipping` rules out are not searched.
    private func forEachRectangle(in maps: CoarseEdgeMaps, within bounds: CoarseRectangle,
                                  widths: (smallest: Int, largest: Int), heights: (smallest: Int, largest: Int),
                                  skipping isRuledOut: (_ area: Double) -> Bool = { _ in false },
                                  _ body: (CoarseRectangle, _ weakestStep: Double) -> Void) {
        let enough = minimumEdgeShare, busiest = largestBusyShare
        for height in stride(from: heights.smallest, through: min(heights.largest, bounds.height), by: 2) {
            let inset = max(1, Int(Double(height) * endSkip))
            for width in stride(from: widths.smallest, through: min(widths.largest, bounds.width), by: 2) {
                guard proportions.contains(Double(width) / Double(height)), !isRuledOut(Double(width * height)) else { continue }
                let across = max(1, Int(Double(width) * endSkip))
                for y in bounds.y...(bounds.y + bounds.height - height) {
                    for x in bounds.x...(bounds.x + bounds.width - width) {
                        guard maps.verticalShare(x, y + inset, y + height - inset) >= enough,
                              maps.verticalShare(x + width, y + inset, y + height - inset) >= enough,
                              maps.horizontalShare(y, x + across, x + width - across) >= enough,
                              maps.horizontalShare(y + height, x + across, x + width - across) >= enough,
                              maps.busyShare(x: x + width / 5, y: y + height / 5, width: width - 2 * (width / 5), height: height - 2 * (height / 5)) <= busiest
                        else { continue }
                        let step = min(maps.verticalStep(x, y + inset, y + height - inset), maps.verticalStep(x + width, y + inset, y + height - inset),
                                       maps.horizontalStep(y, x + across, x + width - across), maps.horizontalStep(y + height, x + across, x + width - across))
                        body(CoarseRectangle(x: x, y: y, width: width, height: height), step)
                    }
                }
            }
        }
    }

    /// `rectangle`'s four sides fitted as straight edges on the full patch; inside `outer`, a
    /// side's edge searched ``nestedClearance`` pixels short of `outer`'s side where it is
    /// straight, else the edge found without that limit (it may be `outer`'s own side).
    private func fitted(_ rectangle: CoarseRectangle, on patch: GreyPatch, factor: Int, inside outer: PortraitOutline? = nil) -> PortraitOutline {
        // Coarse pixel x covers fine pixels x·factor ..< (x+1)·factor: its centre.
        let scale = Double(factor)
        let x0 = (Double(rectangle.x) + 0.5) * scale, x1 = (Double(rectangle.x + rectangle.width) + 0.5) * scale
        let y0 = (Double(rectangle.y) + 0.5) * scale, y1 = (Double(rectangle.y + rectangle.height) + 0.5) * scale
        /// The side at `position`, searched outwards (towards smaller coordinates for a left or
        /// top side) no nearer than the clearance to `limit`, the outer outline's side there.
        func side(vertical: Bool, at position: Double, outwardsIsSmaller: Bool, limit: Double?, from start: Double, to end: Double) -> StraightEdge? {
            func edge(_ search: StraightEdge.Search) -> StraightEdge? {
                let points = StraightEdge.steps(in: patch, vertical: vertical, expected: position, from: start, to: end, search: search)
                return StraightEdge.fitted(points, tolerance: sideTolerance)
            }
            if let limit {
                var clear = sideSearch
                let reach = max(0, min(outwardsIsSmaller ? clear.before : clear.after, Int(abs(position - limit)) - nestedClearance))
                if outwardsIsSmaller { clear.before = reach } else { clear.after = reach }
                // A step at the band's outer end is the outer side's flank.
                clear.keepsStepsAtEnds = false
                if let inside = edge(clear), inside.straightness >= clearSideStraightness { return inside }
            }
            return edge(sideSearch)
        }
        let alongX = (x0 + (x1 - x0) * endSkip, x1 - (x1 - x0) * endSkip), alongY = (y0 + (y1 - y0) * endSkip, y1 - (y1 - y0) * endSkip)
        let middleX = (x0 + x1) / 2, middleY = (y0 + y1) / 2
        let limits = outer.map { outer in
            (left: outer.left?.across(at: middleY) ?? outer.x, right: outer.right?.across(at: middleY) ?? outer.x + outer.width,
             top: outer.top?.across(at: middleX) ?? outer.y, bottom: outer.bottom?.across(at: middleX) ?? outer.y + outer.height)
        }
        return PortraitOutline(x: x0, y: y0, width: x1 - x0, height: y1 - y0,
                               left: side(vertical: true, at: x0, outwardsIsSmaller: true, limit: limits?.left, from: alongY.0, to: alongY.1),
                               right: side(vertical: true, at: x1, outwardsIsSmaller: false, limit: limits?.right, from: alongY.0, to: alongY.1),
                               top: side(vertical: false, at: y0, outwardsIsSmaller: true, limit: limits?.top, from: alongX.0, to: alongX.1),
                               bottom: side(vertical: false, at: y1, outwardsIsSmaller: false, limit: limits?.bottom, from: alongX.0, to: alongX.1))
    }
}

/// Running sums over a coarse patch for the rectangle search: where an edge runs down each column
/// and along each row, the mean steps there, and where the patch is busy.
private struct CoarseEdgeMaps {
    let width: Int
    let height: Int
    private var columnRuns: [Float], rowRuns: [Float]
    private var columnSteps: [Float], rowSteps: [Float]
    private var busy: [Float]

    init(_ coarse: GreyPatch, run: Int, stepOverTexture: Double, minimumStep: Double) {
        let w = coarse.width, h = coarse.height
        width = w
        height = h
        // Signed steps across (left–right neighbours) and down, widened a pixel across the step
        // (the largest in size of three): an edge a little off the grid, or turned, still sums.
        var across = [Float](repeating: 0, count: w * h), down = across
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                across[y * w + x] = coarse[x + 1, y] - coarse[x - 1, y]
                down[y * w + x] = coarse[x, y + 1] - coarse[x, y - 1]
            }
        }
        func largest(_ a: Float, _ b: Float, _ c: Float) -> Float {
            let ab = abs(a) >= abs(b) ? a : b
            return abs(ab) >= abs(c) ? ab : c
        }
        var wideAcross = across, wideDown = down
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                wideAcross[y * w + x] = largest(across[y * w + x - 1], across[y * w + x], across[y * w + x + 1])
                wideDown[y * w + x] = largest(down[(y - 1) * w + x], down[y * w + x], down[(y + 1) * w + x])
            }
        }
        // Averaged along the would-be side, signed: a side steps the same way all along.
        var alongColumns = [Float](repeating: 0, count: w * h), alongRows = alongColumns
        for y in 0..<h {
            for x in 0..<w {
                var sumDown: Float = 0, sumAlong: Float = 0
                for k in -run...run {
                    sumDown += wideAcross[min(h - 1, max(0, y + k)) * w + x]
                    sumAlong += wideDown[y * w + min(w - 1, max(0, x + k))]
                }
                alongColumns[y * w + x] = abs(sumDown) / Float(2 * run + 1)
                alongRows[y * w + x] = abs(sumAlong) / Float(2 * run + 1)
            }
        }
        var sorted = alongColumns
        sorted.sort()
        let texture = sorted.isEmpty ? 0 : Double(sorted[sorted.count / 2])
        let threshold = Float(max(minimumStep, stepOverTexture * texture))
        columnRuns = [Float](repeating: 0, count: (h + 1) * w)
        rowRuns = [Float](repeating: 0, count: h * (w + 1))
        columnSteps = columnRuns
        rowSteps = rowRuns
        busy = [Float](repeating: 0, count: (h + 1) * (w + 1))
        for y in 0..<h {
            var rowBusy: Float = 0
            for x in 0..<w {
                let i = y * w + x
                columnRuns[(y + 1) * w + x] = columnRuns[y * w + x] + (alongColumns[i] >= threshold ? 1 : 0)
                rowRuns[y * (w + 1) + x + 1] = rowRuns[y * (w + 1) + x] + (alongRows[i] >= threshold ? 1 : 0)
                columnSteps[(y + 1) * w + x] = columnSteps[y * w + x] + alongColumns[i]
                rowSteps[y * (w + 1) + x + 1] = rowSteps[y * (w + 1) + x] + alongRows[i]
                rowBusy += abs(wideAcross[i]) >= 2 * threshold || abs(wideDown[i]) >= 2 * threshold ? 1 : 0
                busy[(y + 1) * (w + 1) + x + 1] = busy[y * (w + 1) + x + 1] + rowBusy
            }
        }
    }

    func verticalShare(_ x: Int, _ y0: Int, _ y1: Int) -> Double {
        Double(columnRuns[y1 * width + x] - columnRuns[y0 * width + x]) / Double(y1 - y0)
    }

    func horizontalShare(_ y: Int, _ x0: Int, _ x1: Int) -> Double {
        Double(rowRuns[y * (width + 1) + x1] - rowRuns[y * (width + 1) + x0]) / Double(x1 - x0)
    }

    func verticalStep(_ x: Int, _ y0: Int, _ y1: Int) -> Double {
        Double(columnSteps[y1 * width + x] - columnSteps[y0 * width + x]) / Double(y1 - y0)
    }

    func horizontalStep(_ y: Int, _ x0: Int, _ x1: Int) -> Double {
        Double(rowSteps[y * (width + 1) + x1] - rowSteps[y * (width + 1) + x0]) / Double(x1 - x0)
    }

    /// Share of busy cells in the rectangle.
    func busyShare(x: Int, y: Int, width w: Int, height h: Int) -> Double {
        let stride = width + 1
        let sum = busy[(y + h) * stride + x + w] - busy[y * stride + x + w] - busy[(y + h) * stride + x] + busy[y * stride + x]
        return Double(sum) / Double(max(1, w * h))
    }
}
