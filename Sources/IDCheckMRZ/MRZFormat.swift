extension MRZ {
    /// The layout of a machine readable zone: how many lines, how long, and where each field sits.
    ///
    /// The five ICAO 9303 layouts, plus two national layouts that predate or sit beside ICAO and
    /// that readers of real documents meet often.
    public enum Format: String, CaseIterable, Sendable, Hashable, Codable {
        /// Size-1 card, 3 lines of 30 (ICAO 9303 Part 5).
        case td1
        /// Size-2 card or document, 2 lines of 36 (ICAO 9303 Part 6).
        case td2
        /// Passport booklet, 2 lines of 44 (ICAO 9303 Part 4).
        case td3
        /// Format-A visa, 2 lines of 44 (ICAO 9303 Part 7).
        case mrvA
        /// Format-B visa, 2 lines of 36 (ICAO 9303 Part 7).
        case mrvB
        /// French national identity card issued 1988–2021: 2 lines of 36 in a national layout.
        case frenchIdentityCard
        /// Swiss driving licence (credit-card format): 3 lines of 9, 30 and 30.
        case swissDrivingLicence

        /// The length of each line, top to bottom.
        public var lineLengths: [Int] {
            switch self {
            case .td1: Format.lengths30x3
            case .td2, .mrvB, .frenchIdentityCard: Format.lengths36x2
            case .td3, .mrvA: Format.lengths44x2
            case .swissDrivingLicence: Format.lengthsSwiss
            }
        }

        // Shared arrays, so that asking for a layout's geometry in the hot path allocates nothing.
        private static let lengths30x3 = [30, 30, 30], lengths36x2 = [36, 36], lengths44x2 = [44, 44]
        private static let lengthsSwiss = [9, 30, 30]
        private static let offsets30x3 = [0, 30, 60], offsets36x2 = [0, 36], offsets44x2 = [0, 44]
        private static let offsetsSwiss = [0, 9, 39]

        /// A name for people, as ICAO and issuers write it.
        public var displayName: String {
            switch self {
            case .td1: "TD1 (3×30)"
            case .td2: "TD2 (2×36)"
            case .td3: "TD3 (2×44)"
            case .mrvA: "MRV-A visa (2×44)"
            case .mrvB: "MRV-B visa (2×36)"
            case .frenchIdentityCard: "French identity card, 1988–2021 (2×36)"
            case .swissDrivingLicence: "Swiss driving licence (9, 30, 30)"
            }
        }

        /// The offset of each line in a zone's contiguous storage (lines stored without separators).
        var lineOffsets: [Int] {
            switch self {
            case .td1: Format.offsets30x3
            case .td2, .mrvB, .frenchIdentityCard: Format.offsets36x2
            case .td3, .mrvA: Format.offsets44x2
            case .swissDrivingLicence: Format.offsetsSwiss
            }
        }

        var totalLength: Int {
            switch self {
            case .td1: 90
            case .td2, .mrvB, .frenchIdentityCard: 72
            case .td3, .mrvA: 88
            case .swissDrivingLicence: 69
            }
        }
    }
}
