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
    /// The page is located on at most this many pixels along its longer side.
    public var locatingResolution: Int = 1000

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
    }

    /// Every MRZ on `image`, top to bottom; empty when there is none.
    public func read(_ image: Image) -> [MRZReading] {
        var timings = StageTimings()
        return read(image, timings: &timings)
    }

    public func read(_ image: Image, timings: inout StageTimings) -> [MRZReading] {
        let grey = image.format == .gray ? image : image.converted(to: .gray)
        guard grey.width >= 16, grey.height >= 16 else { return [] }
        var factor = max(1, max(grey.width, grey.height) / locatingResolution)
        let locator = MRZLocator()
        var readings: [MRZReading] = []
        while readings.isEmpty {
            var start = clock()
            let page = factor > 1 ? grey.downsampled(by: factor) : grey
            let placements = locator.locate(on: page, scale: Double(factor))
            timings.locate += clock() - start
            for placement in placements {
                if let reading = read(placement, on: grey, timings: &timings) { readings.append(reading) }
            }
            start = clock()
            if factor == 1 { break }
            factor = max(1, factor / 2) // small characters: look again at a finer resolution
        }
        return readings.sorted { a, b in
            (a.location.map(\.y).min() ?? 0) < (b.location.map(\.y).min() ?? 0)
        }
    }

    /// Reads one located MRZ in both directions and with each plausible line length, keeping
    /// the reading that the glyph models and the check digits like best.
    private func read(_ placement: MRZPlacement, on page: Image, timings: inout StageTimings) -> MRZReading? {
        let lineLengths: [[Int]]
        switch placement.lineCentres.count {
        case 3: lineLengths = [[30, 30, 30]]
        case 2: lineLengths = placement.estimatedCharacters > 38 ? [[44, 44], [36, 36]] : [[36, 36], [44, 44]]
        default: return nil
        }
        var best: (reading: MRZReading, rank: Double)?
        for upsideDown in [false, true] {
            var start = clock()
            let strip = MRZStrip(page: page, placement: placement, upsideDown: upsideDown)
            let segmenter = MRZSegmenter(strip: strip)
            timings.segment += clock() - start
            for lengths in lineLengths {
                start = clock()
                var lines: [[GlyphCell]] = []
                var bands: [(top: Int, bottom: Int)] = []
                for (index, centre) in strip.lineCentres.enumerated() {
                    let (cells, band) = segmenter.cells(lineCentre: centre, count: lengths[index])
                    lines.append(cells)
                    bands.append(band)
                }
                timings.segment += clock() - start
                guard lines.allSatisfy({ !$0.isEmpty }) else { continue }
                start = clock()
                let alternatives = lines.map { cells in
                    cells.map { cell in cell.features.map { classifier.classify($0) } ?? [MRZ.Candidates.Alternative("<", score: 0)] }
                }
                timings.recognise += clock() - start
                let scores = alternatives.joined().map { $0.first?.score ?? 0 }
                let meanScore = scores.reduce(0, +) / Double(max(1, scores.count))
                start = clock()
                let reading = makeReading(strip: strip, placement: placement, upsideDown: upsideDown,
                                          cells: lines, bands: bands, alternatives: alternatives)
                timings.check += clock() - start
                // Passing checks weigh most; the glyph score breaks ties.
                let passing = reading.zone?.checks.filter(\.passes).count ?? -1
                let rank = Double(passing) + meanScore
                if best == nil || rank > best!.rank { best = (reading, rank) }
            }
        }
        guard let best, best.reading.minimumConfidence > -0.5 else { return nil }
        // Reject blocks of text that merely look like an MRZ: most characters must read well.
        let confident = best.reading.characters.joined().filter { $0.confidence > 0.45 }.count
        guard Double(confident) >= 0.8 * Double(best.reading.characters.joined().count) else { return nil }
        return best.reading
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
