/// A watch-list file that cannot be used: which file, which line (1-based) and field, and what
/// is wrong. A broken line stops the import: a list that silently drops entries would let a
/// stolen document through.
public struct WatchListError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case unreadable(String)
        case empty
        case missingHeader(found: String)
        case missingColumn(String)
        case unknownColumn(String)
        case wrongFieldCount(expected: Int, found: Int)
        case unterminatedQuote
        case emptyField
        case invalidIssuingState(String)
        case invalidDocumentNumber(String)
        case invalidDate(String)
    }

    public let file: String
    /// 1-based line number, `nil` for the file as a whole.
    public let line: Int?
    /// The column name concerned.
    public let field: String?
    public let reason: Reason

    public init(file: String, line: Int?, field: String?, reason: Reason) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let field { place += ": \(field)" }
        let what: String
        switch reason {
        case .unreadable(let message): what = "cannot be read: \(message)"
        case .empty: what = "is empty; the first line must be the header issuingState,documentNumber[,date][,source]"
        case .missingHeader(let found): what = "the first line must be the header issuingState,documentNumber[,date][,source], found \"\(found)\""
        case .missingColumn(let name): what = "the header has no \(name) column"
        case .unknownColumn(let name): what = "unknown column \"\(name)\" (known: issuingState, documentNumber, date, source)"
        case let .wrongFieldCount(expected, found): what = "\(found) fields, the header has \(expected)"
        case .unterminatedQuote: what = "a quoted field is not closed"
        case .emptyField: what = "must not be empty"
        case .invalidIssuingState(let value): what = "\"\(value)\" is not an ICAO state code (1–3 letters, e.g. UTO or D)"
        case .invalidDocumentNumber(let value): what = "\"\(value)\" is not a document number (letters and digits)"
        case .invalidDate(let value): what = "\"\(value)\" is not a date as yyyy-mm-dd"
        }
        return "\(place): \(what)"
    }
}
