import IDCheck

extension VerifyReport {
    /// Adds indicators found across the batch (after the file's own ones of the same severity),
    /// recounts, and derives the verdict again from all indicators.
    mutating func add(crossDocument found: [Indicator]) {
        for indicator in found {
            let evidence = indicator.evidence
            let entry = IndicatorEntry(
                code: indicator.code.rawValue, severity: indicator.severity.rawValue, message: indicator.message,
                evidence: EvidenceEntry(page: evidence.page, region: evidence.region?.map { [Self.tenth($0.x), Self.tenth($0.y)] },
                                        mrzSpan: evidence.mrzSpan, field: evidence.field, expected: evidence.expected,
                                        observed: evidence.observed, score: evidence.score.map(Self.tenth)),
                deviation: indicator.deviation)
            let rank = Self.rank(entry.severity)
            let position = indicators.firstIndex { Self.rank($0.severity) < rank } ?? indicators.endIndex
            indicators.insert(entry, at: position)
            switch indicator.severity {
            case .critical: counts.critical += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }
        if status == "checked" {
            verdict = counts.critical > 0 ? Verdict.suspect.rawValue : counts.warning > 0 ? Verdict.review.rawValue : Verdict.consistent.rawValue
        }
    }

    private static func rank(_ severity: String) -> Int {
        switch severity {
        case "critical": 2
        case "warning": 1
        default: 0
        }
    }

    private static func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
