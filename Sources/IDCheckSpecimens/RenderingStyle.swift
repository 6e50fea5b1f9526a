extension Specimen {
    /// How the project's renderer draws a model: paper and ink colours, fonts, background pattern.
    ///
    /// Only the bundled fictional models have one; checks never read it (they compare against
    /// the reference image), so a real model described from a scan leaves it out.
    public struct RenderingStyle: Sendable, Hashable, Codable {
        /// Paper colours at the top-left and bottom-right corners (a gradient runs between them).
        public let paper: [String]
        /// Colour of personal data and of the MRZ.
        public let ink: String
        /// Colour of captions and static text.
        public let accent: String
        /// Font of the captions (file name, see `SystemFonts`).
        public let labelFont: String
        /// Font of personal data in the visual zone.
        public let valueFont: String
        /// Font of static text such as the title.
        public let titleFont: String
        public let pattern: Pattern
        /// Corner radius relative to the side's height (cards are rounded, booklet pages square).
        public let cornerRadius: Double

        public init(paper: [String], ink: String, accent: String, labelFont: String, valueFont: String,
                    titleFont: String, pattern: Pattern, cornerRadius: Double) {
            self.paper = paper
            self.ink = ink
            self.accent = accent
            self.labelFont = labelFont
            self.valueFont = valueFont
            self.titleFont = titleFont
            self.pattern = pattern
            self.cornerRadius = cornerRadius
        }

        /// A procedural guilloche-like background: fine line families drawn over the whole side.
        public struct Pattern: Sendable, Hashable, Codable {
            /// The pattern families: `rosette` (epitrochoid rosettes), `waves` (phase-shifted
            /// sine bands), `mesh` (two crossing wave families), `rings` (concentric modulated rings).
            public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case rosette, waves, mesh, rings }

            public let kind: Kind
            /// Line colours, used in turn.
            public let colours: [String]
            /// How many lines per family (roughly proportional to the ink density).
            public let lines: Int
            /// Fixes the pattern: every document of the model shows the same pattern.
            public let seed: UInt64

            public init(kind: Kind, colours: [String], lines: Int, seed: UInt64) {
                self.kind = kind
                self.colours = colours
                self.lines = lines
                self.seed = seed
            }
        }
    }
}
