import IDCheckForensics
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
        var reader = MRZReader(referenceDate: checkDate)
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
            guard let reading = reader.read(page.image).first, MRZLookalikeStep.hasFiller(reading.recognisedLines) else { continue }
            let geometry = MRZGeometry(page: index, location: reading.location,
                                       characterBoxes: reading.characters.map { line in line.map(\.box) })
            examination.rejectedMRZ = (geometry, reading.recognisedLines)
            return
        }
    }

    /// Whether the text has a run of five fillers (`<<<<<`), as every MRZ has where a name or an
    /// optional field ends; lines of ordinary text that the lenient reader takes for an MRZ
    /// (a visual zone in a serif font) have at most a few scattered `<`.
    static func hasFiller(_ lines: [String]) -> Bool {
        lines.contains { $0.contains("<<<<<") }
    }
}
