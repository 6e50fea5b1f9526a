import IDCheckMRZ

/// Dates: impossible, born in the future, over 120 years old, expiry before birth, expired at
/// the check date, a partly unknown date of birth.
///
/// From the MRZ alone a birth date can be neither in the future nor over 100 years back: its
/// two-digit year gets the century that puts it in the past. Those two checks therefore bite on
/// full-year dates — the visual zone's, when a visual check supplies them in
/// ``Examination/printedDates`` — and on the MRZ dates otherwise.
public struct DateRule: IndicatorRule {
    public let name = "dates"
    /// Older than this at the check date is implausible.
    public var maximumAge = 120

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        guard let zone = examination.zone else { return [] }
        var indicators: [Indicator] = []
        let checkDate = examination.checkDate
        for issue in zone.issues where issue.code == .impossibleDate {
            let field = issue.field?.rawValue ?? "date"
            indicators.append(Indicator(code: .dateImpossible, message: "The \(Self.words(field)) is a date that cannot exist.",
                                        evidence: examination.evidence(span: issue.span, field: field, expected: "a date that exists",
                                                                       observed: issue.field.flatMap { zone.field($0)?.raw },
                                                                       personal: issue.field == .birthDate)))
        }
        let birthSpan = examination.span(of: .birthDate)
        let expirySpan = examination.span(of: .expiryDate)
        let birth = examination.printedDates[.birthDate] ?? zone.birthDate?.calendarDate
        if let birth {
            if birth > checkDate {
                indicators.append(Indicator(code: .dateBirthInFuture, message: "The holder was born after the check date (\(checkDate)).",
                                            evidence: examination.evidence(span: birthSpan, field: "birthDate",
                                                                           expected: "on or before \(checkDate)", observed: birth.description, personal: true)))
            } else if CalendarArithmetic.wholeYears(from: birth, to: checkDate) > maximumAge {
                indicators.append(Indicator(code: .dateImplausibleAge, message: "The holder would be over \(maximumAge) years old at the check date.",
                                            evidence: examination.evidence(span: birthSpan, field: "birthDate",
                                                                           expected: "at most \(maximumAge) years old", observed: birth.description, personal: true)))
            }
        }
        if zone.issues.contains(where: { $0.code == .expiryBeforeBirth }) {
            indicators.append(Indicator(code: .dateExpiryBeforeBirth, message: "The document expires before its holder was born.",
                                        evidence: examination.evidence(span: expirySpan, field: "expiryDate", expected: "after the date of birth",
                                                                       observed: zone.expiryDate?.iso)))
        }
        if let birth, let (latestIssue, source) = latestIssue(examination), birth > latestIssue {
            indicators.append(Indicator(code: .dateBirthAfterIssue, message: "The holder was born after the document was issued (\(source)).",
                                        evidence: examination.evidence(span: birthSpan, field: "birthDate",
                                                                       expected: "on or before \(latestIssue)", observed: birth.description, personal: true)))
        }
        if let expiry = zone.expiryDate?.calendarDate, expiry < checkDate {
            indicators.append(Indicator(code: .dateExpired, message: "The document expired on \(expiry), before the check date \(checkDate).",
                                        evidence: examination.evidence(span: expirySpan, field: "expiryDate",
                                                                       expected: "on or after \(checkDate)", observed: expiry.description)))
        }
        if let date = zone.birthDate, date.status == .partlyUnknown {
            // ICAO 9303 itself allows unknown parts (`<<`), so this is info for every model; a model
            // that declares `birth-date-unknown-as-XX` marks it as its known practice.
            indicators.append(Indicator(code: .dateBirthPartlyUnknown,
                                        message: "The day or month of birth is unknown, as issuers print for some refugees.",
                                        evidence: examination.evidence(span: birthSpan, field: "birthDate", observed: date.raw, personal: true)))
        }
        return indicators
    }

    /// The latest day the document can have been issued: the printed date of issue, or expiry
    /// minus the identified model's shortest validity period (with a month's slack).
    func latestIssue(_ examination: Examination) -> (MRZ.CalendarDate, String)? {
        if let issue = examination.printedDates[.issueDate] { return (issue, "printed date of issue \(issue)") }
        guard let model = examination.model, let shortest = model.rules.validityYears.min(),
              let expiry = examination.zone?.expiryDate?.calendarDate else { return nil }
        let latest = CalendarArithmetic.adding(years: -shortest, to: expiry)
        guard let withSlack = CalendarArithmetic.date(dayNumber: CalendarArithmetic.dayNumber(latest) + 31) else { return nil }
        return (withSlack, "a \(model.id) valid \(shortest) years that expires \(expiry) was issued by \(withSlack)")
    }

    static func words(_ field: String) -> String {
        switch field {
        case "birthDate": "date of birth"
        case "expiryDate": "date of expiry"
        case "issueMonth": "month of issue"
        default: field
        }
    }
}
