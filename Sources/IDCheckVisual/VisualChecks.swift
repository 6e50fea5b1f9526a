import IDCheckForensics
import IDCheckSpecimens

/// The visual comparison of a questioned document with its specimen: the steps that align it and
/// read its visual zone, and the rules that judge layout, print, MRZ font, photo and tampering.
///
/// `Inspector` runs ``steps`` before and ``rules`` after the data checks of IDCheckForensics. The
/// checks share one ``SpecimenReferences``, so a batch decodes each reference image once.
public struct VisualChecks: Sendable {
    public let references: SpecimenReferences
    /// Alignment first: every later step and rule compares through its placement.
    public var steps: [any ExaminationStep]
    /// The visual rules, in the order their indicators are listed.
    public var rules: [any IndicatorRule]

    public init(library: SpecimenLibrary?) {
        let references = SpecimenReferences(library: library)
        self.references = references
        steps = [SideAlignmentStep(references: references)]
        rules = [LayoutRule(references: references)]
        steps.append(VisualZoneStep())
        rules.append(VisualZoneRule())
        steps.append(MRZLookalikeStep())
        rules.append(MRZFontRule())
        steps.append(PortraitWithoutModelStep())
        rules.append(PhotoRule(references: references))
        steps.append(TamperingMapStep())
        rules.append(TamperingRule())
    }
}
