/// The MRZ alphabet and the character classes fields are restricted to (ICAO 9303 Part 3).
///
/// Lookups go through a 256-entry table so that validating a whole zone is one pass over its bytes.
enum MRZCharacterClass {
    static let filler: UInt8 = 0x3C  // "<"

    /// Bit set per byte: which classes the byte belongs to.
    struct Membership: OptionSet, Sendable {
        let rawValue: UInt8
        static let letter = Membership(rawValue: 1)
        static let digit = Membership(rawValue: 2)
        static let filler = Membership(rawValue: 4)
        /// `X` is read as "unknown" in dates besides `<`.
        static let dateUnknown = Membership(rawValue: 8)
    }

    /// What a field position may hold.
    enum Kind: UInt8, Sendable {
        /// A–Z and `<`.
        case alphabetic
        /// 0–9 and `<`.
        case numeric
        /// 0–9 only (check digits; `<` is decided by the check itself).
        case digit
        /// 0–9, `<`, `X` (dates whose day or month may be unknown).
        case date
        /// A–Z, 0–9 and `<`.
        case alphanumeric
        /// `<` only.
        case filler

        func admits(_ byte: UInt8) -> Bool {
            let member = MRZCharacterClass.table[Int(byte)]
            switch self {
            case .alphabetic: return !member.isDisjoint(with: [.letter, .filler])
            case .numeric: return !member.isDisjoint(with: [.digit, .filler])
            case .digit: return member.contains(.digit) || byte == MRZCharacterClass.filler
            case .date: return !member.isDisjoint(with: [.digit, .filler, .dateUnknown])
            case .alphanumeric: return !member.isEmpty
            case .filler: return byte == MRZCharacterClass.filler
            }
        }
    }

    static let table: [Membership] = {
        var table = [Membership](repeating: [], count: 256)
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)].insert(.letter) }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)].insert(.digit) }
        table[Int(filler)].insert(.filler)
        table[Int(UInt8(ascii: "X"))].insert(.dateUnknown)
        return table
    }()

    /// Per byte, one bit per ``Kind`` (bit `kind.rawValue`) that admits it, and bit 7 for "in the
    /// MRZ alphabet": the hot loops test a whole zone against this one table.
    static let admission: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let kinds: [Kind] = [.alphabetic, .numeric, .digit, .date, .alphanumeric, .filler]
        for byte in 0..<256 {
            var bits: UInt8 = isMRZ(UInt8(byte)) ? 0x80 : 0
            for kind in kinds where kind.admits(UInt8(byte)) { bits |= 1 << kind.rawValue }
            table[byte] = bits
        }
        return table
    }()

    /// Whether `byte` is in the MRZ alphabet (A–Z, 0–9, `<`).
    @inline(__always)
    static func isMRZ(_ byte: UInt8) -> Bool { !table[Int(byte)].isEmpty }

    /// Characters that OCR and typists confuse, letter → digit. Used for suggestions and for
    /// ranking, never to change a confidently read character.
    static let letterToDigit: [UInt8: UInt8] = [
        UInt8(ascii: "O"): UInt8(ascii: "0"), UInt8(ascii: "Q"): UInt8(ascii: "0"),
        UInt8(ascii: "D"): UInt8(ascii: "0"), UInt8(ascii: "U"): UInt8(ascii: "0"),
        UInt8(ascii: "I"): UInt8(ascii: "1"), UInt8(ascii: "L"): UInt8(ascii: "1"),
        UInt8(ascii: "Z"): UInt8(ascii: "2"), UInt8(ascii: "S"): UInt8(ascii: "5"),
        UInt8(ascii: "G"): UInt8(ascii: "6"), UInt8(ascii: "T"): UInt8(ascii: "7"),
        UInt8(ascii: "B"): UInt8(ascii: "8"), UInt8(ascii: "A"): UInt8(ascii: "4"),
    ]

    /// Digit → letter, the other way round.
    static let digitToLetter: [UInt8: UInt8] = [
        UInt8(ascii: "0"): UInt8(ascii: "O"), UInt8(ascii: "1"): UInt8(ascii: "I"),
        UInt8(ascii: "2"): UInt8(ascii: "Z"), UInt8(ascii: "5"): UInt8(ascii: "S"),
        UInt8(ascii: "6"): UInt8(ascii: "G"), UInt8(ascii: "7"): UInt8(ascii: "T"),
        UInt8(ascii: "8"): UInt8(ascii: "B"), UInt8(ascii: "4"): UInt8(ascii: "A"),
    ]
}
