/// The overall judgement of a document, derived from its indicators and never set by hand:
/// `suspect` if any indicator is critical, `review` if any is a warning, else `consistent`.
///
/// `consistent` means that nothing checked disagrees, not that the document is genuine: a
/// visible-light scan cannot check UV, IR, optically variable features or the chip.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case consistent, review, suspect

    public init<S: Sequence>(indicators: S) where S.Element == Indicator {
        var worst = Indicator.Severity.info
        for indicator in indicators where indicator.severity > worst { worst = indicator.severity }
        switch worst {
        case .critical: self = .suspect
        case .warning: self = .review
        case .info: self = .consistent
        }
    }
}
