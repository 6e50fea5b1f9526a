import IDCheckMRZ
import IDCheckSpecimens

/// The document against its model: whether one was found, and the model's rules the MRZ can
/// show — document-number pattern, validity period, sexes printed, optional-data pattern.
public struct ModelRule: IndicatorRule {
    public let name = "model"
    /// Days of slack on validity periods (issuers date expiry the day before the anniversary, or a little later).
    public var slackDays = 31

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        let identification = examination.identification
        switch identification.status {
        case .notAttempted:
            return []
        case .noModelForIssuer:
            let known = identification.reasons.isEmpty ? "" : " (\(identification.reasons.joined(separator: "; ")))"
            return [Indicator(code: .modelNotCompared,
                              message: "Not compared with a specimen: the library has no model of this kind from \(zone.issuingStateCode)\(known). The verdict rests on the other checks.",
                              evidence: examination.evidence(span: nil, field: nil, observed: "\(zone.issuingStateCode) \(zone.documentCode) \(zone.format.rawValue)"))]
        case .noMatchingModel:
            let names = identification.nearest.map(\.id).joined(separator: ", ")
            return [Indicator(code: .modelNoMatch,
                              message: "The library has \(zone.issuingStateCode) models of this type, but none fits this document; nearest: \(names). \(identification.reasons.joined(separator: ". ")).",
                              evidence: examination.evidence(span: nil, field: nil, expected: names,
                                                             observed: "\(zone.issuingStateCode) \(zone.documentCode) \(zone.format.rawValue)"))]
        case .identified:
            guard let model = identification.model else { return [] }
            return rules(of: model, zone, examination)
        }
    }

    private func rules(of model: Specimen, _ zone: MRZ.Zone, _ examination: Examination) -> [Indicator] {
        var indicators: [Indicator] = []
        let number = zone.documentNumber
        switch model.numberFit(zone) {
        case .exact:
            break
        case .lookalike(let variant):
            indicators.append(Indicator(code: .mrzCorrectedModelPattern,
                                        message: "The document number was read with OCR-B look-alikes (O/0, Q/0, I/1…) where \(model.id) prints the other; read so, it follows the model's pattern and its check digit still holds.",
                                        evidence: examination.evidence(span: examination.span(of: .documentNumber), field: "documentNumber",
                                                                       expected: variant, observed: number, personal: true)))
        case .none:
            guard !number.isEmpty else { break }
            indicators.append(Indicator(code: .modelDocumentNumber,
                                        message: "The document number does not follow the pattern of \(model.id) (\(model.rules.documentNumberPattern)).",
                                        evidence: examination.evidence(span: examination.span(of: .documentNumber), field: "documentNumber",
                                                                       expected: model.rules.documentNumberPattern, observed: number, personal: true)))
        }
        if let sex = zone.sex, zone.field(.sex) != nil, !model.rules.allowedSexes.contains(sex) {
            indicators.append(Indicator(code: .modelSexNotAllowed,
                                        message: "\(model.id) does not print sex '\(sex.rawValue)'.",
                                        evidence: examination.evidence(span: examination.span(of: .sex), field: "sex",
                                                                       expected: model.rules.allowedSexes.map(\.rawValue).joined(separator: ", "),
                                                                       observed: sex.rawValue)))
        }
        if let pattern = model.rules.optionalDataPattern, let (value, span, field) = Self.optionalData(zone),
           let regex = try? Regex(pattern), (try? regex.wholeMatch(in: value)) == nil,
           Self.lookalikeOptionalData(value, span: span, field: field, zone: zone, pattern: pattern) == nil {
            indicators.append(Indicator(code: .modelOptionalData,
                                        message: "The \(field == .personalNumber ? "personal number" : "optional data") does not follow the pattern of \(model.id) (\(pattern)).",
                                        evidence: examination.evidence(span: span, field: field.rawValue, expected: pattern, observed: value, personal: true)))
        }
        if let indicator = validity(model, zone, examination) { indicators.append(indicator) }
        return indicators
    }

    /// The optional data read with look-alikes swapped, when that follows the pattern (and, for
    /// the TD3 personal number, its own check digit).
    static func lookalikeOptionalData(_ value: String, span: MRZ.Span, field: MRZ.Field, zone: MRZ.Zone, pattern: String) -> String? {
        let check = field == .personalNumber ? zone.checks.first { $0.kind == .personalNumber && $0.status == .valid }?.found : nil
        if field == .personalNumber && check == nil { return nil }
        return Specimen.lookalikeReading(value, span: span, zone: zone, pattern: pattern, checkDigit: check)
    }

    /// The personal number (TD3) or the optional data (other formats), trimmed, with its span.
    static func optionalData(_ zone: MRZ.Zone) -> (String, MRZ.Span, MRZ.Field)? {
        if let reading = zone.field(.personalNumber) { return (zone.personalNumber, reading.span, .personalNumber) }
        if let reading = zone.fields.first(where: { $0.field == .optionalData }) { return (zone.optionalData, reading.span, .optionalData) }
        return nil
    }

    private func validity(_ model: Specimen, _ zone: MRZ.Zone, _ examination: Examination) -> Indicator? {
        guard let expiry = zone.expiryDate?.calendarDate, let longest = model.rules.validityYears.max(),
              let shortest = model.rules.validityYears.min() else { return nil }
        let periods = model.rules.validityYears.map(String.init).joined(separator: "/") + " years"
        let evidence = { (expected: String) in
            examination.evidence(span: examination.span(of: .expiryDate), field: "expiryDate", expected: expected, observed: expiry.description)
        }
        if let issue = examination.printedDates[.issueDate] {
            let fits = model.rules.validityYears.contains { years in
                abs(CalendarArithmetic.days(from: CalendarArithmetic.adding(years: years, to: issue), to: expiry)) <= slackDays
            }
            if !fits {
                return Indicator(code: .modelValidityPeriod,
                                 message: "Issued \(issue) and expiring \(expiry): \(model.id) is valid for \(periods).",
                                 evidence: evidence(periods + " after \(issue)"))
            }
            return nil
        }
        let latest = CalendarArithmetic.adding(years: longest, to: examination.checkDate)
        if CalendarArithmetic.days(from: latest, to: expiry) > slackDays {
            return Indicator(code: .modelValidityPeriod,
                             message: "Expires \(expiry), later than a \(model.id) issued on the check date could (valid \(periods)).",
                             evidence: evidence("on or before \(latest)"))
        }
        if let from = model.issuedFrom {
            let earliest = CalendarArithmetic.adding(years: shortest, to: from)
            if CalendarArithmetic.days(from: expiry, to: earliest) > slackDays {
                return Indicator(code: .modelValidityPeriod,
                                 message: "Expires \(expiry): a \(model.id) (issued from \(from), valid \(periods)) cannot expire before \(earliest).",
                                 evidence: evidence("on or after \(earliest)"))
            }
        }
        if let until = model.issuedUntil {
            let last = CalendarArithmetic.adding(years: longest, to: until)
            if CalendarArithmetic.days(from: last, to: expiry) > slackDays {
                return Indicator(code: .modelValidityPeriod,
                                 message: "Expires \(expiry): a \(model.id) (issued until \(until), valid \(periods)) cannot expire after \(last).",
                                 evidence: evidence("on or before \(last)"))
            }
        }
        return nil
    }
}
