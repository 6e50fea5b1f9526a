import Foundation
import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Layout and print against the specimen: the side's static print (background pattern, titles,
/// labels, emblem) must look like the identified model's reference once aligned. When it does
/// not, the other models of the library with the same MRZ format are tried: a document whose
/// layout is another model's is named as such (`layout.other-model`); one that fits none raises
/// `layout.not-aligned` or `layout.zone-differs`.
public struct LayoutRule: IndicatorRule {
    public let name = "layout"
    public var comparesVisualFeatures: Bool { true }
    public let references: SpecimenReferences
    public var aligner = SideAligner()
    /// Below this similarity with its own reference, a side is not taken as the model's layout.
    public var minimumSimilarity = 0.30
    /// How much better another model's reference must fit to name it.
    public var otherModelMargin = 0.12
    /// Largest chromaticity distance from the reference's paper and print that scans of genuine
    /// documents show (measured ≤ 0.002 on rendered scans; 0.010–0.015 for another model's
    /// paper): beyond it the colours are not the model's.
    public var maximumColourDistance = 0.008

    public init(references: SpecimenReferences) {
        self.references = references
    }

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let model = examination.model, let side = model.mrzSide, let alignment = examination.alignment,
              let geometry = examination.mrzGeometry, examination.pages.indices.contains(geometry.page),
              references.image(of: model, side: side) != nil else { return [] }
        if alignment.aligned, alignment.score >= minimumSimilarity {
            guard let distance = alignment.colourDistance, distance > maximumColourDistance else { return [] }
            return [Indicator(code: .layoutZoneDiffers, severity: .warning,
                              message: "the paper and print colours differ from \(model.id)'s specimen (chromaticity distance \(String(format: "%.3f", distance)), genuine scans stay under \(String(format: "%.3f", maximumColourDistance)))",
                              evidence: Indicator.Evidence(page: geometry.page, region: examination.placement?.outline, field: "colours",
                                                           expected: model.id, score: distance))]
        }
        let page = GreyPage.of(examination.pages[geometry.page])
        let outline = examination.placement?.outline
        var best: (specimen: Specimen, score: Double)?
        for other in candidates(for: model) {
            guard let otherSide = other.mrzSide, let mrzBox = otherSide.zones(of: .mrz).first?.box,
                  let initial = DocumentPlacement.estimated(mrzLocation: geometry.location, mrzBox: mrzBox,
                                                                   sideAspectRatio: other.size.aspectRatio) else { continue }
            guard let result = aligner.align(page, with: other, side: otherSide, references: references, initial: initial),
                  result.quality.aligned else { continue }
            if result.quality.score > (best?.score ?? -1) { best = (other, result.quality.score) }
        }
        if let best, best.score >= minimumSimilarity, best.score >= alignment.score + otherModelMargin {
            return [Indicator(code: .layoutOtherModel, severity: .critical,
                              message: "the side is laid out like \(best.specimen.id) (\(best.specimen.name)), not like \(model.id), the model its MRZ identifies",
                              evidence: Indicator.Evidence(page: geometry.page, region: outline, field: "layout", expected: model.id,
                                                           observed: best.specimen.id, score: best.score))]
        }
        if !alignment.aligned {
            return [Indicator(code: .layoutNotAligned, severity: .warning,
                              message: "the image could not be aligned with \(model.id)'s specimen: its pattern, titles and labels were not found where the MRZ puts them",
                              evidence: Indicator.Evidence(page: geometry.page, region: outline, field: "layout", expected: model.id,
                                                           score: alignment.score))]
        }
        let worst = alignment.zoneSimilarity.min { $0.value < $1.value }
        return [Indicator(code: .layoutZoneDiffers, severity: .warning,
                          message: "the static print differs from \(model.id)'s specimen (similarity \(percent(alignment.score)) where genuine scans reach \(percent(minimumSimilarity)) or more)\(worst.map { "; least alike: \($0.key) at \(percent($0.value))" } ?? "")",
                          evidence: Indicator.Evidence(page: geometry.page, region: outline, field: worst?.key ?? "layout",
                                                       expected: model.id, score: alignment.score))]
    }

    /// Models a forger could have taken the layout from: same MRZ format, with a reference image.
    private func candidates(for model: Specimen) -> [Specimen] {
        (references.library?.specimens ?? []).filter { $0.id != model.id && $0.mrzFormat == model.mrzFormat && $0.mrzSide != nil }
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
