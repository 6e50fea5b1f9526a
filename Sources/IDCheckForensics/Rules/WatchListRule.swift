/// The document on the lost/stolen watch list (`--watchlist`), matched on issuing state and
/// document number (a long TD1/TD2 number with its overflow).
public struct WatchListRule: IndicatorRule {
    public let name = "watch-list"

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone, let list = examination.watchList,
              let entry = list.entry(issuingState: zone.issuingStateCode, documentNumber: zone.documentNumber) else { return [] }
        var listed = "line \(entry.line) of the watch list"
        if let date = entry.date { listed += ", reported \(date)" }
        if let source = entry.source { listed += ", source \(source)" }
        return [Indicator(code: .listWatchlistHit,
                          message: "This document is on the lost/stolen watch list (\(listed)).",
                          evidence: examination.evidence(span: examination.span(of: .documentNumber), field: "documentNumber",
                                                         expected: "not listed", observed: zone.issuingStateCode + " " + zone.documentNumber,
                                                         personal: true))]
    }
}
