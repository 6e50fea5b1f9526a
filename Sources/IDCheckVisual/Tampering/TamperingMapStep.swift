import IDCheckForensics

/// Computes the tampering heat map of every page (``Examination/tamperingMaps``) before the
/// rules run, so that ``TamperingRule`` reports from it and the CLI can draw it. Needs no
/// specimen: it compares each image with itself.
public struct TamperingMapStep: ExaminationStep {
    public let name = "tampering-map"
    /// Block deviation drawn at full strength and reported by the rule (see ``TamperingAnalysis``).
    public var alarm: Double

    public init(alarm: Double = TamperingMapStep.defaultAlarm) {
        self.alarm = alarm
    }

    /// Above every genuine page of the tuning renders (seeds 7000–7999, 560 pages at ≤ 300 dpi and
    /// 112 at full resolution: highest 9.8, an emblem's rosette).
    public static let defaultAlarm = 10.5

    public func prepare(_ examination: inout Examination) {
        examination.tamperingMaps = examination.pages.enumerated().map { index, page in
            TamperingAnalysis(image: page.image).map(page: index, alarm: alarm)
        }
    }
}
