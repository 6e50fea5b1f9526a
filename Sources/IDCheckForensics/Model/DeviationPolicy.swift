import IDCheckSpecimens

/// Turns a model's declared deviations from ICAO 9303 (`deviations` in `specimen.json`) into the
/// indicators they excuse: such an indicator becomes ``Indicator/Severity/info`` and names the
/// deviation, so that a genuine document of the model is not flagged, yet the examiner still
/// sees it.
///
/// A deviation's `code` is either an indicator code (`country.iso-code-in-mrz`,
/// `model.optional-data`…), which it excuses directly, or one of the named deviations below.
/// Critical indicators of the MRZ's integrity (check digits, watch list) cannot be excused.
public enum DeviationPolicy {
    /// Named deviations and the indicator codes they excuse.
    public static let named: [String: [Indicator.Code]] = [
        // Unknown day or month of birth printed XX / written << (refugees).
        "birth-date-unknown-as-XX": [.dateBirthPartlyUnknown],
        // A visa's MRZ document number is the visa number: nothing in the data checks depends on it.
        "visa-number-in-document-number": [],
    ]

    /// Codes a deviation can never excuse.
    public static let unexcusable: Set<Indicator.Code> = [
        .mrzCheckDigit, .mrzComposite, .listWatchlistHit, .listNumberReused, .documentPagesDisagree, .mrzNotFound,
    ]

    /// The codes a deviation excuses.
    public static func excused(by deviation: Specimen.Deviation) -> [Indicator.Code] {
        if let codes = named[deviation.code] { return codes }
        let code = Indicator.Code(deviation.code)
        return unexcusable.contains(code) ? [] : [code]
    }

    /// `indicators` with those the model's deviations excuse turned into info.
    public static func apply(_ model: Specimen?, to indicators: [Indicator]) -> [Indicator] {
        guard let model, !model.deviations.isEmpty else { return indicators }
        var excuses: [Indicator.Code: String] = [:]
        for deviation in model.deviations {
            for code in excused(by: deviation) where excuses[code] == nil { excuses[code] = deviation.code }
        }
        return indicators.map { indicator in
            guard let deviation = excuses[indicator.code] else { return indicator }
            var excused = indicator
            excused.severity = .info
            excused.deviation = deviation
            excused.message += " Known deviation of \(model.id) (\(deviation))."
            return excused
        }
    }
}
