import Foundation
import IDCheckForensics

/// Raises `mrz.font` when the MRZ's characters are not printed in OCR-B: a forger who typed the
/// zone in an office font (DejaVu, Courier-like) or another OCR font gets the data right but not
/// the glyph shapes. Template-free: it needs only the MRZ's characters and where they are, so it
/// runs whether or not the model is in the library.
///
/// Each character is cut upright at a fixed cap height and compared with the reader's OCR-B
/// templates (thin to bold prints) of the character the zone says it is; the zone's score is the
/// median distance. Genuine prints, bolder ones included, stay near 0.02–0.04; a DejaVu zone
/// scaled to OCR-B's cap height and pitch lies at 0.09 and beyond.
public struct MRZFontRule: IndicatorRule {
    public let name = "mrz-font"
    public var comparesVisualFeatures: Bool { true }
    /// Median distance above which the zone is not OCR-B.
    public var threshold: Double
    let distances = OCRBShapeDistance()

    public init(threshold: Double = 0.06) {
        self.threshold = threshold
    }

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let assessment = MRZFontAssessment(examination, distances: distances) else { return [] }
        guard assessment.score > threshold else { return [] }
        let worst = assessment.worst(8).map { entry in
            "\(entry.character.map(String.init) ?? "?") (line \(entry.line + 1), position \(entry.column + 1)): "
                + String(format: "%.2f", entry.distance)
        }
        let against = assessment.readAsMRZ ? "its own OCR-B shape" : "the nearest OCR-B character (the zone could not be read as OCR-B)"
        let message = "The MRZ is not printed in OCR-B: its characters lie "
            + String(format: "%.2f", assessment.score) + " from OCR-B (median over \(assessment.characters.count) characters, each against "
            + against + "); genuine prints stay under " + String(format: "%.2f", threshold) + "."
        return [Indicator(code: .mrzFont, severity: .critical, message: message,
                          evidence: Indicator.Evidence(page: assessment.page, region: assessment.region, field: "mrz",
                                                       expected: "OCR-B (median distance at most " + String(format: "%.2f", threshold) + ")",
                                                       observed: worst.joined(separator: "; "), score: assessment.score, personal: true))]
    }
}
