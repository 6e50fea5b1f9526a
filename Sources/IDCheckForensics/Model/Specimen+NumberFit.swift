import IDCheckMRZ
import IDCheckSpecimens

/// How a document number fits a model's pattern, allowing for OCR-B look-alikes.
public enum NumberFit: Sendable, Hashable {
    /// The number as read follows the pattern.
    case exact
    /// Read with look-alikes swapped (`O`↔`0`, `Q`/`D`→`0`, `I`↔`1`, `Z`↔`2`, `S`↔`5`, `G`↔`6`,
    /// `B`↔`8`), the number follows the pattern and its check digit still holds.
    case lookalike(String)
    /// It does not follow the pattern.
    case none

    public var fits: Bool { self != .none }
}

extension Specimen {
    static let letterAsDigit: [Character: Character] = ["O": "0", "Q": "0", "D": "0", "I": "1", "Z": "2", "S": "5", "G": "6", "B": "8"]
    static let digitAsLetter: [Character: Character] = ["0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B"]

    /// Whether the zone's document number follows this model's pattern, as read or with
    /// look-alike characters swapped. The ICAO check digit cannot always tell `O` from `0` (24 and
    /// 0 differ by a multiple of 10 when weighted 7 + 3, …), and the recogniser may settle a
    /// failing check on another look-alike (`Q`); the model's pattern can tell them apart. A
    /// swapped reading counts only if the document-number check digit holds for it too, with
    /// the fewest swaps, and at most 10 candidate positions are tried.
    public func numberFit(_ zone: MRZ.Zone) -> NumberFit {
        let number = zone.documentNumber
        guard !number.isEmpty else { return .none }
        if acceptsDocumentNumber(number) { return .exact }
        guard zone.documentNumberExtension == nil, let check = zone.checks.first(where: { $0.kind == .documentNumber }),
              check.passes, let regex = try? Regex(rules.documentNumberPattern) else { return .none }
        let characters = Array(number)
        let positions = characters.indices.filter { Self.letterAsDigit[characters[$0]] != nil || Self.digitAsLetter[characters[$0]] != nil }
        guard !positions.isEmpty, positions.count <= 10 else { return .none }
        var best: (changes: Int, text: String)?
        for mask in 1..<(1 << positions.count) {
            let changes = mask.nonzeroBitCount
            if let best, changes >= best.changes { continue }
            var variant = characters
            for (bit, position) in positions.enumerated() where mask & (1 << bit) != 0 {
                let character = characters[position]
                variant[position] = Self.letterAsDigit[character] ?? Self.digitAsLetter[character] ?? character
            }
            let text = String(variant)
            guard (try? regex.wholeMatch(in: text)) != nil, let digit = MRZ.CheckDigit.compute(text),
                  Character(String(digit)) == check.found else { continue }
            best = (changes, text)
        }
        return best.map { .lookalike($0.text) } ?? .none
    }
}
