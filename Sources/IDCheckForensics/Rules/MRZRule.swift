import IDCheckMRZ
import IDCheckSpecimens

/// The MRZ itself: found at all, well formed, every check digit and the composite, and the
/// corrections the reader needed.
///
/// Corrections: a character-class correction (an `O` read in a date, replaced by the
/// recogniser's close alternative `0`) is ``Indicator/Severity/info`` — the field cannot hold
/// the first reading, so the ICAO grammar alone decides, and every check digit still vouches for
/// the data. A check-digit correction is a ``Indicator/Severity/warning``: the character was
/// legal either way and was chosen *because* it makes the check digit hold, so that check digit
/// no longer independently protects it — exactly where a skilful alteration would hide. The
/// reader only ever changes low-margin characters, so a confidently printed wrong digit stays a
/// failing check (critical). One exception: `O`↔`0` (see ``lookalikes``) is info.
public struct MRZRule: IndicatorRule {
    public let name = "mrz"

    public init() {}

    /// The MRZ core's issues that concern the zone's structure (the others are dates, codes and sex).
    static let structuralIssues: Set<MRZ.Issue.Code> = [
        .characterClass, .fillerExpected, .unexpectedDocumentCode, .emptyDocumentNumber, .emptyName, .malformedDate,
        .invalidLanguageCode,
    ]

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else {
            if let error = examination.mrzParsingError {
                return [Indicator(code: .mrzStructure, message: "The MRZ could not be parsed: \(error.description)",
                                  evidence: examination.evidence(span: nil, field: nil, expected: "an ICAO 9303 MRZ", observed: error.code))]
            }
            return [Indicator(code: .mrzNotFound, message: "No MRZ was found on the image\(examination.pages.count > 1 ? "s" : ""); nothing could be checked against ICAO 9303.")]
        }
        var indicators: [Indicator] = []
        for issue in zone.issues where Self.structuralIssues.contains(issue.code) {
            // Date messages quote the date, which may be a birth date: say it without the value.
            let message = issue.code == .malformedDate
                ? "The \(issue.field?.rawValue ?? "date") is not YYMMDD digits (unknown parts as << or XX)."
                : Self.sentence(issue.message)
            indicators.append(Indicator(code: .mrzStructure, severity: Self.severity(issue.severity), message: message,
                                        evidence: examination.evidence(span: issue.span, field: issue.field?.rawValue)))
        }
        for check in zone.checks where !check.passes {
            let what = Self.describe(check.kind)
            let found = check.status == .notADigit ? "'\(check.found)' (not a digit)" : String(check.found)
            let code: Indicator.Code = check.kind == .composite ? .mrzComposite : .mrzCheckDigit
            let message = check.kind == .composite
                ? "The composite check digit does not hold: the data it covers call for \(check.expected), the MRZ has \(found)."
                : "The check digit of the \(what) does not hold: the data call for \(check.expected), the MRZ has \(found)."
            let span = MRZ.Span(line: check.position.line, start: check.position.column, end: check.position.column + 1)
            indicators.append(Indicator(code: code, message: message,
                                        evidence: examination.evidence(span: span, field: check.field.rawValue,
                                                                       expected: String(check.expected), observed: String(check.found))))
        }
        for correction in zone.corrections {
            let span = MRZ.Span(line: correction.position.line, start: correction.position.column, end: correction.position.column + 1)
            let field = correction.field?.rawValue ?? "line \(correction.position.line + 1)"
            let place = "line \(correction.position.line + 1), column \(correction.position.column + 1) (\(field))"
            switch correction.reason {
            case .characterClass:
                indicators.append(Indicator(
                    code: .mrzCorrectedCharacterClass,
                    message: "At \(place) the first reading is not allowed in the field; the recogniser's close alternative was taken.",
                    evidence: examination.evidence(span: span, field: correction.field?.rawValue, expected: Self.spelled(correction.corrected),
                                                   observed: Self.spelled(correction.original), score: correction.originalScore,
                                                   personal: correction.field.map(PersonalData.mrzFields.contains) ?? false)))
            case .checkDigit:
                let lookalike = Self.lookalikes.contains([correction.original, correction.corrected])
                    || Self.explainedByModel(correction, zone, examination)
                indicators.append(Indicator(
                    code: .mrzCorrectedCheckDigit, severity: lookalike ? .info : .warning,
                    message: lookalike
                        ? "At \(place) OCR-B's look-alike \(correction.original)/\(correction.corrected) was decided by the check digit (the model's pattern agrees on the digit)."
                        : "At \(place) the character was chosen because it makes a check digit hold; look at it on the document.",
                    evidence: examination.evidence(span: span, field: correction.field?.rawValue, expected: Self.spelled(correction.corrected),
                                                   observed: Self.spelled(correction.original), score: correction.originalScore,
                                                   personal: correction.field.map(PersonalData.mrzFields.contains) ?? false)))
            }
        }
        return indicators
    }

    /// Pairs OCR-B draws nearly alike (the letter O and the digit zero differ only in width), so
    /// that a scan routinely leaves them within the recogniser's margin, while altering one into
    /// the other gains a forger nothing a check digit would not show. A check-digit correction
    /// between them is info; every other check-digit correction stays a warning.
    static let lookalikes: Set<Set<Character>> = [["O", "0"]]

    /// A character as evidence, spelled out where fonts draw it like another (`O (letter)`, `0 (digit)`).
    static func spelled(_ character: Character) -> String {
        switch character {
        case "O", "I", "B", "S", "Z", "G", "D", "Q": "\(character) (letter)"
        case "0", "1", "8", "5", "2", "6": "\(character) (digit)"
        default: String(character)
        }
    }

    /// A check-digit correction of a first reading that the identified model's pattern reads as a
    /// look-alike digit (the print had `0`, the reader saw `O`, the check digit then settled on
    /// `G`): the reading problem is OCR-B's, and the model's pattern with the check digit resolves it.
    static func explainedByModel(_ correction: MRZ.Correction, _ zone: MRZ.Zone, _ examination: Examination) -> Bool {
        guard let model = examination.model, let field = correction.field else { return false }
        let resolved: String?
        let span: MRZ.Span?
        switch field {
        case .documentNumber:
            if case .lookalike(let text) = model.numberFit(zone) { resolved = text } else { resolved = nil }
            span = zone.field(.documentNumber)?.span
        case .personalNumber, .optionalData:
            guard let (value, fieldSpan, field) = ModelRule.optionalData(zone), let pattern = model.rules.optionalDataPattern else { return false }
            resolved = ModelRule.lookalikeOptionalData(value, span: fieldSpan, field: field, zone: zone, pattern: pattern)
            span = fieldSpan
        default:
            return false
        }
        guard let resolved, let span, correction.position.line == span.line else { return false }
        let index = correction.position.column - span.start
        let characters = Array(resolved)
        guard index >= 0, index < characters.count else { return false }
        let digit = characters[index]
        return digit != correction.corrected && (Specimen.letterAsDigit[correction.original] == digit || correction.original == digit)
    }

    static func severity(_ severity: MRZ.Issue.Severity) -> Indicator.Severity {
        switch severity {
        case .failure: .critical
        case .warning: .warning
        case .notice: .info
        }
    }

    static func describe(_ kind: MRZ.Check.Kind) -> String {
        switch kind {
        case .documentNumber: "document number"
        case .birthDate: "date of birth"
        case .expiryDate: "date of expiry"
        case .personalNumber: "personal number"
        case .composite: "composite"
        }
    }

    /// The MRZ core's message as a sentence.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }
}
