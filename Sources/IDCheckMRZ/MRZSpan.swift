extension MRZ {
    /// Where something sits in a zone: a line (0-based) and a column range (0-based, end-exclusive).
    public struct Span: Sendable, Hashable, Codable {
        public var line: Int
        public var start: Int
        public var end: Int

        public init(line: Int, start: Int, end: Int) {
            self.line = line
            self.start = start
            self.end = end
        }

        public var count: Int { end - start }
    }

    /// One character position in a zone: line and column, both 0-based.
    public struct Position: Sendable, Hashable, Codable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }
}
