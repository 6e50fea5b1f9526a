import Foundation
import IDCheckMRZ

/// Lost and stolen documents, imported from IDCheck's own CSV format: what an intake desk exports
/// from its SIS II or Interpol SLTD queries.
///
/// ```
/// issuingState,documentNumber,date,source
/// UTO,L898902C3,2024-05-01,SIS II
/// D,C01X00T47,,SLTD
/// ```
///
/// - UTF-8, one entry per line, comma-separated; a field may be double-quoted (`""` for a quote).
/// - The first line is the header. `issuingState` and `documentNumber` are required, `date`
///   (when reported lost or stolen, `yyyy-mm-dd`) and `source` optional, in any order.
/// - Blank lines and lines starting with `#` are ignored.
/// - The issuing state is written as in the MRZ (`D`, not `DEU`); the document number is
///   compared without spaces, `<` fillers or case, and with the letter O and the digit 0 as one.
/// - A broken line stops the import with a ``WatchListError`` naming the line: it is never skipped.
public struct WatchList: Sendable {
    /// One listed document.
    public struct Entry: Sendable, Hashable {
        public var issuingState: String
        public var documentNumber: String
        public var date: MRZ.CalendarDate?
        public var source: String?
        /// 1-based line in the file.
        public var line: Int
    }

    public let file: String
    public let entries: [Entry]
    /// The first entry for each issuer and normalised number.
    private let index: [String: Int]

    public init(entries: [Entry], file: String = "-") {
        self.file = file
        self.entries = entries
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[Self.matchingKey(entry.issuingState, entry.documentNumber)] == nil {
            index[Self.matchingKey(entry.issuingState, entry.documentNumber)] = position
        }
        self.index = index
    }

    /// Reads and validates a list file.
    public static func load(path: String) throws(WatchListError) -> WatchList {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WatchListError(file: path, line: nil, field: nil, reason: .unreadable((error as NSError).localizedDescription))
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses the CSV text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(WatchListError) -> WatchList {
        var header: [String]?
        var columns: (state: Int, number: Int, date: Int?, source: Int?) = (0, 0, nil, nil)
        var entries: [Entry] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on any newline character.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let fields = splitFields(line) else {
                throw WatchListError(file: file, line: lineNumber, field: nil, reason: .unterminatedQuote)
            }
            guard let names = header else {
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                guard names.contains("issuingState") || names.contains("documentNumber") else {
                    throw WatchListError(file: file, line: lineNumber, field: nil, reason: .missingHeader(found: String(line.prefix(60))))
                }
                for name in names where !["issuingState", "documentNumber", "date", "source"].contains(name) {
                    throw WatchListError(file: file, line: lineNumber, field: name, reason: .unknownColumn(name))
                }
                guard let state = names.firstIndex(of: "issuingState") else {
                    throw WatchListError(file: file, line: lineNumber, field: "issuingState", reason: .missingColumn("issuingState"))
                }
                guard let number = names.firstIndex(of: "documentNumber") else {
                    throw WatchListError(file: file, line: lineNumber, field: "documentNumber", reason: .missingColumn("documentNumber"))
                }
                columns = (state, number, names.firstIndex(of: "date"), names.firstIndex(of: "source"))
                header = names
                continue
            }
            guard fields.count == names.count else {
                throw WatchListError(file: file, line: lineNumber, field: nil, reason: .wrongFieldCount(expected: names.count, found: fields.count))
            }
            let state = fields[columns.state].trimmingCharacters(in: .whitespaces).uppercased()
            guard !state.isEmpty else { throw WatchListError(file: file, line: lineNumber, field: "issuingState", reason: .emptyField) }
            guard state.count <= 3, state.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
                throw WatchListError(file: file, line: lineNumber, field: "issuingState", reason: .invalidIssuingState(state))
            }
            let rawNumber = fields[columns.number]
            let number = normalisedNumber(rawNumber)
            guard !number.isEmpty else { throw WatchListError(file: file, line: lineNumber, field: "documentNumber", reason: .emptyField) }
            guard number.unicodeScalars.allSatisfy({ ($0.value >= 65 && $0.value <= 90) || ($0.value >= 48 && $0.value <= 57) }) else {
                throw WatchListError(file: file, line: lineNumber, field: "documentNumber", reason: .invalidDocumentNumber(rawNumber))
            }
            var date: MRZ.CalendarDate?
            if let column = columns.date {
                let text = fields[column].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let parsed = MRZ.CalendarDate(iso: text) else {
                        throw WatchListError(file: file, line: lineNumber, field: "date", reason: .invalidDate(text))
                    }
                    date = parsed
                }
            }
            let source = columns.source.map { fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            entries.append(Entry(issuingState: state, documentNumber: number, date: date, source: source, line: lineNumber))
        }
        guard header != nil else { throw WatchListError(file: file, line: nil, field: nil, reason: .empty) }
        return WatchList(entries: entries, file: file)
    }

    /// The entry listing this issuer's document number, if any.
    public func entry(issuingState: String, documentNumber: String) -> Entry? {
        index[Self.matchingKey(issuingState, Self.normalisedNumber(documentNumber))].map { entries[$0] }
    }

    /// Upper case, without spaces and `<` fillers.
    static func normalisedNumber<S: StringProtocol>(_ text: S) -> String {
        String(text.uppercased().filter { $0 != " " && $0 != "<" && $0 != "\t" })
    }

    /// The comparison key of a number: the letter O and the digit 0 count as one character,
    /// since scans of OCR-B confuse them and the check digit cannot always tell them apart.
    static func matchingKey(_ state: String, _ normalisedNumber: String) -> String {
        state + "|" + String(normalisedNumber.map { $0 == "O" ? "0" : $0 })
    }

    /// Splits one CSV line; `nil` when a quote is not closed.
    static func splitFields(_ line: Substring) -> [String]? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty {
                current = ""
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if quoted { return nil }
        fields.append(current)
        return fields
    }
}
