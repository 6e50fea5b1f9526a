import IDCheckForensics

/// Raises `viz.mrz-mismatch` for every printed field the visual-zone step found disagreeing
/// with the MRZ: the forger changed the print, or changed the MRZ and recomputed its check digits.
public struct VisualZoneRule: IndicatorRule {
    public let name = "visual-zone"
    public var comparesVisualFeatures: Bool { true }

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        examination.printedFields.values.filter { !$0.agrees }.sorted { $0.zone < $1.zone }.map { reading in
            Indicator(code: .vizMRZMismatch,
                      message: "The printed \(reading.field.words) disagrees with the MRZ.",
                      evidence: Indicator.Evidence(page: reading.page ?? examination.mrzGeometry?.page, region: reading.region,
                                                   field: reading.field.rawValue, expected: reading.expected,
                                                   observed: reading.observed, score: reading.score, personal: true))
        }
    }
}
