extension MRZ {
    /// One character changed from the recogniser's first reading to one of its own low-margin
    /// alternatives, with both readings and their scores, so that the change can be reviewed.
    public struct Correction: Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable, Codable {
            /// The alternative makes a failing check digit hold.
            case checkDigit
            /// The first reading is not allowed in the field (a letter in a date); the alternative is.
            case characterClass
        }

        public let position: Position
        public let field: Field?
        public let original: Character
        public let originalScore: Double
        public let corrected: Character
        public let correctedScore: Double
        public let reason: Reason
    }
}
