import IDCheck

/// The `idcheck.mrz/1` object (documented in docs/schemas/mrz.md), and its text rendering.
struct MRZReport: Encodable {
    struct FieldEntry: Encodable {
        var field: String
        var line: Int
        var start: Int
        var end: Int
        var raw: String
        var value: String
    }

    struct SpanEntry: Encodable {
        var line: Int
        var start: Int
        var end: Int
    }

    struct CheckEntry: Encodable {
        var check: String
        var line: Int
        var column: Int
        var covers: [SpanEntry]
        var expected: String
        var found: String
        var status: String
        var passes: Bool
    }

    struct IssueEntry: Encodable {
        var code: String
        var severity: String
        var field: String?
        var line: Int?
        var start: Int?
        var end: Int?
        var message: String
    }

    struct SuggestionEntry: Encodable {
        var kind: String
        var field: String?
        var line: Int
        var start: Int
        var end: Int
        var original: String
        var suggested: String
        var makesZoneValid: Bool
    }

    struct CountryEntry: Encodable {
        var code: String
        var name: String?
        var kind: String?
        var known: Bool
    }

    struct DateEntry: Encodable {
        var raw: String
        var iso: String?
        var status: String
        var year: Int?
        var month: Int?
        var day: Int?
    }

    struct ErrorEntry: Encodable {
        var code: String
        var message: String
        var line: Int?
        var column: Int?
        var suggestedLines: [String]?
    }

    var schema = "idcheck.mrz/1"
    var input: InputReference
    var toolVersion = IDCheckVersion.string
    var status: String
    var referenceDate: String
    var format: String?
    var formatName: String?
    var lines: [String]?
    var fields: [FieldEntry]?
    var name: MRZ.Name?
    var documentNumber: String?
    var issuingState: CountryEntry?
    var nationality: CountryEntry?
    var birthDate: DateEntry?
    var expiryDate: DateEntry?
    var sex: String?
    var checks: [CheckEntry]?
    var issues: [IssueEntry]?
    var suggestions: [SuggestionEntry]?
    var droppedSpaces: [MRZ.Position]?
    var error: ErrorEntry?

    private var zone: MRZ.Zone?

    enum CodingKeys: String, CodingKey {
        case schema, input, toolVersion, status, referenceDate, format, formatName, lines, fields, name, documentNumber
        case issuingState, nationality, birthDate, expiryDate, sex, checks, issues, suggestions, droppedSpaces, error
    }

    init(input: InputReference, text: String, reference: MRZ.CalendarDate) {
        do {
            let zone = try MRZ.parse(text, options: MRZ.ParsingOptions(referenceDate: reference))
            self.init(input: input, zone: zone, reference: reference)
        } catch {
            self.init(input: input, error: error, reference: reference)
        }
    }

    /// The report of text that could not be parsed.
    init(input: InputReference, error: MRZParsingError, reference: MRZ.CalendarDate) {
        self.input = input
        self.referenceDate = reference.description
        status = "malformed"
        self.error = ErrorEntry(code: error.code, message: error.description, line: error.line, column: error.column,
                                suggestedLines: error.suggestedLines)
    }

    /// The report of a parsed zone (typed, or read from an image by the reader).
    init(input: InputReference, zone: MRZ.Zone, reference: MRZ.CalendarDate) {
        self.input = input
        self.referenceDate = reference.description
        self.zone = zone
        status = zone.isValid ? "valid" : "invalid"
        format = zone.format.rawValue
        formatName = zone.format.displayName
        lines = zone.lines
        fields = zone.fields.map {
            FieldEntry(field: $0.field.rawValue, line: $0.span.line, start: $0.span.start, end: $0.span.end, raw: $0.raw, value: $0.value)
        }
        name = zone.name
        documentNumber = zone.documentNumber
        issuingState = Self.country(zone.issuingStateCode, zone.issuingState)
        if zone.field(.nationality) != nil { nationality = Self.country(zone.nationalityCode, zone.nationality) }
        birthDate = zone.birthDate.map(Self.date)
        expiryDate = zone.expiryDate.map(Self.date)
        sex = zone.field(.sex)?.raw
        checks = zone.checks.map { check in
            CheckEntry(check: check.kind.rawValue, line: check.position.line, column: check.position.column,
                       covers: check.covers.map { SpanEntry(line: $0.line, start: $0.start, end: $0.end) },
                       expected: String(check.expected), found: String(check.found), status: check.status.rawValue,
                       passes: check.passes)
        }
        issues = zone.issues.map { issue in
            IssueEntry(code: issue.code.rawValue, severity: issue.severity.rawValue, field: issue.field?.rawValue,
                       line: issue.span?.line, start: issue.span?.start, end: issue.span?.end, message: issue.message)
        }
        suggestions = zone.suggestions.map { suggestion in
            SuggestionEntry(kind: suggestion.kind.rawValue, field: suggestion.field?.rawValue, line: suggestion.span.line,
                            start: suggestion.span.start, end: suggestion.span.end, original: suggestion.original,
                            suggested: suggestion.suggested, makesZoneValid: suggestion.makesZoneValid)
        }
        droppedSpaces = zone.droppedSpaces
    }

    var outcome: Outcome {
        switch status {
        case "valid": .fine
        case "invalid": .failing
        default: .unreadable
        }
    }

    private static func country(_ code: String, _ country: MRZ.Country?) -> CountryEntry {
        CountryEntry(code: code, name: country?.name, kind: country?.kind.rawValue, known: country != nil)
    }

    private static func date(_ date: MRZ.Date) -> DateEntry {
        DateEntry(raw: date.raw, iso: date.iso, status: date.status.rawValue, year: date.year, month: date.month, day: date.day)
    }

    // MARK: Text

    /// Pads to `width` without ever cutting (`padding(toLength:)` would truncate).
    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The report for a person: the verdict first, then the zone, fields, checks and remarks.
    func text(terminal: Terminal) -> String {
        var out: [String] = []
        guard let zone else {
            out.append(terminal.red("✗ malformed MRZ") + ": " + (error?.message ?? ""))
            if let suggested = error?.suggestedLines {
                out.append("  suggestion (not applied) — with the < fillers recounted the zone would read:")
                out += suggested.map { "    " + $0 }
            }
            return out.joined(separator: "\n")
        }
        let failing = zone.checks.filter { !$0.passes }.count
        let failures = zone.issues.filter { $0.severity == .failure }.count
        if zone.isValid {
            out.append(terminal.green("✓ valid MRZ") + " — \(zone.format.displayName)")
        } else {
            var reasons: [String] = []
            if failing > 0 { reasons.append("\(failing) check digit\(failing == 1 ? "" : "s") fail\(failing == 1 ? "s" : "")") }
            if failures > 0 { reasons.append("\(failures) rule\(failures == 1 ? "" : "s") broken") }
            out.append(terminal.red("✗ invalid MRZ") + " — \(zone.format.displayName): " + reasons.joined(separator: ", "))
        }
        for line in zone.lines { out.append("  " + line) }
        out.append("")
        out.append(terminal.bold("Fields") + terminal.dim("  (line and columns 1-based)"))
        let width = zone.fields.map(\.field.rawValue.count).max() ?? 0
        let rawWidth = zone.fields.map(\.raw.count).max() ?? 0
        for field in zone.fields {
            let label = Self.pad(field.field.rawValue, width)
            var value = field.value.isEmpty ? terminal.dim("(empty)") : field.value
            if field.field == .issuingState || field.field == .nationality {
                let country = MRZ.Country.lookup(field.raw)
                value += country.map { " — \($0.name)" } ?? terminal.red(" — not an ICAO code")
            }
            let columns = field.span.count == 1 ? "\(field.span.end)" : "\(field.span.start + 1)–\(field.span.end)"
            let place = terminal.dim(Self.pad("line \(field.span.line + 1), \(columns)", 14))
            out.append("  \(label)  \(place)  \(Self.pad(field.raw, rawWidth))  \(value)")
        }
        if !zone.checks.isEmpty {
            out.append("")
            out.append(terminal.bold("Check digits"))
            for check in zone.checks {
                let mark = check.passes ? terminal.green("✓") : terminal.red("✗")
                let detail: String
                switch check.status {
                case .valid: detail = "\(check.expected)"
                case .blank: detail = "< (empty data, allowed)"
                case .invalid: detail = "expected \(check.expected), found \(check.found)"
                case .notADigit: detail = "expected \(check.expected), found '\(check.found)' (not a digit)"
                }
                out.append("  \(mark) \(Self.pad(check.kind.rawValue, 15)) \(detail)  "
                    + terminal.dim("line \(check.position.line + 1), column \(check.position.column + 1)"))
            }
        }
        if !zone.issues.isEmpty {
            out.append("")
            out.append(terminal.bold("Remarks"))
            for issue in zone.issues {
                let mark = switch issue.severity {
                case .failure: terminal.red("✗")
                case .warning: terminal.yellow("!")
                case .notice: terminal.dim("·")
                }
                out.append("  \(mark) \(issue.message)")
            }
        }
        if !zone.suggestions.isEmpty {
            out.append("")
            out.append(terminal.bold("Suggestions") + terminal.dim("  (not applied: the verdict is that of the text as given)"))
            for suggestion in zone.suggestions {
                let effect = suggestion.makesZoneValid ? " — would make the zone valid" : ""
                out.append("  \(suggestion.field?.rawValue ?? "line \(suggestion.span.line + 1)"): \(suggestion.original) → \(suggestion.suggested)\(effect)")
            }
        }
        if !zone.droppedSpaces.isEmpty {
            out.append("")
            let places = zone.droppedSpaces.map { "line \($0.line + 1) column \($0.column + 1)" }.joined(separator: ", ")
            out.append(terminal.yellow("!") + " spaces dropped inside lines at " + places)
        }
        return out.joined(separator: "\n")
    }
}
