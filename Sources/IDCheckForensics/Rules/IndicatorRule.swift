/// One check of the catalogue: looks at an ``Examination`` and returns its indicators.
///
/// The pipeline runs a list of rules (``IndicatorRules/standard`` plus any a caller adds) in
/// order, then applies the identified model's declared deviations and derives the verdict. The
/// visual comparison with the specimen is such a rule: it reads ``Examination/pages``,
/// ``Examination/model`` and ``Examination/placement``, and returns indicators whose evidence
/// regions point at the zones that differ.
public protocol IndicatorRule: Sendable {
    /// A short stable name (`mrz`, `dates`, `watch-list`), listed in a report's provenance.
    var name: String { get }
    /// Whether the rule compares the images with the specimen's looks (layout, pattern,
    /// photo); when no rule does, reports list that comparison as not checked.
    var comparesVisualFeatures: Bool { get }
    func evaluate(_ examination: Examination) -> [Indicator]
}

extension IndicatorRule {
    public var comparesVisualFeatures: Bool { false }
}

/// The rules of this module.
public enum IndicatorRules {
    /// Every data-level check, in the order their indicators are listed.
    public static let standard: [any IndicatorRule] = [
        MRZRule(), DateRule(), CountryCodeRule(), ModelRule(), PersonalNumberRule(), WatchListRule(),
        ReusedNumberRule(), PagesAgreeRule(),
    ]
}
