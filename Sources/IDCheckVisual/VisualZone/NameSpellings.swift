import IDCheckMRZ

/// The printed spellings of a name the MRZ gives in ICAO transliteration, as a ``LineGraph``.
///
/// The visual zone prints names in the holder's script (`MÜLLER`, `ИВАНОВА`, `ΠΑΠΑΔΟΠΟΥΛΟΣ`)
/// while the MRZ holds `MUELLER`, `IVANOVA`, `PAPADOPOULOS`. Rather than reading the print and
/// transliterating, the check asks which printed letters *could* stand for each run of MRZ
/// letters (the inverse of ``MRZ/Transliteration``, both umlaut forms) and lets the matcher
/// find the spelling that explains the ink: a genuine `MÜLLER` is a path of the graph for
/// `MUELLER`; a forged `SMITH` is not.
enum NameSpellings {
    /// A family of letters looked for together: most names are in one script.
    enum Script: CaseIterable, Sendable {
        case latin, cyrillic, greek

        var ranges: [ClosedRange<UInt32>] {
            switch self {
            case .latin: [0x41...0x5A, 0xC0...0x24F, 0x1E00...0x1EFF]
            case .cyrillic: [0x400...0x4FF]
            case .greek: [0x370...0x3FF]
            }
        }
    }

    /// MRZ spelling → printed letters of a script that are written so.
    private static let inverse: [Script: [String: [Unicode.Scalar]]] = {
        var result: [Script: [String: [Unicode.Scalar]]] = [:]
        for script in Script.allCases {
            var table: [String: [Unicode.Scalar]] = [:]
            for range in script.ranges {
                for value in range {
                    guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase || scalar.properties.changesWhenLowercased else { continue }
                    let character = String(scalar)
                    guard character.uppercased() == character else { continue }
                    for umlauts in MRZ.Transliteration.Umlauts.allCases {
                        let written = MRZ.Transliteration.mrz(character, umlauts: umlauts)
                        guard written.unmapped.isEmpty, !written.text.contains("<") else { continue }
                        if !(table[written.text]?.contains(scalar) ?? false) { table[written.text, default: []].append(scalar) }
                    }
                }
            }
            result[script] = table
        }
        return result
    }()

    /// Printed between name components where the MRZ has a filler.
    static let separators: [Unicode.Scalar] = [" ", "-"]
    /// Printed but omitted from the MRZ: apostrophes.
    static let omitted: [Unicode.Scalar] = ["'", "\u{2019}"]

    /// The graph of the printed spellings of `mrzName` (A–Z and spaces, as ``MRZ/Name`` gives
    /// it) in `script`; `nil` for the plain spelling (the MRZ letters themselves).
    static func graph(for mrzName: String, script: Script?) -> LineGraph {
        let letters = Array(mrzName.unicodeScalars)
        var graph = LineGraph(nodeCount: letters.count + 1)
        let table = script.flatMap { inverse[$0] } ?? [:]
        let longest = table.keys.map(\.count).max() ?? 1
        for index in letters.indices {
            if letters[index] == " " {
                for separator in separators { graph.add(from: index, to: index + 1, text: String(separator)) }
                continue
            }
            graph.add(from: index, to: index + 1, text: String(letters[index]))
            guard script != nil else { continue }
            for length in 1...max(1, longest) where index + length <= letters.count {
                let run = String(String.UnicodeScalarView(letters[index..<(index + length)]))
                guard !run.contains(" "), let printed = table[run] else { continue }
                for scalar in printed where !(length == 1 && String(scalar) == run) {
                    graph.add(from: index, to: index + length, text: String(scalar), label: run)
                }
            }
            // Letters the MRZ drops (soft sign) and apostrophes, before this MRZ letter.
            for scalar in (table[""] ?? []) + omitted { graph.add(from: index, to: index, text: String(scalar), label: "") }
        }
        return graph
    }
}
