/// Reads a printed line against a ``LineGraph``: places the font's glyphs one after the other
/// on the patch's ink (each allowed to move a pixel or two, which absorbs a placement that is a
/// percent off in scale) and keeps the paths whose glyphs explain the ink best.
///
/// A glyph's cost is the ink it fails to explain in its cell plus the ink it would put where
/// there is none, relative to a typical glyph's ink: 0 for a perfect print, about 1 for a
/// character where there is nothing, or nothing where there is a character.
struct PrintedLineMatcher {
    let patch: FieldPatch
    let glyphs: PrintGlyphs
    /// The measured baseline, patch pixels.
    let baseline: Int

    /// Rows of a glyph's cell above and below the baseline (accents over capitals, descenders).
    private var bandAbove: Int { Int(PrintGlyphs.emSize * 0.95) }
    private var bandBelow: Int { Int(PrintGlyphs.emSize * 0.25) }

    /// One glyph placed on the ink.
    struct Placement: Sendable {
        let scalar: Unicode.Scalar
        /// Pen position (patch pixels) the glyph was drawn at, after its shift.
        let pen: Int
        let dy: Int
        let cost: Float
        let advance: Double
    }

    /// One edge of a path: which alternative, its glyphs, their summed cost.
    struct Step: Sendable {
        let label: String
        let from: Int
        let placements: [Placement]
        var cost: Float { placements.reduce(0) { $0 + $1.cost } }
        /// Pen position before the step.
        let startPen: Double
        let startDY: Int
    }

    /// The best path found.
    struct Reading: Sendable {
        var steps: [Step]
        /// Glyph costs summed, plus ink left unexplained after the last glyph.
        var cost: Float
        /// Unexplained ink right of the text, in typical glyphs.
        var leftover: Float
        var glyphCount: Int
        var text: String { steps.map(\.label).joined() }
        var meanCost: Float { glyphCount == 0 ? cost : cost / Float(glyphCount) }
        /// Right edge of the last glyph's cell, patch pixels.
        var end: Double
    }

    init(patch: FieldPatch, glyphs: PrintGlyphs, baseline: Int) {
        self.patch = patch
        self.glyphs = glyphs
        self.baseline = baseline
    }

    /// The baseline found on the patch: the row under which the capitals' ink stops, near where
    /// the box puts it (`nil` when there is no line of ink of the expected height there).
    /// `smallest`: the smallest size tried, relative to the zone's (a name may be set much smaller).
    static func measureBaseline(_ patch: FieldPatch, capHeight: Double, smallest: Double) -> (baseline: Int, capHeight: Double)? {
        let x0 = max(0, Int(patch.boxLeft) - 4), x1 = min(patch.width, Int(patch.boxRight) + 4)
        guard x1 > x0 else { return nil }
        var profile = [Float](repeating: 0, count: patch.height)
        for y in 0..<patch.height { profile[y] = patch.inkSum(x0: x0, x1: x1, y0: y, y1: y + 1) }
        let expected = patch.expectedBaseline
        let reach = Int(PrintGlyphs.emSize * 0.3)
        var best: (score: Float, baseline: Int, cap: Double)?
        var scale = 1.06
        while scale >= smallest - 0.001 {
            let cap = capHeight * scale
            let band = max(2, Int(cap.rounded()))
            let rim = max(2, band / 4)
            for b in (Int(expected) - reach)...(Int(expected) + reach) where b - band - rim >= 0 && b + rim < patch.height {
                var inside: Float = 0, outside: Float = 0
                for y in (b - band)..<b { inside += profile[y] }
                for y in (b - band - rim)..<(b - band) { outside += profile[y] }
                for y in b..<(b + rim) { outside += profile[y] }
                // Mean ink per row inside the cap band minus just outside it.
                let score = inside / Float(band) - outside / Float(2 * rim)
                if best == nil || score > best!.score { best = (score, b, Double(band)) }
            }
            scale -= 0.04
        }
        guard let best, best.score > 0 else { return nil }
        return (best.baseline, best.cap)
    }

    /// The cost of `glyph` drawn with its pen at `pen` and baseline shifted by `dy`: ink of the
    /// print in the glyph's cell that no glyph pixel is within a pixel of, plus glyph ink that
    /// no ink of the print is within a pixel of.
    /// `cellRight`: where the cell ends at the least (another character's cell compared at the
    /// same place: a narrower one must still explain the ink of the wider one's cell).
    func cost(of glyph: PrintGlyphs.Glyph, pen: Int, dy: Int, cellRight minimumRight: Int? = nil) -> Float {
        max(0, unexplainedInk(of: glyph, pen: pen, dy: dy, cellRight: minimumRight)) / normaliser(glyph)
    }

    /// What a glyph's cost is relative to: its own ink, or half a typical glyph's for a thin one.
    func normaliser(_ glyph: PrintGlyphs.Glyph) -> Float { max(glyph.ink, 0.5 * glyphs.typicalInk) }

    /// The cost's ink before it is made relative (see ``cost(of:pen:dy:cellRight:)``); within
    /// `columns` (patch pixels) only, when given: the part of the cell left or right of a cut.
    func unexplainedInk(of glyph: PrintGlyphs.Glyph, pen: Int, dy: Int, cellRight minimumRight: Int? = nil,
                        columns: Range<Int>? = nil) -> Float {
        let b = baseline + dy
        let y0 = b - bandAbove, y1 = b + bandBelow
        let cellRight = pen + max(1, Int(glyph.advance.rounded()))
        let gx0 = pen + glyph.left, gy0 = b - glyph.top
        var x0 = min(pen, gx0), x1 = max(cellRight, gx0 + glyph.width, minimumRight ?? cellRight)
        if let columns {
            x0 = columns.lowerBound
            x1 = columns.upperBound
            guard x0 < x1 else { return 0 }
        }
        // The glyph's own columns within the cell's (all of them, unless cut).
        let firstColumn = max(0, x0 - gx0), endColumn = min(glyph.width, x1 - gx0)
        // Ink in the cell, all of it unexplained until the glyph's pixels near it are counted.
        var total = patch.inkSum(x0: x0, x1: x1, y0: y0, y1: y1)
        let width = patch.width, height = patch.height
        let spreadWidth = glyph.width + 2
        patch.ink.withUnsafeBufferPointer { ink in
            patch.spread.withUnsafeBufferPointer { inkSpread in
                glyph.spread.withUnsafeBufferPointer { glyphSpread in
                    glyph.coverage.withUnsafeBufferPointer { coverage in
                        // Print ink explained by the glyph (within a pixel of its ink): the spread
                        // glyph's rows and columns that fall inside both the cell and the patch.
                        let firstSpreadRow = max(0, max(0, y0) - gy0 + 1), endSpreadRow = min(glyph.height + 2, min(height, y1) - gy0 + 1)
                        let firstSpreadColumn = max(0, max(0, x0) - gx0 + 1), endSpreadColumn = min(spreadWidth, min(width, x1) - gx0 + 1)
                        if firstSpreadColumn < endSpreadColumn {
                            var sy = firstSpreadRow
                            while sy < endSpreadRow {
                                let glyphRow = sy &* spreadWidth, inkRow = (gy0 &+ sy &- 1) &* width &+ gx0 &- 1
                                var sx = firstSpreadColumn
                                while sx < endSpreadColumn {
                                    let r = glyphSpread[glyphRow &+ sx]
                                    if r > 0 { total -= ink[inkRow &+ sx] * r }
                                    sx &+= 1
                                }
                                sy &+= 1
                            }
                        }
                        // Glyph ink with no print ink near it (none off the patch). The columns are
                        // taken in order, those off the patch counting whole, so the sum is the same
                        // as testing each pixel.
                        let columnsEnd = max(firstColumn, endColumn)
                        let insideStart = min(max(firstColumn, -gx0), columnsEnd)
                        let insideEnd = max(insideStart, min(columnsEnd, width - gx0))
                        for gy in 0..<glyph.height {
                            let y = gy0 + gy
                            let coverageRow = gy &* glyph.width, inkRow = y &* width &+ gx0
                            // A row off the patch has every column off it.
                            let (onPatchStart, onPatchEnd) = y >= 0 && y < height ? (insideStart, insideEnd) : (columnsEnd, columnsEnd)
                            var gx = firstColumn
                            while gx < onPatchStart {
                                let r = coverage[coverageRow &+ gx]
                                if r > 0 { total += r }
                                gx &+= 1
                            }
                            while gx < onPatchEnd {
                                let r = coverage[coverageRow &+ gx]
                                if r > 0 { total += r * (1 - inkSpread[inkRow &+ gx]) }
                                gx &+= 1
                            }
                            while gx < columnsEnd {
                                let r = coverage[coverageRow &+ gx]
                                if r > 0 { total += r }
                                gx &+= 1
                            }
                        }
                    }
                }
            }
        }
        return total
    }

    /// The glyph placed at the best shift within `reach` pixels of `pen`.
    func place(_ glyph: PrintGlyphs.Glyph, pen: Double, dy: Int, reach: Int, cellRight: Int? = nil) -> Placement {
        let start = Int(pen.rounded())
        var best = Placement(scalar: glyph.scalar, pen: start, dy: dy, cost: .infinity, advance: glyph.advance)
        for shiftY in (dy - 1)...(dy + 1) where abs(shiftY) <= 3 {
            for shiftX in -reach...reach {
                let c = cost(of: glyph, pen: start + shiftX, dy: shiftY, cellRight: cellRight)
                if c < best.cost { best = Placement(scalar: glyph.scalar, pen: start + shiftX, dy: shiftY, cost: c, advance: glyph.advance) }
            }
        }
        return best
    }

    /// Places an edge's text from `pen` on; `nil` when the font lacks one of its characters.
    func place(_ text: [Unicode.Scalar], pen: Double, dy: Int, previous: Unicode.Scalar?, firstReach: Int, cellRight: Int? = nil) -> [Placement]? {
        var placements: [Placement] = []
        var pen = pen, dy = dy, previous = previous
        for scalar in text {
            guard let glyph = glyphs.glyph(scalar), glyph.isDefined || scalar == " " else { return nil }
            if let previous { pen += glyphs.kerning(previous, scalar) }
            let last = placements.count == text.count - 1
            let placed = place(glyph, pen: pen, dy: dy, reach: placements.isEmpty ? firstReach : 2, cellRight: last ? cellRight : nil)
            placements.append(placed)
            pen = Double(placed.pen) + glyph.advance
            dy = placed.dy
            previous = scalar
        }
        return placements
    }

    /// Where the text starts: `boxLeft`, unless the first run of ink on the baseline lies more
    /// than a glyph's reach from it (a side placed a character's width off, as a small or scaled
    /// scan can be). A text is left-aligned in its box, so the first ink column after a gap of at
    /// least a third of an em, within an em either side of the box's left edge, is its start.
    func textStart() -> Double {
        let em = PrintGlyphs.emSize
        let boxLeft = patch.boxLeft
        let y0 = baseline - Int(em * 0.7), y1 = baseline
        let from = max(0, Int(boxLeft - em)), to = min(patch.width - 1, Int(boxLeft + em))
        guard from < to else { return boxLeft }
        let gap = Int(em / 3)
        let columnInk = Float(y1 - y0) * 0.08
        var blank = gap
        for x in from...to {
            if patch.inkSum(x0: x, x1: x + 1, y0: y0, y1: y1) > columnInk {
                if blank >= gap {
                    let start = Double(x)
                    return abs(start - boxLeft) > em * 0.25 ? start : boxLeft
                }
                blank = 0
            } else {
                blank += 1
            }
        }
        return boxLeft
    }

    /// Unexplained ink from `pen` to the right end of the patch, in typical glyphs.
    func leftover(after pen: Double) -> Float {
        let x0 = Int(pen.rounded()) + 1
        return patch.inkSum(x0: x0, x1: patch.width, y0: baseline - bandAbove, y1: baseline + bandBelow) / glyphs.typicalInk
    }

    private struct State {
        var node: Int
        var pen: Double
        var dy: Int
        var cost: Float
        var glyphCount: Int
        var previous: Unicode.Scalar?
        var insertedAt: Int
        var steps: [Step]
    }

    /// The path through `graph` that explains the ink best, starting at `startPen`.
    /// `leftoverCounts`: whether ink after the text counts against a path (not for a name the
    /// MRZ may have truncated).
    func read(_ graph: LineGraph, startPen: Double, beamWidth: Int, leftoverCounts: Bool = true) -> Reading? {
        var active = [State(node: 0, pen: startPen, dy: 0, cost: 0, glyphCount: 0, previous: nil, insertedAt: -1, steps: [])]
        var best: Reading?
        var rounds = 0
        while !active.isEmpty, rounds < 4 * graph.edges.count + 8 {
            rounds += 1
            var next: [State] = []
            for state in active {
                for edge in graph.edges[state.node] {
                    if edge.to == state.node, state.insertedAt == state.node { continue }
                    let first = state.steps.isEmpty
                    guard let placements = place(edge.text, pen: state.pen, dy: state.dy, previous: state.previous,
                                                 firstReach: first ? Int(PrintGlyphs.emSize * 0.3) : 2) else { continue }
                    var pen = state.pen
                    if let last = placements.last { pen = Double(last.pen) + last.advance }
                    let step = Step(label: edge.label, from: state.node, placements: placements, startPen: state.pen, startDY: state.dy)
                    var moved = State(node: edge.to, pen: pen, dy: placements.last?.dy ?? state.dy, cost: state.cost + step.cost,
                                      glyphCount: state.glyphCount + placements.count,
                                      previous: edge.text.last ?? state.previous,
                                      insertedAt: edge.to == state.node ? state.node : state.insertedAt, steps: state.steps + [step])
                    if moved.node == graph.end {
                        let rest = leftover(after: pen)
                        let total = moved.cost + (leftoverCounts ? rest : 0)
                        if best == nil || total < best!.cost {
                            best = Reading(steps: moved.steps, cost: total, leftover: rest, glyphCount: moved.glyphCount, end: pen)
                        }
                    } else {
                        if edge.to != state.node { moved.insertedAt = -1 }
                        next.append(moved)
                    }
                }
            }
            if let best { next.removeAll { $0.cost >= best.cost } }
            next.sort { $0.cost < $1.cost }
            // Keep one state per (node, pen) among equals: different spellings that print alike.
            var kept: [State] = []
            for state in next where kept.count < beamWidth {
                if kept.contains(where: { $0.node == state.node && abs($0.pen - state.pen) < 1 && abs($0.cost - state.cost) < 0.05 }) { continue }
                kept.append(state)
            }
            active = kept
        }
        return best
    }

    /// Two characters' glyphs joined at a column (see ``cut(at:in:)``).
    struct JoinedGlyph: Sendable {
        /// The join's cost and the best single character's over the same columns, per glyph.
        var cost: Float
        var single: Float
        /// The best single character, and the characters left and right of the cut.
        var best: String
        var left: String
        var right: String
    }

    /// A one-character step's cell explained as two characters joined at a column: the left
    /// part of one, the right part of another — what a paste whose edge cuts through a character
    /// leaves. The cheapest such join of two different characters the graph offers there
    /// (each part's unexplained ink, relative to the read glyph's), against the cheapest single
    /// character over the same columns; cuts only through the glyph's middle half, where both
    /// parts carry ink of their own.
    func cut(at step: Step, in graph: LineGraph) -> JoinedGlyph? {
        guard step.placements.count == 1, let placed = step.placements.first else { return nil }
        let candidates = graph.edges[step.from].compactMap { edge -> (String, PrintGlyphs.Glyph)? in
            guard edge.to != step.from, edge.text.count == 1, let glyph = glyphs.glyph(edge.text[0]), glyph.isDefined else { return nil }
            return (edge.label, glyph)
        }
        guard candidates.count >= 2 else { return nil }
        // The cell of the character that explains the place best (the print may differ from
        // the expected text): every join is compared over its columns, at its pen.
        let best = candidates.map { place($0.1, pen: Double(placed.pen), dy: placed.dy, reach: 2) }.min { $0.cost < $1.cost }
        guard let best, let read = glyphs.glyph(best.scalar) else { return nil }
        let cellLeft = best.pen, cellRight = best.pen + Int(best.advance.rounded())
        let inkLeft = best.pen + read.left
        let cuts = Array((inkLeft + read.width / 4)...(inkLeft + max(read.width / 4, 3 * read.width / 4)))
        // Each character's unexplained ink left and right of every cut.
        let parts = candidates.map { _, glyph in
            cuts.map { x in
                // (A glyph may reach past its cell: a cut outside it leaves one part empty.)
                (unexplainedInk(of: glyph, pen: best.pen, dy: best.dy, columns: cellLeft..<max(cellLeft, min(x, cellRight))),
                 unexplainedInk(of: glyph, pen: best.pen, dy: best.dy, columns: min(max(x, cellLeft), cellRight)..<cellRight))
            }
        }
        let norm = normaliser(read)
        var single: (cost: Float, index: Int) = (.infinity, 0)
        for a in candidates.indices {
            let cost = max(0, parts[a][0].0) + max(0, parts[a][0].1)
            if cost < single.cost { single = (cost, a) }
        }
        var join: (cost: Float, left: Int, right: Int) = (.infinity, 0, 0)
        for a in candidates.indices {
            for b in candidates.indices where b != a {
                for k in cuts.indices {
                    let cost = max(0, parts[a][k].0) + max(0, parts[b][k].1)
                    if cost < join.cost { join = (cost, a, b) }
                }
            }
        }
        return JoinedGlyph(cost: join.cost / norm, single: single.cost / norm, best: candidates[single.index].0,
                           left: candidates[join.left].0, right: candidates[join.right].0)
    }

    /// For each step of `reading`, the cost of every alternative the graph offers at the step's
    /// node, placed at the same pen: how clearly the read alternative beats the others.
    func alternatives(at step: Step, in graph: LineGraph, previous: Unicode.Scalar?) -> [(label: String, cost: Float)] {
        graph.edges[step.from].compactMap { edge in
            let pen = step.placements.first.map { Double($0.pen) } ?? step.startPen
            let right = step.placements.last.map { $0.pen + Int($0.advance.rounded()) }
            guard edge.to != step.from, let placed = place(edge.text, pen: pen, dy: step.placements.first?.dy ?? step.startDY,
                                                           previous: nil, firstReach: 2, cellRight: right) else { return nil }
            return (edge.label, placed.reduce(0) { $0 + $1.cost })
        }
    }
}
