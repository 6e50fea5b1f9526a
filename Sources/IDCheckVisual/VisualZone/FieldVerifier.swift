import IDCheckForensics
import IDCheckMRZ
import IDCheckSpecimens

/// Compares one printed field with what the MRZ says it must show: cuts it out, finds its
/// baseline and size, reads it against the expected text's graph, and decides.
///
/// Decisions lean towards silence: a field is said to disagree only when the print is read
/// clearly and another text explains it clearly better than the expected one; when neither is
/// clear the field is unverified, never a mismatch.
struct FieldVerifier {
    /// What was found for one field.
    struct Check: Sendable {
        enum Outcome: Sendable, Equatable { case agrees, disagrees, unverified }
        var outcome: Outcome
        /// The expected print, in the model's format.
        var expected: String
        /// What the print was read as, when it could be.
        var observed: String?
        /// How well the print fits the expected text, 0…1.
        var score: Double
        /// The date printed in full (four-digit year), for date fields read with confidence.
        var printedDate: MRZ.CalendarDate?
        /// A character no character of the font explains, among clear ones (see
        /// ``FieldVerifier/foreignGlyph(_:on:)``).
        var foreignGlyph: ForeignCharacter?
    }

    /// One printed character unlike every character its place could hold, or a stretch of a
    /// name's print unlike the name around letters that spell it.
    struct ForeignCharacter: Sendable, Equatable {
        var kind = ForeignGlyph.Kind.character
        /// Which character of the text, 0-based (the stretch's first).
        var position: Int
        /// How many characters in a row: 1 for a number's or date's character.
        var count = 1
        /// Unexplained ink per glyph of the best character for it.
        var cost: Float
        /// Its cell: its columns over the field's box (relative side coordinates).
        var box: Specimen.Box
        /// The two characters it is joined from, for a cut character.
        var joined: ForeignGlyph.Join?
    }

    /// One character of a reading: the cost of the best character for its place, per glyph.
    struct GlyphFit {
        var position: Int
        var cost: Float
        var x0: Double
        var x1: Double
        /// Whether the character can be judged on its own: not when a neighbour is kerned into
        /// its cell (`LT`, `LY`, `AV`), whose ink the cell then holds.
        var judged = true
        /// The cheapest join of two characters cut through this one, and the best single one
        /// over the same columns (``PrintedLineMatcher/cut(at:in:)``).
        var cut: PrintedLineMatcher.JoinedGlyph?
        /// The character read there (the expected one, or another that explains the ink better).
        var label = ""
    }

    /// Kerning (patch pixels, at ``PrintGlyphs/emSize``) from which a pair's glyphs overlap each
    /// other's cells: two genuine ID-2021 numbers (`ALT…`, `LYR…`) had their `L`/`Y` at 0.10.
    static let overlappingKerning = 1.0

    /// Mean glyph cost under which a name's best spelling is taken as printed.
    static let nameAgrees: Float = 0.08
    /// Mean glyph cost under which a spelling is taken without trying the other scripts.
    static let nameClearlyPrinted: Float = 0.03
    /// Mean glyph cost over which no spelling of the MRZ's name is printed.
    static let nameDisagrees: Float = 0.15
    /// How much better (summed glyph costs) another reading must explain a number or date than
    /// the expected text before the print is said to differ.
    static let readingMargin: Float = 0.02
    /// Mean glyph cost of a reading clear enough to be reported.
    static let readable: Float = 0.06
    /// Mean glyph cost under which the expected text is taken as printed.
    static let textAgrees: Float = 0.06
    /// Per-glyph cost from which a character is foreign to the font when the print's other
    /// characters are clear: a glyph cut and joined from two prints. Genuine renders stay under
    /// 0.04 (450 scanned sides of seed 9101, 40 of seed 8802); clean glyphs of another text
    /// (a reprinted field) score like genuine ones.
    static let foreignGlyphCost: Float = 0.09
    /// A character is taken as two joined (a paste's edge through it) from this per-glyph cost of
    /// the best single character, when the join costs at most ``joinedShare`` of it. The 1,000
    /// genuine documents of the visual benchmark (seed 9101): such joins only on UTO-V-2018's `3`
    /// (read as the left of `1` and the right of `8`, or of `3` and `8`), at single costs up to
    /// 0.044 — and the same `3` elsewhere in the field costs as much (see ``joinedGlyph(_:on:)``).
    /// Splices the character check misses, cut through a digit: 0.045–0.078.
    static let joinedSingleCost: Float = 0.045
    static let joinedShare: Float = 0.6
    /// Median per-glyph cost of a print clear enough to judge one character of it as foreign.
    static let clearPrint: Float = 0.03
    /// Per-glyph cost from which a glyph belongs to a stretch of print that does not spell the
    /// field: letters of a name that spell no spelling of it, or characters of a number, code or
    /// date at places the font does not put them (both `foreignStretch` checks share these three
    /// thresholds).
    static let stretchMember: Float = 0.15
    /// Two neighbouring glyphs of the stretch must each cost at least this: a single poor letter
    /// is an accent or a ligature the spellings do not offer (genuine `Ł`, `Ç`, `Ż` read as their
    /// plain letters cost up to 0.17 alone); the strongest pair among the 1,806 clear genuine
    /// names of the visual benchmark's seed 9101 cost 0.16 and 0.44.
    static let stretchPairCost: Float = 0.25
    /// Clear glyphs of the field outside the stretch, at the least: the stretch must lie among
    /// characters that spell the field, or it is another value (`viz.mrz-mismatch`), not a paste.
    static let stretchClearGlyphs = 3
    /// Ink after a name printed whole, in typical glyphs, from which the name is taken as
    /// continued by another print. Genuine names the MRZ holds whole leave none (at most 10⁻⁶ on
    /// the 1,697 such names of the visual benchmark's genuine set read clearly); the benchmark's
    /// pastes of a longer name's letters past the end leave 1.4–4.7.
    static let inkAfterName: Float = 1.0

    /// Smallest em, in image pixels, at which a field is said to differ or a name's stretch to be
    /// foreign (a card's values at about 200 dpi, a passport's at 150 dpi). On hard renders (seeds
    /// 8803, 8804: photos at about 137 dpi, blurred, JPEG 35–55, em about 19 px) genuine names
    /// came out as other names on four documents, and one date digit at 0.10 with a clear median;
    /// on seed 8806 a Cyrillic surname at em 20.x (153 dpi, blur 1.25) at a mean cost of 0.15.
    /// The visual benchmark's reprinted fields that disagree have their em at 22 px and more.
    static let smallestJudgedEm = 21.5
    /// Smallest em, in image pixels, at which one character of a number, code or date is said to
    /// be foreign. Blurred photographs of genuine pages (σ ≈ 1 px at 170–180 dpi, JPEG 45–60;
    /// hard renders of seed 8805, em 22–23 px) left single digits at 0.092–0.10 among a clear
    /// median; the splices this check catches have their values at 25 px or more.
    static let smallestForeignCharacterEm = 25.0

    /// Lowest cost gap between the best and second-best character of a date of issue's digit
    /// for the date to be trusted (other rules read it).
    static let issueDateMargin: Float = 0.04

    let side: AlignedSide
    let size: Specimen.PhysicalSize
    let glyphs: PrintGlyphs

    /// Checks `zone` against `expectation`; `nil` when the field cannot be cut or measured.
    /// A disagreement or a foreign character is reported only where the print is large enough on
    /// the image (``smallestJudgedEm``) for one glyph's shape to be told from blur and noise.
    func check(_ zone: Specimen.Zone, expectation: ExpectedPrint) -> Check? {
        var result = checkPrint(zone, expectation: expectation)
        let em = side.scale(at: zone.box).y * (zone.text?.size ?? 0)
        if em < Self.smallestForeignCharacterEm, !expectation.isName { result?.foreignGlyph = nil }
        if em < Self.smallestJudgedEm {
            // Too coarse to tell one glyph from another with confidence: what agrees still
            // agrees, but nothing is said to differ.
            result?.foreignGlyph = nil
            if result?.outcome == .disagrees {
                result?.outcome = .unverified
                result?.observed = nil
            }
        }
        return result
    }

    private func checkPrint(_ zone: Specimen.Zone, expectation: ExpectedPrint) -> Check? {
        guard let patch = FieldPatch(side: side, zone: zone, size: size) else { return nil }
        let display = Self.display(expectation)
        if expectation == .empty {
            let band = Int(patch.expectedBaseline)
            let ink = patch.hasInk ? patch.inkSum(x0: Int(patch.boxLeft), x1: Int(patch.boxRight), y0: band - Int(PrintGlyphs.emSize * 0.8), y1: band) : 0
            let glyphsWorth = ink / glyphs.typicalInk
            return Check(outcome: glyphsWorth > 2.5 ? .disagrees : .agrees, expected: "", observed: nil,
                         score: Double(max(0, 1 - glyphsWorth / 5)))
        }
        guard patch.hasInk, let line = PrintedLineMatcher.measureBaseline(patch, capHeight: glyphs.capHeight, smallest: expectation.isName ? 0.48 : 0.9) else {
            return Check(outcome: .unverified, expected: display, observed: nil, score: 0)
        }
        // A name too long for its box is set smaller until it fits (and so reaches the box's
        // right end). When the measured cap height says so, or when the name read at the zone's
        // size fails although its ink fills the box (a few percent smaller drifts a long name's
        // last letters off their places, while the cap height measured to the pixel cannot tell
        // 96% from 100%), the field is cut again at the measured size and a little either side.
        if case .name(let name, let truncatable) = expectation,
           patch.inkSum(x0: Int(patch.boxLeft + 0.85 * patch.boxWidth), x1: Int(patch.boxRight), y0: 0, y1: patch.height) > 0.3 * glyphs.typicalInk {
            let measured = line.capHeight / glyphs.capHeight
            var best: Check?
            if measured >= 0.92 {
                let matcher = PrintedLineMatcher(patch: patch, glyphs: glyphs, baseline: line.baseline)
                best = checkName(name, truncatable: truncatable, matcher: matcher, display: display)
                if best?.outcome == .agrees { return best }
            }
            var tried: Set<Int> = measured >= 0.92 ? [100] : []
            for factor in [1.0, 0.96, 1.04, 0.92, 1.08] {
                let scale = min(1, measured * factor)
                guard tried.insert(Int((scale * 100).rounded())).inserted,
                      let smaller = FieldPatch(side: side, zone: zone, size: size, scale: scale),
                      let found = PrintedLineMatcher.measureBaseline(smaller, capHeight: glyphs.capHeight, smallest: 0.9) else { continue }
                let matcher = PrintedLineMatcher(patch: smaller, glyphs: glyphs, baseline: found.baseline)
                guard let check = checkName(name, truncatable: truncatable, matcher: matcher, display: display) else { continue }
                if best == nil || check.score > best!.score { best = check }
                if check.outcome == .agrees { break }
            }
            return best
        }
        let matcher = PrintedLineMatcher(patch: patch, glyphs: glyphs, baseline: line.baseline)
        switch expectation {
        case .name(let name, let truncatable):
            return checkName(name, truncatable: truncatable, matcher: matcher, display: display)
        case .text(let text):
            let sex = zone.field == .sex
            return checkText(candidates: [text], slots: ExpectedPrint.slots(for: text, sex: sex), matcher: matcher, display: display)
        case .date(let format, let year, let month, let day):
            let candidates = Self.centuries(format).map { PrintedDate.format(year: $0 + year, month: month, day: day, as: format) }
            var result = checkText(candidates: candidates, slots: ExpectedPrint.dateSlots(format: format), matcher: matcher, display: display)
            if result?.outcome == .agrees, format.contains("yyyy"), let month, let day, let chosen = result?.expected,
               let full = Int(chosen.filter(\.isNumber).suffix(4)), let date = Self.fullDate(chosenYear: full, format: format, month: month, day: day) {
                result?.printedDate = date
            }
            return result
        case .unknownDate(let format):
            return readDate(format: format, matcher: matcher)
        case .empty:
            return nil
        }
    }

    // MARK: Names

    private func checkName(_ name: String, truncatable: Bool, matcher: PrintedLineMatcher, display: String) -> Check? {
        let start = matcher.textStart()
        var best = matcher.read(NameSpellings.graph(for: name, script: nil), startPen: start, beamWidth: 3, leftoverCounts: !truncatable)
        if (best?.meanCost ?? .infinity) > Self.nameClearlyPrinted {
            for script in NameSpellings.Script.allCases {
                guard let reading = matcher.read(NameSpellings.graph(for: name, script: script), startPen: start, beamWidth: 4,
                                                 leftoverCounts: !truncatable) else { continue }
                if reading.meanCost < best?.meanCost ?? .infinity { best = reading }
                if reading.meanCost <= Self.nameClearlyPrinted { break }
            }
        }
        guard let best else { return Check(outcome: .unverified, expected: display, observed: nil, score: 0) }
        let cost = best.meanCost
        let outcome: Check.Outcome = cost <= Self.nameAgrees ? .agrees : cost >= Self.nameDisagrees ? .disagrees : .unverified
        let printed = best.steps.map { String(String.UnicodeScalarView($0.placements.map(\.scalar))) }.joined()
        let placements = best.steps.flatMap(\.placements)
        return Check(outcome: outcome, expected: display, observed: outcome == .agrees ? printed : nil, score: Double(max(0, 1 - cost)),
                     foreignGlyph: Self.foreignStretch(placements, on: matcher.patch)
                        ?? (truncatable ? nil : Self.inkAfter(best, placements: placements, on: matcher.patch)))
    }

    /// Ink after a name the print shows whole and clear (median glyph cost at most
    /// ``clearPrint``), where the MRZ holds the name whole too (not truncated): at least
    /// ``inkAfterName`` glyphs' worth. A paste of a longer name's letters past the end of the
    /// holder's leaves it; a genuine print ends with the name.
    static func inkAfter(_ reading: PrintedLineMatcher.Reading, placements: [PrintedLineMatcher.Placement],
                         on patch: FieldPatch) -> ForeignCharacter? {
        let costs = placements.map(\.cost).sorted()
        guard costs.count >= 2, reading.leftover >= inkAfterName, costs[costs.count / 2] <= clearPrint else { return nil }
        return ForeignCharacter(kind: .inkAfterName, position: placements.count, count: 0, cost: 1,
                                box: patch.sideBox(x0: reading.end, x1: Double(patch.width)))
    }

    /// A stretch of the name's print that no spelling of the name explains — two glyphs in a row
    /// at ``stretchPairCost`` or more — between letters that do (at least
    /// ``stretchClearGlyphs`` outside it, their median at most ``clearPrint``). A paste
    /// over part of a name leaves that: the donor's letters, set at another size or pen position,
    /// cut off where the outline ends, while the holder's letters either side still spell the name.
    static func foreignStretch(_ placements: [PrintedLineMatcher.Placement], on patch: FieldPatch) -> ForeignCharacter? {
        guard let worst = costlyStretch(placements.map(\.cost)), let first = placements[worst.range].first,
              let last = placements[worst.range].last else { return nil }
        return ForeignCharacter(kind: .nameStretch, position: worst.range.lowerBound, count: worst.range.count, cost: min(1, worst.cost),
                                box: patch.sideBox(x0: Double(first.pen), x1: Double(last.pen) + last.advance))
    }

    /// The costliest run of glyphs at ``stretchMember`` or more whose strongest neighbouring
    /// pair both cost ``stretchPairCost`` or more, with at least ``stretchClearGlyphs``
    /// glyphs outside it whose median is at most ``clearPrint``: print that does not belong
    /// among print that does.
    static func costlyStretch(_ costs: [Float]) -> (range: Range<Int>, cost: Float)? {
        var start = 0
        var worst: (range: Range<Int>, cost: Float)?
        while start < costs.count {
            guard costs[start] >= stretchMember else { start += 1; continue }
            var end = start
            while end < costs.count, costs[end] >= stretchMember { end += 1 }
            let strongest = (start..<(end - 1)).map { min(costs[$0], costs[$0 + 1]) }.max() ?? 0
            let outside = (costs[..<start] + costs[end...]).sorted()
            if strongest >= stretchPairCost, outside.count >= stretchClearGlyphs, outside[outside.count / 2] <= clearPrint {
                let mean = costs[start..<end].reduce(0, +) / Float(end - start)
                if worst == nil || mean > worst!.cost { worst = (start..<end, mean) }
            }
            start = end
        }
        return worst
    }

    // MARK: Numbers, codes, dates

    /// Places the expected text (the better fitting of `candidates`: a date's two centuries)
    /// glyph by glyph, then tries at each glyph every character its slot could hold (any digit,
    /// any letter, a month name): the print differs where another character explains the ink
    /// clearly better than the expected one.
    private func checkText(candidates: [String], slots: [[String]], matcher: PrintedLineMatcher, display: String) -> Check? {
        let start = matcher.textStart()
        var best: (candidate: String, reading: PrintedLineMatcher.Reading)?
        for candidate in candidates {
            guard let reading = matcher.read(LineGraph(slots: Self.tokens(candidate, like: slots)), startPen: start, beamWidth: 1) else { continue }
            if best == nil || reading.cost < best!.reading.cost { best = (candidate, reading) }
        }
        guard let (candidate, expected) = best else { return Check(outcome: .unverified, expected: display, observed: nil, score: 0) }
        let graph = LineGraph(slots: slots)
        var read = "", readCost = expected.leftover
        var previous: Unicode.Scalar?
        var fits: [GlyphFit] = []
        var position = 0
        let steps = expected.steps
        for (index, step) in steps.enumerated() {
            let other = matcher.alternatives(at: step, in: graph, previous: previous).min { $0.cost < $1.cost }
            // The character read there: an alternative that explains the ink better, else the expected one.
            let (label, cost) = other.flatMap { $0.cost < step.cost ? ($0.label, $0.cost) : nil } ?? (step.label, step.cost)
            read += label
            readCost += cost
            if let first = step.placements.first, let last = step.placements.last {
                let best = min(step.cost, other?.cost ?? .infinity) / Float(step.placements.count)
                var fit = GlyphFit(position: position, cost: best, x0: Double(first.pen), x1: Double(last.pen) + last.advance)
                let before = index > 0 ? steps[index - 1].placements.last?.scalar : nil
                let after = index + 1 < steps.count ? steps[index + 1].placements.first?.scalar : nil
                let kerned = max(before.map { abs(glyphs.kerning($0, first.scalar)) } ?? 0, after.map { abs(glyphs.kerning(last.scalar, $0)) } ?? 0)
                fit.judged = kerned < Self.overlappingKerning
                fit.label = label
                // Only a costly glyph can be a join (the cut's single character costs about the fit).
                if fit.judged, best >= 0.8 * Self.joinedSingleCost { fit.cut = matcher.cut(at: step, in: graph) }
                fits.append(fit)
            }
            position += step.label.count
            previous = step.placements.last?.scalar ?? previous
        }
        let foreign = Self.foreignGlyph(fits, on: matcher.patch) ?? Self.joinedGlyph(fits, on: matcher.patch)
            ?? Self.foreignStretch(fits, on: matcher.patch)
        // Characters of other widths (a whole other number) shift everything after them: the
        // print is then read afresh, glyph after glyph, and the better reading kept.
        if read != candidate, let free = matcher.read(graph, startPen: start, beamWidth: 4), free.cost < readCost {
            read = free.text
            readCost = free.cost
        }
        let readMean = readCost / Float(max(1, expected.glyphCount))
        let score = Double(max(0, 1 - expected.meanCost))
        let margin = expected.cost - readCost
        if read == candidate {
            return Check(outcome: expected.meanCost <= Self.textAgrees ? .agrees : .unverified, expected: candidate, observed: read, score: score,
                         foreignGlyph: foreign)
        }
        if margin >= Self.readingMargin, readMean <= Self.readable {
            return Check(outcome: .disagrees, expected: candidate, observed: read, score: score, foreignGlyph: foreign)
        }
        let outcome: Check.Outcome = expected.meanCost <= Self.textAgrees ? .agrees : .unverified
        return Check(outcome: outcome, expected: candidate, observed: outcome == .agrees ? candidate : nil, score: score, foreignGlyph: foreign)
    }

    /// A date the MRZ does not carry, read digit by digit; trusted only when every digit and
    /// the month stand out from the other characters they could be.
    private func readDate(format: String, matcher: PrintedLineMatcher) -> Check? {
        let slots = ExpectedPrint.dateSlots(format: format)
        let graph = LineGraph(slots: slots)
        guard let reading = matcher.read(graph, startPen: matcher.textStart(), beamWidth: 2) else { return nil }
        var confident = reading.meanCost <= Self.readable
        var previous: Unicode.Scalar?
        for step in reading.steps {
            defer { previous = step.placements.last?.scalar ?? previous }
            guard confident, graph.edges[step.from].count > 1 else { continue }
            let costs = matcher.alternatives(at: step, in: graph, previous: previous).map(\.cost).sorted()
            if costs.count > 1, costs[1] - costs[0] < Self.issueDateMargin { confident = false }
        }
        let date = confident ? Self.parse(reading.text, format: format) : nil
        return Check(outcome: .unverified, expected: "", observed: reading.text, score: Double(max(0, 1 - reading.meanCost)), printedDate: date)
    }

    // MARK: Helpers

    /// Whether a field's print is clear enough for one character to be judged against the others:
    /// three characters at the least, their median cost at most ``clearPrint`` (a blurred or
    /// faint print makes every glyph costly).
    static func printIsClear(_ fits: [GlyphFit]) -> Bool {
        guard fits.count >= 3 else { return false }
        let costs = fits.map(\.cost).sorted()
        return costs[costs.count / 2] <= clearPrint
    }

    /// The character whose best fit is worst, when it is at least ``foreignGlyphCost`` and the
    /// print's other characters are clear (median at most ``clearPrint``): one glyph unlike every
    /// character of the font among well-printed ones is what a paste cutting through a character
    /// leaves. A blurred or faint print (every glyph costly) is not judged.
    static func foreignGlyph(_ fits: [GlyphFit], on patch: FieldPatch) -> ForeignCharacter? {
        guard printIsClear(fits), let worst = fits.filter(\.judged).max(by: { $0.cost < $1.cost }), worst.cost >= foreignGlyphCost else { return nil }
        return ForeignCharacter(position: worst.position, cost: worst.cost, box: patch.sideBox(x0: worst.x0, x1: worst.x1))
    }

    /// The character best explained as the left part of one character joined to the right part
    /// of another (``PrintedLineMatcher/cut(at:in:)``) while the print's other characters are
    /// clear: what a paste leaves where its edge cuts through a character and the two prints'
    /// characters differ but fit the font well enough apart for ``foreignGlyph(_:on:)``. Not
    /// when the same character elsewhere in the field costs as much: that is how this font's
    /// glyph prints, not a cut.
    static func joinedGlyph(_ fits: [GlyphFit], on patch: FieldPatch) -> ForeignCharacter? {
        guard printIsClear(fits) else { return nil }
        let joined: [(fit: GlyphFit, cut: PrintedLineMatcher.JoinedGlyph)] = fits.compactMap { fit in
            guard fit.judged, let cut = fit.cut, cut.single >= joinedSingleCost, cut.cost <= joinedShare * cut.single else { return nil }
            let sameCharacterAsCostly = fits.contains { $0.position != fit.position && $0.label == cut.best && $0.cost >= joinedShare * cut.single }
            return sameCharacterAsCostly ? nil : (fit, cut)
        }
        guard let (worst, cut) = joined.max(by: { $0.cut.single - $0.cut.cost < $1.cut.single - $1.cut.cost }) else { return nil }
        return ForeignCharacter(kind: .joinedCharacters, position: worst.position, cost: cut.single,
                                box: patch.sideBox(x0: worst.x0, x1: worst.x1), joined: ForeignGlyph.Join(left: cut.left, right: cut.right))
    }

    /// Characters in a row of a number, code or date that no character of the font explains at
    /// their places, among characters that match it clearly (``costlyStretch(_:)``, the
    /// thresholds of a name's stretch): a paste of another holder's print whose characters sit
    /// at other pen positions (a proportional font after characters of other widths) between the
    /// holder's own, which still fit where they were printed.
    static func foreignStretch(_ fits: [GlyphFit], on patch: FieldPatch) -> ForeignCharacter? {
        guard let worst = costlyStretch(fits.map(\.cost)), let first = fits[worst.range].first, let last = fits[worst.range].last else { return nil }
        return ForeignCharacter(kind: .characterStretch, position: first.position, count: last.position + max(1, last.label.count) - first.position,
                                cost: min(1, worst.cost), box: patch.sideBox(x0: first.x0, x1: last.x1))
    }

    /// The candidate text split like `slots` (a month name is one slot).
    static func tokens(_ text: String, like slots: [[String]]) -> [[String]] {
        var result: [[String]] = []
        var rest = Substring(text)
        for slot in slots {
            let length = slot.first?.count ?? 1
            result.append([String(rest.prefix(length))])
            rest = rest.dropFirst(length)
        }
        if !rest.isEmpty { result.append([String(rest)]) }
        return result
    }

    static func differences(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        return zip(x, y).filter { $0 != $1 }.count + abs(x.count - y.count)
    }

    static func centuries(_ format: String) -> [Int] { format.contains("yyyy") ? [1900, 2000] : [0] }

    static func fullDate(chosenYear: Int, format: String, month: Int, day: Int) -> MRZ.CalendarDate? {
        MRZ.CalendarDate(year: chosenYear, month: month, day: day)
    }

    /// A date printed in `format` with a four-digit year, parsed; `nil` when incomplete or impossible.
    static func parse(_ text: String, format: String) -> MRZ.CalendarDate? {
        guard format.contains("yyyy") else { return nil }
        var year: Int?, month: Int?, day: Int?
        var rest = Substring(text), pattern = Substring(format)
        while !pattern.isEmpty {
            if pattern.hasPrefix("yyyy") { year = Int(rest.prefix(4)); rest = rest.dropFirst(4); pattern = pattern.dropFirst(4) }
            else if pattern.hasPrefix("MMM") {
                month = PrintedDate.months.firstIndex(of: String(rest.prefix(3))).map { $0 + 1 }
                rest = rest.dropFirst(3); pattern = pattern.dropFirst(3)
            } else if pattern.hasPrefix("MM") { month = Int(rest.prefix(2)); rest = rest.dropFirst(2); pattern = pattern.dropFirst(2) }
            else if pattern.hasPrefix("dd") { day = Int(rest.prefix(2)); rest = rest.dropFirst(2); pattern = pattern.dropFirst(2) }
            else { rest = rest.dropFirst(); pattern = pattern.dropFirst() }
        }
        guard let year, let month, let day else { return nil }
        return MRZ.CalendarDate(year: year, month: month, day: day)
    }

    /// The expected print for people (evidence): the MRZ's value in the field's format.
    static func display(_ expectation: ExpectedPrint) -> String {
        switch expectation {
        case .name(let name, _): name
        case .text(let text): text
        case .date(let format, let year, let month, let day): PrintedDate.format(year: year, month: month, day: day, as: format.replacingOccurrences(of: "yyyy", with: "yy"))
        case .unknownDate, .empty: ""
        }
    }
}
