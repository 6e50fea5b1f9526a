import IDCheckImaging
import IDCheckMRZ

extension Indicator {
    /// What an indicator rests on: where on the image and in the MRZ, what the document should
    /// show and what it shows, and a score where the check measures one.
    public struct Evidence: Sendable, Hashable, Codable {
        /// Which image of the document (0-based, in the order given) the region is on.
        public var page: Int?
        /// The region on that image: a 4-point polygon in pixels of the upright image, clockwise
        /// from the top-left.
        public var region: [Point]?
        /// Where in the MRZ text (0-based line, end-exclusive columns).
        public var mrzSpan: MRZ.Span?
        /// The MRZ field or specimen zone concerned (`documentNumber`, `photo`…).
        public var field: String?
        /// What a genuine document would show here.
        public var expected: String?
        /// What this document shows.
        public var observed: String?
        /// A measured value where the check has one (a confidence, a similarity), 0…1.
        public var score: Double?
        /// Whether `expected`/`observed` are personal data (names, numbers, birth dates): hidden by `--redact`.
        public var personal: Bool

        public init(page: Int? = nil, region: [Point]? = nil, mrzSpan: MRZ.Span? = nil, field: String? = nil,
                    expected: String? = nil, observed: String? = nil, score: Double? = nil, personal: Bool = false) {
            self.page = page
            self.region = region
            self.mrzSpan = mrzSpan
            self.field = field
            self.expected = expected
            self.observed = observed
            self.score = score
            self.personal = personal
        }

        /// A copy with personal values replaced by `[redacted]`.
        public func redacted() -> Evidence {
            guard personal else { return self }
            var copy = self
            if copy.expected != nil { copy.expected = Evidence.redactionMark }
            if copy.observed != nil { copy.observed = Evidence.redactionMark }
            return copy
        }

        public static let redactionMark = "[redacted]"
    }
}
