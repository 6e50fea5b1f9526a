/// Why text could not be read as a machine readable zone at all, and where.
///
/// A zone that is well-formed but fails a check is not an error: it parses into an
/// ``MRZ/Zone`` whose ``MRZ/Zone/isValid`` is `false`. This error is for text that is not an MRZ:
/// empty, too large, the wrong number or length of lines, or characters outside the MRZ alphabet.
public struct MRZParsingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Nothing but whitespace.
        case empty
        /// More bytes than any MRZ could take, refused before it is scanned.
        case inputTooLong(bytes: Int, limit: Int)
        /// Not 2 or 3 lines.
        case wrongLineCount(found: Int)
        /// A line of the wrong length for the format the zone was taken to be.
        case wrongLineLength(expected: Int, found: Int)
        /// A lower-case letter (MRZ text is upper case only).
        case lowercaseCharacter(Character)
        /// A character outside A–Z, 0–9 and `<`.
        case invalidCharacter(Character)
        /// A recogniser position with no alternatives at all.
        case emptyCandidatePosition
    }

    public let reason: Reason
    /// 0-based line of the problem, among the non-blank lines, when there is one.
    public let line: Int?
    /// 0-based column of the problem, when there is one.
    public let column: Int?
    /// A zone that would be well-formed and pass every check, found by adjusting the count of
    /// `<` fillers; only a suggestion, the input stays malformed.
    public internal(set) var suggestedLines: [String]?

    init(_ reason: Reason, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// A stable identifier for reports (`wrongLineLength`, `invalidCharacter`…).
    public var code: String {
        switch reason {
        case .empty: "empty"
        case .inputTooLong: "inputTooLong"
        case .wrongLineCount: "wrongLineCount"
        case .wrongLineLength: "wrongLineLength"
        case .lowercaseCharacter: "lowercaseCharacter"
        case .invalidCharacter: "invalidCharacter"
        case .emptyCandidatePosition: "emptyCandidatePosition"
        }
    }

    public var description: String {
        let place: String
        switch (line, column) {
        case let (line?, column?): place = "line \(line + 1), column \(column + 1): "
        case let (line?, nil): place = "line \(line + 1): "
        default: place = ""
        }
        switch reason {
        case .empty: return "no MRZ text given"
        case let .inputTooLong(bytes, limit): return "input of \(bytes) bytes is too long for an MRZ (at most \(limit))"
        case let .wrongLineCount(found): return "\(found) lines; an MRZ has 2 or 3"
        case let .wrongLineLength(expected, found): return place + "\(found) characters, expected \(expected)"
        case let .lowercaseCharacter(character): return place + "lower-case '\(character)'; MRZ text is upper case"
        case let .invalidCharacter(character):
            let shown = character.unicodeScalars.first.map { $0.value < 0x20 ? "U+" + String($0.value, radix: 16, uppercase: true) : String(character) } ?? "?"
            return place + "'\(shown)' is not in the MRZ alphabet (A–Z, 0–9, <)"
        case .emptyCandidatePosition: return place + "the recogniser gave no alternatives at this position"
        }
    }
}
