import IDCheckMRZ

/// Dates as the visual zone prints them, in a model's `dateFormat` (`dd MMM yyyy`, `dd.MM.yyyy`…).
///
/// The renderer prints with it and the visual-zone checks compare with it, so both agree on how
/// an unknown day or month looks: `XX` (as issuers print it for some refugees), never a guess.
public enum PrintedDate {
    /// English month abbreviations as ICAO 9303 Part 3 recommends for the visual zone.
    public static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// Whether `format` uses only the supported tokens and separators.
    public static func isValidFormat(_ format: String) -> Bool {
        guard let tokens = tokenise(format) else { return false }
        return tokens.contains { if case .year = $0 { return true } else { return false } }
    }

    /// `year`, `month`, `day` (month or day `nil` when unknown) printed in `format`.
    public static func format(year: Int, month: Int?, day: Int?, as format: String) -> String {
        guard let tokens = tokenise(format) else { return "" }
        var text = ""
        for token in tokens {
            switch token {
            case .day: text += day.map { pad($0) } ?? "XX"
            case .month: text += month.map { pad($0) } ?? "XX"
            case .monthName: text += month.flatMap { (1...12).contains($0) ? months[$0 - 1] : nil } ?? "XXX"
            case .year(let digits): text += digits == 2 ? pad(year % 100) : String(year)
            case .literal(let character): text.append(character)
            }
        }
        return text
    }

    private enum Token { case day, month, monthName, year(Int), literal(Character) }

    private static func tokenise(_ format: String) -> [Token]? {
        var tokens: [Token] = []
        var rest = Substring(format)
        while let first = rest.first {
            if rest.hasPrefix("yyyy") { tokens.append(.year(4)); rest = rest.dropFirst(4) }
            else if rest.hasPrefix("yy") { tokens.append(.year(2)); rest = rest.dropFirst(2) }
            else if rest.hasPrefix("MMM") { tokens.append(.monthName); rest = rest.dropFirst(3) }
            else if rest.hasPrefix("MM") { tokens.append(.month); rest = rest.dropFirst(2) }
            else if rest.hasPrefix("dd") { tokens.append(.day); rest = rest.dropFirst(2) }
            else if " ./-".contains(first) { tokens.append(.literal(first)); rest = rest.dropFirst() }
            else { return nil }
        }
        return tokens.isEmpty ? nil : tokens
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
