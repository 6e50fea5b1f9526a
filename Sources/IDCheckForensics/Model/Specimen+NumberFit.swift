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
    /// 0 differ by a multiple of 10 when weighted 7 + 3, …), and the reader may settle a failing
    /// check on another look-alike (`Q` or `G` where the print has `0`); the model's pattern can
    /// tell them apart. A swapped reading counts only if the check digit holds for it too.
    public func numberFit(_ zone: MRZ.Zone) -> NumberFit {
        let number = zone.documentNumber
        guard !number.isEmpty else { return .none }
        if acceptsDocumentNumber(number) { return .exact }
        guard zone.documentNumberExtension == nil, let check = zone.checks.first(where: { $0.kind == .documentNumber }),
              check.passes, let span = zone.field(.documentNumber)?.span,
              let resolved = Self.lookalikeReading(number, span: span, zone: zone, pattern: rules.documentNumberPattern,
                                                   checkDigit: check.found) else { return .none }
        return .lookalike(resolved)
    }

    /// The reading of `text` (at `span` of the zone) with the fewest look-alike swaps that matches
    /// `pattern` wholly and, when `checkDigit` is given, has that check digit. Each position may
    /// take its look-alike, and a position the reader corrected may also take its first reading
    /// (and that reading's look-alike). At most 10 positions are tried.
    static func lookalikeReading(_ text: String, span: MRZ.Span, zone: MRZ.Zone, pattern: String, checkDigit: Character?) -> String? {
        guard let regex = try? Regex(pattern) else { return nil }
        let characters = Array(text)
        var options: [(position: Int, choices: [Character])] = []
        for (index, character) in characters.enumerated() {
            var choices: [Character] = []
            let original = zone.corrections.first { $0.position.line == span.line && $0.position.column == span.start + index }?.original
            for candidate in [original, letterAsDigit[character], digitAsLetter[character],
                              original.flatMap { letterAsDigit[$0] }, original.flatMap { digitAsLetter[$0] }] {
                if let candidate, candidate != character, !choices.contains(candidate) { choices.append(candidate) }
            }
            if !choices.isEmpty { options.append((index, choices)) }
        }
        guard !options.isEmpty, options.count <= 10 else { return nil }
        var best: (changes: Int, text: String)?
        func search(_ next: Int, _ variant: inout [Character], _ changes: Int) {
            if let best, changes >= best.changes { return }
            if next == options.count {
                guard changes > 0 else { return }
                let candidate = String(variant)
                guard (try? regex.wholeMatch(in: candidate)) != nil else { return }
                if let checkDigit {
                    guard let digit = MRZ.CheckDigit.compute(candidate), Character(String(digit)) == checkDigit else { return }
                }
                best = (changes, candidate)
                return
            }
            search(next + 1, &variant, changes)
            let position = options[next].position
            let kept = variant[position]
            for choice in options[next].choices {
                variant[position] = choice
                search(next + 1, &variant, changes + 1)
            }
            variant[position] = kept
        }
        var variant = characters
        search(0, &variant, 0)
        return best?.text
    }
}
