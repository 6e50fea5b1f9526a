/// Images given as one document (front and back) must not carry different valid MRZs. A second
/// MRZ on the MRZ's own image is no such disagreement: one side of a document carries one MRZ,
/// so it is another document on the same sheet (a family's papers photocopied together), which
/// this report does not cover: a warning with where it is, so that a person looks at it (unless
/// the caller examines it in a report of its own, ``Examination/otherDocumentsReportedApart``).
public struct PagesAgreeRule: IndicatorRule {
    public let name = "pages"

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        return examination.otherZones.compactMap { other in
            guard other.zone.lines != zone.lines else { return nil }
            let page = examination.pages.indices.contains(other.page) ? examination.pages[other.page].label : "image \(other.page + 1)"
            if other.page == examination.mrzGeometry?.page {
                guard !examination.otherDocumentsReportedApart else { return nil }
                let state = other.zone.isValid ? "" : ", which fails its checks"
                return Indicator(code: .documentAnotherOnImage,
                                 message: "\(page) also shows another document's MRZ (\(other.zone.format.displayName)\(state)); this report does not cover that document: verify it on its own (idcheck verify reports each document of an image).",
                                 evidence: Indicator.Evidence(page: other.page, region: other.location, observed: other.zone.documentNumber,
                                                              personal: true))
            }
            // On another image only a valid second MRZ counts: text that merely looks like one
            // (guilloche, a misread) fails its check digits.
            guard other.zone.isValid else { return nil }
            return Indicator(code: .documentPagesDisagree,
                             message: "\(page) carries a different MRZ from the one checked; the images are not of one document.",
                             evidence: Indicator.Evidence(page: other.page, expected: zone.documentNumber,
                                                          observed: other.zone.documentNumber, personal: true))
        }
    }
}
