extension MRZ {
    /// A fix a person may want to consider for typed or pasted text. Never applied: the verdict
    /// is always that of the text as given.
    public struct Suggestion: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A character of the wrong class that is commonly confused with one of the right class
            /// (`O` typed for `0` in a date, `0` for `O` in a name).
            case characterClass
            /// A different count of `<` fillers would give lines of the right length.
            case fillerCount
        }

        public let kind: Kind
        public let field: Field?
        public let span: Span
        public let original: String
        public let suggested: String
        /// Whether the zone with this fix applied passes every check digit and rule.
        public let makesZoneValid: Bool

        public init(kind: Kind, field: Field?, span: Span, original: String, suggested: String, makesZoneValid: Bool) {
            self.kind = kind
            self.field = field
            self.span = span
            self.original = original
            self.suggested = suggested
            self.makesZoneValid = makesZoneValid
        }
    }
}
