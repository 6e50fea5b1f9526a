import IDCheckMRZ
import IDCheckSpecimens

/// What the MRZ says a printed field must show, in the shape the visual-zone check compares:
/// a name (any spelling that transliterates to the MRZ's), an exact text (number, codes, sex),
/// a date (the MRZ's two-digit year in either century), or nothing.
enum ExpectedPrint: Sendable, Equatable {
    /// A name in MRZ letters with spaces between components; `truncatable` when the MRZ may
    /// have cut it short (the print then goes on past the MRZ's letters).
    case name(String, truncatable: Bool)
    /// Exactly this text.
    case text(String)
    /// A date printed in `format`; `year` is the MRZ's two-digit year, month and day `nil`
    /// when the MRZ marks them unknown (printed `XX`).
    case date(format: String, year: Int, month: Int?, day: Int?)
    /// A date the MRZ does not carry (date of issue): read, not compared.
    case unknownDate(format: String)
    /// An empty field (no given names).
    case empty

    /// The expectation for `zone` from `mrz`; `nil` when the MRZ says nothing about the field or
    /// cannot be trusted to (a given name the MRZ truncated away).
    static func of(_ zone: Specimen.Zone, mrz: MRZ.Zone) -> ExpectedPrint? {
        guard let field = zone.field else { return nil }
        let name = mrz.name
        switch field {
        case .surname:
            guard !name.primaryIdentifier.isEmpty else { return nil }
            return .name(name.primaryIdentifier, truncatable: name.possiblyTruncated && name.secondaryIdentifier.isEmpty)
        case .givenNames:
            // A surname that fills the name field up to its last `<<` leaves no room for given
            // names: the issuer may have truncated them away.
            let trailing = mrz.field(.name)?.raw.reversed().prefix { $0 == "<" }.count ?? 0
            if name.secondaryIdentifier.isEmpty { return name.possiblyTruncated || trailing <= 2 ? nil : .empty }
            return .name(name.secondaryIdentifier, truncatable: name.possiblyTruncated)
        case .documentNumber:
            return mrz.documentNumber.isEmpty ? nil : .text(mrz.documentNumber)
        case .nationality:
            return mrz.nationalityCode.isEmpty ? nil : .text(mrz.nationalityCode)
        case .issuingState:
            return mrz.issuingStateCode.isEmpty ? nil : .text(mrz.issuingStateCode)
        case .documentCode:
            return mrz.documentCode.isEmpty ? nil : .text(mrz.documentCode)
        case .sex:
            guard let sex = mrz.sex else { return nil }
            return .text(sex == .notGiven ? "-" : sex.rawValue)
        case .personalNumber:
            let value = zone.mrzField == .optionalData ? mrz.optionalData : mrz.personalNumber
            return value.isEmpty ? .empty : .text(value)
        case .birthDate, .expiryDate:
            guard let format = zone.dateFormat, let date = field == .birthDate ? mrz.birthDate : mrz.expiryDate,
                  date.status == .complete || date.status == .partlyUnknown, let year = date.year else { return nil }
            return .date(format: format, year: year % 100, month: date.month, day: date.day)
        case .issueDate:
            return zone.dateFormat.map { .unknownDate(format: $0) }
        default:
            return nil
        }
    }

    var isName: Bool {
        if case .name = self { return true }
        return false
    }

    /// Whether the print is compared with the MRZ (the date of issue, which the MRZ does not
    /// carry, is only read).
    var isComparedWithMRZ: Bool {
        if case .unknownDate = self { return false }
        return true
    }

    static let digits = (0...9).map(String.init)
    static let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }

    /// One slot per character, offering every character of its class (digits, letters), so that
    /// a reading says which character is printed where the expected one is not.
    static func slots(for text: String, sex: Bool = false) -> [[String]] {
        if sex { return [["M", "F", "X", "-"]] }
        return text.map { character in
            if character.isASCII, character.isNumber { return digits }
            if character.isASCII, character.isLetter { return letters }
            return [String(character)]
        }
    }

    /// Slots for a date printed in `format`: digits (or `X`) per digit, the month names, literals.
    static func dateSlots(format: String) -> [[String]] {
        var slots: [[String]] = []
        var rest = Substring(format)
        while let first = rest.first {
            if rest.hasPrefix("yyyy") { slots += Array(repeating: digits, count: 4); rest = rest.dropFirst(4) }
            else if rest.hasPrefix("yy") { slots += Array(repeating: digits, count: 2); rest = rest.dropFirst(2) }
            else if rest.hasPrefix("MMM") { slots.append(PrintedDate.months + ["XXX"]); rest = rest.dropFirst(3) }
            else if rest.hasPrefix("MM") || rest.hasPrefix("dd") { slots += Array(repeating: digits + ["X"], count: 2); rest = rest.dropFirst(2) }
            else { slots.append([String(first)]); rest = rest.dropFirst() }
        }
        return slots
    }
}
