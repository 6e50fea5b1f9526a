import Foundation
import IDCheckImaging
import IDCheckMRZ

/// Finds and reads every MRZ on an image: locate on a downsampled copy, cut each MRZ out
/// upright at full resolution, segment at the fixed OCR-B pitch, recognise, and let the MRZ
/// core resolve low-confidence characters with the check digits.
///
/// A value without shared mutable state: one reader may be used from many threads.
public struct MRZReader: Sendable {
    public var classifier: GlyphClassifier
    public var parsingOptions: MRZ.ParsingOptions
    public var correction: MRZ.CorrectionOptions
    /// The page is first located at the power-of-two reduction that brings its longer side
    /// nearest to this many pixels.
    public var locatingResolution: Int = 450
    /// Height in strip pixels that characters printed at least this high are cut out at (smaller
    /// ones are enlarged to 32). 24 reads as well as 32 and costs about half; the visual checks,
    /// which anchor the document on the character boxes, take 32 for boxes a third finer.
    public var largeCharacterStripHeight: Double = MRZStrip.largeCharacterHeight
    /// The strip height at which every character is cut (``largeCharacterStripHeight``) for the
    /// finest character boxes.
    public static let fineStripHeight = MRZStrip.smallCharacterHeight
    /// A ``locatingResolution`` that places the MRZ from a finer level of a page (a 1800-pixel
    /// page at half size rather than a quarter) for the finest cut.
    public static let fineLocatingResolution = 700

    /// This reader set to cut every MRZ finely (``fineStripHeight``, ``fineLocatingResolution``):
    /// for checks that measure the character boxes, at some milliseconds more a read.
    public var finelyCutting: MRZReader {
        var reader = self
        reader.largeCharacterStripHeight = MRZReader.fineStripHeight
        reader.locatingResolution = MRZReader.fineLocatingResolution
        return reader
    }
    /// An MRZ located with characters fewer pixels high than this on a reduced page is looked for
    /// again at the next finer level before it is read: at 5 or 6 pixels the located size, ends
    /// and lines are too rough (a blurred print cut out badly, a line's trailing fillers lost).
    public var minimumLocatedCharacterHeight: Double = 8
    /// A reading whose characters look less like OCR-B than this on average is not an MRZ.
    public var minimumShapeScore: Double = 0.63
    /// Ends of the first line that look less like OCR-B than this either way up are not an MRZ.
    public var minimumEndScore: Double = 0.55
    /// Share of the characters that must read with confidence above 0.45.
    public var minimumConfidentShare: Double = 0.8
    /// Largest ratio of the character heights of an MRZ's lines that the locator accepts.
    public var maximumLineSizeRatio: Double = 1.45

    public init(classifier: GlyphClassifier = .ocrB, referenceDate: MRZ.CalendarDate = .today,
                correction: MRZ.CorrectionOptions = MRZ.CorrectionOptions()) {
        self.classifier = classifier
        self.parsingOptions = MRZ.ParsingOptions(referenceDate: referenceDate)
        self.correction = correction
    }

    /// Time spent in each stage of the last `read`, for benchmarks.
    public struct StageTimings: Sendable {
        public var locate: Double = 0
        public var segment: Double = 0
        public var recognise: Double = 0
        public var check: Double = 0

        public init() {}
    }

    /// Every MRZ on `image`, top to bottom; empty when there is none.
    public func read(_ image: Image) -> [MRZReading] {
        var timings = StageTimings()
        return read(image, timings: &timings)
    }

    public func read(_ image: Image, timings: inout StageTimings) -> [MRZReading] {
        let grey = image.format == .gray ? image : image.converted(to: .gray)
        guard grey.width >= 16, grey.height >= 16 else { return [] }
        var factor = locatingFactor(width: grey.width, height: grey.height)
        let locator = MRZLocator(maximumLineSizeRatio: maximumLineSizeRatio)
        var readings: [MRZReading] = []
        // Halvings of the page, made as needed and kept for a second look at a finer level.
        // (Not the first quarter in one pass, `downsampled(by: 4)`: its single rounding moves
        // the characters' located size across ``minimumLocatedCharacterHeight`` on some pages,
        // which are then read twice: dev passport-td3 1.46 → 1.62 × djpeg.)
        var pyramid: [Image] = [grey]
        func level(_ factor: Int) -> Image {
            while 1 << (pyramid.count - 1) < factor { pyramid.append(pyramid[pyramid.count - 1].downsampled(by: 2)) }
            return pyramid[factor.trailingZeroBitCount]
        }
        func readEach(_ placements: [MRZPlacement]) -> [MRZReading] {
            placements.compactMap { read($0, on: grey, level: level, timings: &timings) }
        }
        /// Locates on the page reduced by `factor` with `locator`: the MRZs found there, and
        /// apart those whose characters are too small there to be cut out well (unless `factor`
        /// is 1: there is no finer level to find them on).
        func locate(_ factor: Int, with locator: MRZLocator) -> (placements: [MRZPlacement], rough: [MRZPlacement]) {
            let start = clock()
            let placements = locator.locate(on: level(factor), scale: Double(factor))
            timings.locate += clock() - start
            guard factor > 1 else { return (placements, []) }
            let minimum = minimumLocatedCharacterHeight * Double(factor)
            return (placements.filter { $0.characterSize >= minimum }, placements.filter { $0.characterSize < minimum })
        }
        // Placements skipped as rough, coarsest first: read only if no finer level reads anything.
        var skipped: [MRZPlacement] = []
        while true {
            let (placements, rough) = locate(factor, with: locator)
            let found = readEach(placements)
            readings = MRZReader.merged(readings, finer: found)
            skipped += rough
            // Look again one level finer when nothing was read, when an MRZ's characters were
            // too small here, or when a reading fails its checks (a cut a pixel off at this
            // level slips cells at the end of a line: seen at 9 pixels).
            let failing = found.contains { !$0.checksPass }
            guard factor > 1, readings.isEmpty || !rough.isEmpty || failing else { break }
            factor /= 2
        }
        // Coarsest first, so that a finer placement of the same MRZ replaces a coarser one.
        if readings.isEmpty { for placement in skipped { readings = MRZReader.merged(readings, finer: readEach([placement])) } }
        if readings.isEmpty {
            // Last look with a narrow ink threshold: next to a dark surround (a document on a
            // dark table, its MRZ near the edge) the wide window's mean is dark and faint,
            // small characters drop out of the ink.
            let factor = locatingFactor(width: grey.width, height: grey.height)
            let page = level(factor)
            var narrow = locator
            narrow.maskRadius = max(3, min(page.width, page.height) / 150)
            let start = clock()
            let placements = narrow.locate(on: page, scale: Double(factor))
            timings.locate += clock() - start
            readings += readEach(placements)
        }
        return readings.sorted { a, b in
            (a.location.map(\.y).min() ?? 0) < (b.location.map(\.y).min() ?? 0)
        }
    }

    /// `coarse` readings with those of a look at a finer level: a finer reading of the same MRZ
    /// replaces the coarse one unless fewer of its checks hold; one of an MRZ not read before is
    /// added.
    static func merged(_ coarse: [MRZReading], finer: [MRZReading]) -> [MRZReading] {
        var kept = coarse
        for reading in finer {
            guard let same = kept.firstIndex(where: { $0.overlaps(reading) }) else {
                kept.append(reading)
                continue
            }
            if reading.passingChecks >= kept[same].passingChecks { kept[same] = reading }
        }
        return kept
    }

    /// The power-of-two reduction that brings the page's longer side nearest to
    /// ``locatingResolution`` (powers of two, so that every level is a cheap halving).
    func locatingFactor(width: Int, height: Int) -> Int {
        let ratio = Double(max(width, height)) / Double(locatingResolution)
        guard ratio > 1 else { return 1 }
        return 1 << Int(log2(ratio).rounded())
    }

    /// Reads one located MRZ. The direction (the locator cannot tell upright from upside down)
    /// is chosen by how well the ends of the first line read either way; the line length from
    /// the locator's character count. Other directions and lengths are tried only when the
    /// check digits do not hold, so that a genuine MRZ costs one reading.
    ///
    /// The direction in which the MRZ most likely lies (from the locator's angle) is scored
    /// first, and read first when its ends read well; the other direction is cut (the strip
    /// reversed), scored and read only if the check digits do not hold, so that an MRZ lying the
    /// expected way never pays for the other one. The readings tried, and so the one returned,
    /// are those of trying the better-scoring direction first, but for the order of two equally
    /// ranked failures and for an MRZ that would read valid both ways up.
    private func read(_ placement: MRZPlacement, on page: Image, level: @escaping (Int) -> Image,
                      timings: inout StageTimings) -> MRZReading? {
        guard placement.lineCentres.count == 2 || placement.lineCentres.count == 3 else { return nil }
        let start = clock()
        let upright = MRZSegmenter(strip: MRZStrip(page: page, placement: placement, largeCharacterHeight: largeCharacterStripHeight, level: level))
        var lineLengths: [[Int]] = [[30, 30, 30]]
        if placement.lineCentres.count == 2, let centre = upright.strip.lineCentres.last {
            let likely = upright.likelyCount(lineCentre: centre, among: [44, 36])
            lineLengths = likely == 44 ? [[44, 44], [36, 36]] : [[36, 36], [44, 44]]
        }
        // Layouts of the lines already worked out, reused by later passes over the same line
        // (the end test and the reading of the first line need the same one).
        var layouts: [LayoutKey: MRZSegmenter.LineLayout] = [:]
        func layout(_ segmenter: MRZSegmenter, upsideDown: Bool, line: Int, count: Int) -> MRZSegmenter.LineLayout? {
            guard line < segmenter.strip.lineCentres.count else { return nil }
            let key = LayoutKey(upsideDown: upsideDown, line: line, count: count)
            if let known = layouts[key] { return known }
            let made = segmenter.layout(lineCentre: segmenter.strip.lineCentres[line], count: count)
            layouts[key] = made
            return made
        }
        timings.segment += clock() - start
        // The strip turned by 180°, cut (reversed) only when that direction is needed.
        var turnedSegmenter: MRZSegmenter?
        func segmenter(upsideDown: Bool) -> MRZSegmenter {
            guard upsideDown else { return upright }
            if let turnedSegmenter { return turnedSegmenter }
            let start = clock()
            let turned = upright.turned()
            turnedSegmenter = turned
            timings.segment += clock() - start
            return turned
        }
        /// How well the ends of the first line read with the strip that way up.
        func endScore(upsideDown: Bool) -> Double {
            let side = segmenter(upsideDown: upsideDown)
            var start = clock()
            let first = layout(side, upsideDown: upsideDown, line: 0, count: lineLengths[0][0])
            timings.segment += clock() - start
            start = clock()
            let score = self.endScore(side, layout: first, length: lineLengths[0][0])
            timings.recognise += clock() - start
            return score
        }

        var best: (reading: MRZReading, rank: Double)?
        var passes: Bool { best?.reading.checksPass == true }
        /// Every line length of one direction until a reading's check digits hold.
        func attempt(upsideDown: Bool) {
            let segmenter = segmenter(upsideDown: upsideDown)
            for lengths in lineLengths {
                let start = clock()
                let lines = lengths.indices.compactMap { layout(segmenter, upsideDown: upsideDown, line: $0, count: lengths[$0]) }
                timings.segment += clock() - start
                guard lines.count == segmenter.strip.lineCentres.count,
                      let (reading, meanScore) = read(segmenter, layouts: lines, placement: placement,
                                                      upsideDown: upsideDown, timings: &timings) else { continue }
                // Passing checks weigh most; the glyph score breaks ties.
                let rank = Double(reading.passingChecks) + meanScore
                if best.map({ rank > $0.rank }) ?? true { best = (reading, rank) }
                if reading.checksPass { break }
            }
        }
        // Most documents lie about the right way up, their text running towards +x on the page;
        // the strip runs along the locator's direction, in [0, π), so when that points towards
        // −x the MRZ most likely lies upside down in it.
        let likely = cos(placement.angle) < 0
        let likelyScore = endScore(upsideDown: likely)
        let readLikelyFirst = likelyScore > minimumEndScore
        if readLikelyFirst { attempt(upsideDown: likely) }
        if !passes {
            let otherScore = endScore(upsideDown: !likely)
            let uprightScore = likely ? otherScore : likelyScore, turnedScore = likely ? likelyScore : otherScore
            // Text that is not OCR-B reads badly either way up: not an MRZ.
            guard max(uprightScore, turnedScore) > minimumEndScore else { return nil }
            for upsideDown in uprightScore >= turnedScore ? [false, true] : [true, false]
            where !(readLikelyFirst && upsideDown == likely) {
                attempt(upsideDown: upsideDown)
                if passes { break }
            }
        }
        guard let best else { return nil }
        // Text in another typeface can pass the end test by chance; over the whole zone OCR-B
        // prints score about 0.85 and other text about 0.55.
        guard best.reading.meanShapeScore >= minimumShapeScore else { return nil }
        // Near the threshold, a zone none of whose check digits holds is text, not an MRZ (a
        // forged MRZ printed in OCR-B scores far above it).
        let anyCheckHolds = best.reading.zone?.checks.contains(where: \.passes) ?? false
        guard anyCheckHolds || best.reading.meanShapeScore >= minimumShapeScore + 0.08 else { return nil }
        // Reject blocks of text that merely look like an MRZ: most characters must read well.
        let characters = best.reading.characters.joined()
        let confident = characters.filter { $0.confidence > 0.45 }.count
        guard Double(confident) >= minimumConfidentShare * Double(characters.count) else { return nil }
        return best.reading
    }

    /// Which line layout of one placement: the strip's direction, the line and its count.
    private struct LayoutKey: Hashable {
        var upsideDown: Bool
        var line: Int
        var count: Int
    }

    /// Mean score of the first and last characters of the first line as `length` cells: high
    /// when the strip is the right way up.
    func endScore(_ segmenter: MRZSegmenter, length: Int) -> Double {
        guard let centre = segmenter.strip.lineCentres.first else { return -1 }
        return endScore(segmenter, layout: segmenter.layout(lineCentre: centre, count: length), length: length)
    }

    /// Mean score of the first and last characters of the first line (laid out as `layout`, of
    /// `length` cells): high when the strip is the right way up.
    func endScore(_ segmenter: MRZSegmenter, layout: MRZSegmenter.LineLayout?, length: Int) -> Double {
        guard let layout else { return -1 }
        let cells = segmenter.cells(layout, wanted: { $0 < 6 || $0 >= length - 6 })
        guard cells.count > 12 else { return -1 }
        let sample = cells.prefix(6) + cells.suffix(6)
        let scores = sample.map { cell in cell.features.map { classifier.shapeScore($0) } ?? 0 }
        return scores.reduce(0, +) / Double(scores.count)
    }

    /// Reads the lines of `segmenter` laid out as `layouts` (one a line, top line first).
    private func read(_ segmenter: MRZSegmenter, layouts: [MRZSegmenter.LineLayout], placement: MRZPlacement, upsideDown: Bool,
                      timings: inout StageTimings) -> (MRZReading, Double)? {
        var start = clock()
        let lines = layouts.map { segmenter.cells($0) }
        let bands = layouts.map(\.band)
        timings.segment += clock() - start
        guard lines.allSatisfy({ !$0.isEmpty }) else { return nil }
        start = clock()
        let alternatives = lines.map { cells in
            cells.map { cell in cell.features.map { classifier.classify($0) } ?? [MRZ.Candidates.Alternative("<", score: 0)] }
        }
        timings.recognise += clock() - start
        let scores = alternatives.joined().map { $0.first?.score ?? 0 }
        let meanScore = scores.reduce(0, +) / Double(max(1, scores.count))
        let shapes = lines.joined().map { cell in cell.features.map { classifier.shapeScore($0) } ?? 0 }
        let meanShape = shapes.reduce(0, +) / Double(max(1, shapes.count))
        start = clock()
        let reading = makeReading(strip: segmenter.strip, placement: placement, upsideDown: upsideDown,
                                  cells: lines, bands: bands, alternatives: alternatives)
        timings.check += clock() - start
        var scored = reading
        scored.meanShapeScore = meanShape
        return (scored, meanScore)
    }

    private func makeReading(strip: MRZStrip, placement: MRZPlacement, upsideDown: Bool, cells: [[GlyphCell]],
                             bands: [(top: Int, bottom: Int)], alternatives: [[[MRZ.Candidates.Alternative]]]) -> MRZReading {
        var characters: [[MRZReading.RecognisedCharacter]] = []
        for (line, lineCells) in cells.enumerated() {
            characters.append(zip(lineCells, alternatives[line]).map { cell, options in
                let box = cell.box
                let corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]
                    .map { strip.pagePoint(x: Double($0.0), y: Double($0.1)) }
                return MRZReading.RecognisedCharacter(
                    character: options.first?.character ?? "<", confidence: options.first?.score ?? 0,
                    alternatives: options, box: corners)
            })
        }
        let recognised = characters.map { String($0.map(\.character)) }
        var zone: MRZ.Zone?
        var parsingError: MRZParsingError?
        do {
            zone = try MRZ.parse(candidates: MRZ.Candidates(lines: alternatives), options: parsingOptions, correction: correction)
        } catch {
            parsingError = error
        }
        let top = Double(bands.first?.top ?? 0), bottom = Double(bands.last?.bottom ?? strip.image.height)
        let left = cells.compactMap { $0.first?.slot.x0 }.min() ?? 0
        let right = cells.compactMap { $0.last?.slot.x1 }.max() ?? Double(strip.image.width)
        let location = [(left, top), (right, top), (right, bottom), (left, bottom)].map { strip.pagePoint(x: $0.0, y: $0.1) }
        var degrees = placement.angle * 180 / .pi + (upsideDown ? 180 : 0)
        if degrees >= 360 { degrees -= 360 }
        return MRZReading(recognisedLines: recognised, characters: characters, zone: zone, parsingError: parsingError,
                          location: location, angle: degrees, characterHeight: placement.characterSize)
    }

    private func clock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension MRZ.CalendarDate {
    /// Today's date (UTC), for reading documents now.
    public static var today: MRZ.CalendarDate {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return MRZ.CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? MRZ.CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
