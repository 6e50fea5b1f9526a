import IDCheckMRZ

/// Issuing state and nationality are ICAO 9303 codes; the sex field holds M, F, X or `<`.
public struct CountryCodeRule: IndicatorRule {
    public let name = "codes"

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        var indicators: [Indicator] = []
        for issue in zone.issues {
            let code: Indicator.Code
            let message: String
            switch issue.code {
            case .unknownIssuingState:
                code = .countryIssuingStateUnknown
                message = "The issuing state '\(zone.issuingStateCode)' is not an ICAO 9303 code."
            case .unknownNationality:
                code = .countryNationalityUnknown
                message = "The nationality '\(zone.nationalityCode)' is not an ICAO 9303 code."
            case .isoCodeNotUsedInMRZ:
                code = .countryISOCodeInMRZ
                message = MRZRule.sentence(issue.message)
            case .withdrawnCountryCode:
                code = .countryWithdrawn
                message = MRZRule.sentence(issue.message)
            case .invalidSex:
                code = .dataSexInvalid
                message = MRZRule.sentence(issue.message)
            default:
                continue
            }
            let observed = issue.field.flatMap { zone.field($0)?.raw }
            indicators.append(Indicator(code: code, message: message,
                                        evidence: examination.evidence(span: issue.span, field: issue.field?.rawValue,
                                                                       expected: code == .dataSexInvalid ? "M, F, X or <" : "an ICAO 9303 code",
                                                                       observed: observed)))
        }
        return indicators
    }
}
