extension Indicator {
    /// How much an indicator weighs in the verdict.
    ///
    /// - ``info``: worth knowing, no doubt about the document (a check that could not be run, a
    ///   character the ICAO grammar put right).
    /// - ``warning``: a person should look (expired, a model rule broken, a reading decided by a
    ///   check digit); the verdict becomes `review`.
    /// - ``critical``: a genuine document of any model cannot show this (a failing check digit,
    ///   a watch-list hit, expiry before birth); the verdict becomes `suspect`.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case info, warning, critical

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .critical: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }
}
