extension MRZ {
    /// The sex field: `M`, `F`, `X` (unspecified, ICAO 9303 Part 4), or `<` (not given).
    public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
        case male = "M"
        case female = "F"
        case unspecified = "X"
        case notGiven = "<"

        init?(byte: UInt8) {
            switch byte {
            case UInt8(ascii: "M"): self = .male
            case UInt8(ascii: "F"): self = .female
            case UInt8(ascii: "X"): self = .unspecified
            case UInt8(ascii: "<"): self = .notGiven
            default: return nil
            }
        }

        var byte: UInt8 { rawValue.utf8.first ?? MRZCharacterClass.filler }
    }
}
