extension MRZ {
    /// The outcome of one check digit: which data it covers, the digit those data call for, and
    /// the character the zone holds in its place.
    public struct Check: Sendable, Hashable {
        /// Which data a check digit protects.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case documentNumber, birthDate, expiryDate, personalNumber, composite
        }

        /// What the zone's character says about the covered data.
        public enum Status: String, Sendable, Hashable, Codable {
            /// The character is the expected digit.
            case valid
            /// The character is a digit, but not the expected one.
            case invalid
            /// The character is not a digit (a letter, or `<` where ICAO does not allow it).
            case notADigit
            /// `<` over data that are all fillers, where ICAO allows it (the TD3 personal number).
            case blank
        }

        public let kind: Kind
        /// Where the check digit sits.
        public let position: Position
        /// The ranges the digit is computed over, in order.
        public let covers: [Span]
        /// The digit (0–9) the covered data call for.
        public let expected: Int
        /// The byte found at ``position``.
        let foundByte: UInt8
        public let status: Status

        /// The character found at ``position``.
        public var found: Character { Character(Unicode.Scalar(foundByte)) }

        /// Whether the check holds (``Status/valid`` or an allowed ``Status/blank``).
        public var passes: Bool { status == .valid || status == .blank }

        /// The field that holds the digit.
        public var field: Field {
            switch kind {
            case .documentNumber: .documentNumberCheckDigit
            case .birthDate: .birthDateCheckDigit
            case .expiryDate: .expiryDateCheckDigit
            case .personalNumber: .personalNumberCheckDigit
            case .composite: .compositeCheckDigit
            }
        }
    }
}
