import IDCheckMRZ

/// Checks the personal number with the issuing state's own rule, where one is known.
///
/// An empty personal number is not checked (many documents carry none). The optional data of a
/// TD1/TD2 may hold more than the number; the scheme sees it trimmed of fillers.
public struct PersonalNumberRule: IndicatorRule {
    public let name = "personal-number"
    public var schemes: [any PersonalNumberScheme] = [DutchCitizenServiceNumber()]

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        var indicators: [Indicator] = []
        for scheme in schemes where scheme.issuingState == zone.issuingStateCode {
            guard let field = scheme.field(in: zone.format), let reading = zone.fields.first(where: { $0.field == field }) else { continue }
            let value = reading.value
            guard !value.isEmpty else { continue }
            if let problem = scheme.problem(with: value) {
                indicators.append(Indicator(code: .personalNumberInvalid,
                                            message: "The \(scheme.name) is not valid: \(problem).",
                                            evidence: examination.evidence(span: reading.span, field: field.rawValue,
                                                                           expected: "a valid \(scheme.name)", observed: value, personal: true)))
            }
        }
        return indicators
    }
}
