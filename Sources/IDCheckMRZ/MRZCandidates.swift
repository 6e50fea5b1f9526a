extension MRZ {
    /// A recogniser's reading of a zone with its alternatives: for every position, the characters
    /// it considered and their scores (higher is more confident; any scale, e.g. 0–1).
    public struct Candidates: Sendable, Hashable {
        /// One character the recogniser considered at a position.
        public struct Alternative: Sendable, Hashable {
            public var character: Character
            public var score: Double

            public init(_ character: Character, score: Double) {
                self.character = character
                self.score = score
            }
        }

        /// Line → position → alternatives, in any order.
        public var lines: [[[Alternative]]]

        public init(lines: [[[Alternative]]]) {
            self.lines = lines
        }

        /// A reading with no alternatives: every character read with `score`.
        public init(text lines: [String], score: Double = 1) {
            self.lines = lines.map { line in line.map { [Alternative($0, score: score)] } }
        }

        /// Replaces the alternatives at one position.
        public mutating func set(line: Int, column: Int, _ alternatives: [Alternative]) {
            guard lines.indices.contains(line), lines[line].indices.contains(column) else { return }
            lines[line][column] = alternatives
        }
    }

    /// How far a recogniser's alternative may score below its first choice and still be chosen
    /// by a check digit.
    public struct CorrectionOptions: Sendable, Hashable {
        /// Alternatives scoring at least `best - margin` are low-margin, and may be chosen; a
        /// character whose alternatives all score lower was read confidently and is never changed.
        public var margin: Double
        /// At most this many characters are changed to make one check digit hold.
        public var maximumChangesPerCheck: Int
        /// How far below its first choice the recogniser's alternative of the right class may
        /// score and still replace a first choice the field cannot hold (an O in a date). Wider
        /// than ``margin``: such a first choice cannot stand whatever its score, and OCR-B's
        /// look-alikes (O and 0 above all) are told apart by little more than their width once
        /// characters are small and blurred.
        public var classMargin: Double

        public init(margin: Double = 0.15, maximumChangesPerCheck: Int = 2) {
            self.init(margin: margin, maximumChangesPerCheck: maximumChangesPerCheck, classMargin: CorrectionOptions.defaultClassMargin)
        }

        /// The class margin is never narrower than `margin`.
        public init(margin: Double = 0.15, maximumChangesPerCheck: Int = 2, classMargin: Double) {
            self.margin = margin
            self.maximumChangesPerCheck = max(1, min(maximumChangesPerCheck, 3))
            self.classMargin = max(margin, classMargin)
        }

        /// The class margin when none is given: any alternative of the right class the recogniser
        /// offers (its scores are probabilities) may replace a first choice the field cannot hold.
        public static let defaultClassMargin = 1.0
    }
}
