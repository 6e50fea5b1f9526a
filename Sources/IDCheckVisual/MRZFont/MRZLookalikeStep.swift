import IDCheckForensics
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// When no MRZ was read, looks again with the reader's OCR-B gates relaxed: an MRZ printed in a
/// forger's office font is turned down by the reader as "not OCR-B", and the font check needs
/// to see it to say so. What it finds goes to `Examination.rejectedMRZ`, never to the zone, so
/// the data checks still judge the document as one without a readable MRZ.
public struct MRZLookalikeStep: ExaminationStep {
    public let name = "mrz-lookalike"

    public init() {}

    /// The lenient reader: characters need only look a little like OCR-B (a DejaVu or Courier
    /// MRZ scores about 0.5 against OCR-B's 0.85); the line structure is still required.
    static func reader(checkDate: MRZ.CalendarDate) -> MRZReader {
        // Cut finely: the font check measures the glyphs in the character boxes.
        var reader = MRZReader(referenceDate: checkDate).finelyCutting
        reader.minimumShapeScore = 0.2
        reader.minimumEndScore = 0.15
        reader.minimumConfidentShare = 0.2
        // Other fonts' fillers are lower against their capitals than OCR-B's.
        reader.maximumLineSizeRatio = 1.7
        return reader
    }

    public func prepare(_ examination: inout Examination) {
        guard !examination.mrzFound, examination.rejectedMRZ == nil else { return }
        let reader = MRZLookalikeStep.reader(checkDate: examination.checkDate)
        for (index, page) in examination.pages.enumerated() {
            let readings = reader.read(page.grey)
            guard let reading = readings.first(where: MRZLookalikeStep.looksLikeMRZ) else { continue }
            let geometry = MRZGeometry(page: index, location: reading.location,
                                       characterBoxes: reading.characters.map { line in line.map(\.box) })
            examination.rejectedMRZ = (geometry, reading.recognisedLines)
            return
        }
    }

    /// Whether a lenient reading is laid out as an MRZ rather than lines of ordinary text: a run
    /// of fillers, or characters on a strictly even pitch (proportional text strays from it).
    static func looksLikeMRZ(_ reading: MRZReading) -> Bool {
        hasFiller(reading.recognisedLines) || irregularity(reading) < 0.05
    }

    /// How far the characters' centres stray from an even pitch, as a share of the pitch (median
    /// over the characters, worst line): an MRZ's fixed pitch gives little, proportional text much.
    static func irregularity(_ reading: MRZReading) -> Double {
        var worst = 0.0
        for line in reading.characters where line.count >= 8 {
            let centres = line.map { c in c.box.reduce(Point(x: 0, y: 0)) { $0 + $1 } * (1 / Double(max(1, c.box.count))) }
            guard let first = centres.first, let last = centres.last else { continue }
            let span = last - first
            guard span.length > 1 else { continue }
            let along = span * (1 / span.length)
            let u = centres.map { ($0.x - first.x) * along.x + ($0.y - first.y) * along.y }
            let n = Double(u.count)
            let meanI = (n - 1) / 2, meanU = u.reduce(0, +) / n
            var sxy = 0.0, sxx = 0.0
            for (i, value) in u.enumerated() { sxy += (Double(i) - meanI) * (value - meanU); sxx += (Double(i) - meanI) * (Double(i) - meanI) }
            let pitch = sxy / sxx
            guard pitch > 0 else { return 1 }
            let residuals = u.enumerated().map { abs($1 - (meanU + pitch * (Double($0) - meanI))) / pitch }.sorted()
            worst = max(worst, residuals[residuals.count / 2])
        }
        return worst
    }

    /// Whether the text has a run of five fillers (`<<<<<`), as every MRZ has where a name or an
    /// optional field ends; lines of ordinary text that the lenient reader takes for an MRZ
    /// (a visual zone in a serif font) have at most a few scattered `<`.
    static func hasFiller(_ lines: [String]) -> Bool {
        lines.contains { $0.contains("<<<<<") }
    }
}
