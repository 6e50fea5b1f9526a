/// The same issuer and document number seen earlier in the run with another holder: one of the
/// two documents carries a number that is not its own. Raised on the later document (the
/// earlier report is already written); the earlier one is named.
public struct ReusedNumberRule: IndicatorRule {
    public let name = "reused-number"

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone, !zone.documentNumber.isEmpty,
              let earlier = examination.earlierDocuments.earlier(issuingState: zone.issuingStateCode, documentNumber: zone.documentNumber),
              earlier.holder != SeenDocuments.holder(of: zone) else { return [] }
        return [Indicator(code: .listNumberReused,
                          message: "\(earlier.label) has the same issuer and document number with another holder.",
                          evidence: examination.evidence(span: examination.span(of: .documentNumber), field: "documentNumber",
                                                         expected: "a number of its own", observed: zone.documentNumber, personal: true))]
    }
}
