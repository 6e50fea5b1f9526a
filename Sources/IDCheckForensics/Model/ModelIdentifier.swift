import IDCheckMRZ
import IDCheckSpecimens

/// Chooses the specimen model a document claims to be from its MRZ.
///
/// 1. Candidates: the library's models of the MRZ's issuing state. None: ``ModelIdentification/Status/noModelForIssuer``.
/// 2. Of those, the models of the same document type (the first letter of the document code,
///    which ICAO 9303 reserves for the type: `P`, `I`/`A`/`C`, `V`) and the same MRZ format.
/// 3. Each is scored on the two model rules the MRZ can show: the document number follows the
///    model's pattern, and the document can have been issued while the model was (expiry minus
///    one of its validity periods falls in its issue period). A model meeting at least one is
///    identified (the best; ties go to the newer model); otherwise no model fits, and the
///    nearest are named — a warning, since the issuer's documents of that type are known.
///
/// An issuer with models, but none of this type, is treated like an issuer without models:
/// the library simply does not cover that kind of document.
public struct ModelIdentifier: Sendable {
    /// Days of slack when matching a derived issue date to a model's issue period.
    public var slackDays: Int = 31

    public init() {}

    public func identify(_ zone: MRZ.Zone, among specimens: [Specimen]) -> ModelIdentification {
        let issuer = zone.issuingStateCode
        let ofIssuer = specimens.filter { $0.issuingState == issuer }
        let typeLetter = zone.documentCode.first
        let ofType = ofIssuer.filter { Self.typeGroup($0.documentCode.first) == Self.typeGroup(typeLetter) }
        guard !ofType.isEmpty else {
            var reasons: [String] = []
            if !ofIssuer.isEmpty {
                reasons.append("the library has \(ofIssuer.map(\.id).joined(separator: ", ")) from \(issuer), none of document type \(zone.documentCode)")
            }
            return ModelIdentification(status: .noModelForIssuer, reasons: reasons)
        }
        var scored: [(specimen: Specimen, score: Int, reasons: [String])] = []
        for specimen in ofType {
            var score = 0
            var notes: [String] = []
            if specimen.mrzFormat == zone.format {
                score += 1
            } else {
                notes.append("its MRZ is \(specimen.mrzFormat.displayName), this one \(zone.format.displayName)")
            }
            if specimen.documentCode == zone.documentCode { score += 1 }
            let numberFits = specimen.numberFit(zone).fits
            if !numberFits { notes.append("document number does not follow \(specimen.rules.documentNumberPattern)") }
            let periodFits = issuePeriodFits(zone, specimen)
            if let periodFits, !periodFits { notes.append(issuePeriodNote(zone, specimen)) }
            let fits = specimen.mrzFormat == zone.format && (numberFits || periodFits == true)
            if numberFits { score += 2 }
            if periodFits == true { score += 2 }
            scored.append((specimen, fits ? score + 10 : score, notes))
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return (a.specimen.issuedFrom.map(CalendarArithmetic.dayNumber) ?? Int.min)
                > (b.specimen.issuedFrom.map(CalendarArithmetic.dayNumber) ?? Int.min)
        }
        let reasons = scored.map { entry in
            entry.specimen.id + ": " + (entry.reasons.isEmpty ? "fits" : entry.reasons.joined(separator: "; "))
        }
        if let best = scored.first, best.score >= 10 {
            return ModelIdentification(status: .identified, model: best.specimen, nearest: scored.dropFirst().map(\.specimen), reasons: reasons)
        }
        return ModelIdentification(status: .noMatchingModel, nearest: scored.prefix(3).map(\.specimen), reasons: reasons)
    }

    /// ICAO 9303 Part 5: `A`, `C` and `I` all open identity cards; other letters stand for themselves.
    static func typeGroup(_ letter: Character?) -> Character? {
        guard let letter else { return nil }
        return ["A", "C", "I"].contains(letter) ? "I" : letter
    }

    /// Whether expiry minus one of the model's validity periods lies in its issue period;
    /// `nil` when the expiry date is not fully known.
    func issuePeriodFits(_ zone: MRZ.Zone, _ specimen: Specimen) -> Bool? {
        guard let expiry = zone.expiryDate?.calendarDate else { return nil }
        return specimen.rules.validityYears.contains { years in
            let issued = CalendarArithmetic.adding(years: -years, to: expiry)
            let day = CalendarArithmetic.dayNumber(issued)
            if let from = specimen.issuedFrom, day < CalendarArithmetic.dayNumber(from) - slackDays { return false }
            if let until = specimen.issuedUntil, day > CalendarArithmetic.dayNumber(until) + slackDays { return false }
            return true
        }
    }

    private func issuePeriodNote(_ zone: MRZ.Zone, _ specimen: Specimen) -> String {
        guard let expiry = zone.expiryDate?.calendarDate else { return "issue period unknown" }
        let years = specimen.rules.validityYears.map { String(expiry.year - $0) }.joined(separator: " or ")
        let period = "\(specimen.issuedFrom.map(\.description) ?? "…")–\(specimen.issuedUntil.map(\.description) ?? "")"
        return "with its validity (\(specimen.rules.validityYears.map(String.init).joined(separator: "/")) years) it would have been issued in \(years); the model was issued \(period)"
    }
}
