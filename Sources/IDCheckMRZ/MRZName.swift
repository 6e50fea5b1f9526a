extension MRZ {
    /// The holder's name as the zone gives it: the primary identifier (surname), the secondary
    /// identifier (given names), fillers read as spaces.
    public struct Name: Sendable, Hashable, Codable {
        /// Surname(s), components separated by single spaces.
        public var primaryIdentifier: String
        /// Given name(s), components separated by single spaces; empty when there are none.
        public var secondaryIdentifier: String
        /// The name field is filled to its last character, so the issuer may have truncated it
        /// (ICAO 9303 Part 3 ends a truncated name with a letter, never a filler).
        public var possiblyTruncated: Bool

        public init(primaryIdentifier: String, secondaryIdentifier: String, possiblyTruncated: Bool) {
            self.primaryIdentifier = primaryIdentifier
            self.secondaryIdentifier = secondaryIdentifier
            self.possiblyTruncated = possiblyTruncated
        }

        /// Splits an ICAO name field at its first `<<`.
        init<C: BidirectionalCollection>(field bytes: C) where C.Element == UInt8 {
            var primary: [UInt8] = []
            var secondary: [UInt8] = []
            var inSecondary = false
            var previousWasFiller = false
            for byte in bytes {
                if !inSecondary, byte == MRZCharacterClass.filler, previousWasFiller {
                    inSecondary = true
                    if primary.last == MRZCharacterClass.filler { primary.removeLast() }
                    previousWasFiller = false
                    continue
                }
                previousWasFiller = byte == MRZCharacterClass.filler
                if inSecondary { secondary.append(byte) } else { primary.append(byte) }
            }
            primaryIdentifier = Name.readable(primary)
            secondaryIdentifier = Name.readable(secondary)
            possiblyTruncated = bytes.last.map { $0 != MRZCharacterClass.filler } ?? false
        }

        /// Fillers become spaces; runs collapse; ends trimmed.
        static func readable<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == MRZCharacterClass.filler {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
