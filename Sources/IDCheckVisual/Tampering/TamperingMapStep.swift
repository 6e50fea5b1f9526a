import IDCheckForensics
import IDCheckImaging

/// Computes the tampering heat map of every page (``Examination/tamperingMaps``) before the
/// rules run, so that ``TamperingRule`` reports from it and the CLI can draw it. Needs no
/// specimen: it compares each image with itself.
public struct TamperingMapStep: ExaminationStep {
    public let name = "tampering-map"
    /// Block deviation drawn at full strength and reported by the rule (see ``TamperingAnalysis``).
    public var alarm: Double

    public init(alarm: Double = TamperingMapStep.defaultAlarm) {
        self.alarm = alarm
    }

    /// Above every genuine page of the tuning renders (seeds 7000–7999, 560 pages at ≤ 300 dpi and
    /// 112 at full resolution: highest 9.8, an emblem's rosette).
    public static let defaultAlarm = 10.5
    /// Side of the map's square blocks, pixels.
    static let blockSize = 16

    public func prepare(_ examination: inout Examination) {
        examination.tamperingMaps = examination.pages.enumerated().map { index, page in
            // Measured once per image, however many documents of a sheet are examined on it.
            let statistics = page.derived.value(for: "tampering.noise-blocks.\(TamperingMapStep.blockSize)") {
                NoiseBlockStatistics(image: page.image, blockSize: TamperingMapStep.blockSize)
            }
            return TamperingAnalysis(statistics: statistics, within: TamperingMapStep.ownOutlines(examination, page: index))
                .map(page: index, alarm: alarm)
        }
    }

    /// Where the document examined lies on `page` when that image shows other documents too,
    /// reported apart (a family's papers photocopied on one sheet): the outlines of its aligned
    /// sides, else the model's estimate from the MRZ, else the nominal side of its MRZ's format.
    /// Its blocks are then compared among themselves, as on an image of its own: another
    /// document's paper and print are not peers (a card's back 10–42 px above a genuine passport
    /// page on a clean PNG sheet raised `tamper.local` on the card's MRZ with the whole sheet's
    /// blocks as peers, and not at gaps of 0, 20 or 80 px). `nil`: the whole image.
    static func ownOutlines(_ examination: Examination, page: Int) -> [[Point]]? {
        guard examination.otherDocumentsReportedApart, examination.otherZones.contains(where: { $0.page == page }) else { return nil }
        let views = examination.sides.filter { $0.page == page && $0.alignment.aligned }.map(\.placement.outline)
        if !views.isEmpty { return views }
        guard examination.mrzGeometry?.page == page else { return nil }
        if let placement = examination.placement { return [placement.outline] }
        // A guess from the MRZ alone: a little room for the side's true size and the MRZ's place on it.
        return NominalMRZSide.placed(in: examination).map { [$0.placement.outline.grown(by: 1.05)] }
    }
}
