extension MRZ {
    /// One field of a parsed zone: where it is, what it holds, what that means.
    public struct FieldReading: Sendable, Hashable {
        public let field: Field
        public let span: Span
        /// The characters as printed, fillers included.
        public let raw: String
        /// The meaning: fillers read as spaces and trimmed, dates in ISO form with the precision
        /// known, names as `PRIMARY, SECONDARY`.
        public let value: String
    }
}
