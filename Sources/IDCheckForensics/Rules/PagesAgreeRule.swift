/// Images given as one document (front and back) must not carry different valid MRZs.
public struct PagesAgreeRule: IndicatorRule {
    public let name = "pages"

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        return examination.otherZones.compactMap { other in
            // Only a valid second MRZ counts: text that merely looks like one (guilloche, a
            // misread) fails its check digits.
            guard other.zone.isValid, other.zone.lines != zone.lines else { return nil }
            let page = examination.pages.indices.contains(other.page) ? examination.pages[other.page].label : "image \(other.page + 1)"
            return Indicator(code: .documentPagesDisagree,
                             message: "\(page) carries a different MRZ from the one checked; the images are not of one document.",
                             evidence: Indicator.Evidence(page: other.page, expected: zone.documentNumber,
                                                          observed: other.zone.documentNumber, personal: true))
        }
    }
}
