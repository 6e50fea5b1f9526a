/// Where a report comes from, so that it can be reproduced: the tool version, the check date,
/// the specimen library and watch list used (with their fingerprints), the thresholds and the
/// rules run. The inputs' SHA-256 sit beside it in the report.
public struct Provenance: Sendable, Hashable, Codable {
    /// The specimen library a run used.
    public struct Library: Sendable, Hashable, Codable {
        public var directory: String
        /// `--specimens`, `IDCHECK_SPECIMENS` or `bundled`.
        public var source: String
        /// SHA-256 over every model's description and the names and sizes of its reference images.
        public var sha256: String
        public var models: [String]
        /// Models that failed to load, each with its file and field.
        public var problems: [String]

        public init(directory: String, source: String, sha256: String, models: [String], problems: [String]) {
            self.directory = directory
            self.source = source
            self.sha256 = sha256
            self.models = models
            self.problems = problems
        }
    }

    /// The watch list a run used.
    public struct List: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        public var entries: Int

        public init(path: String, sha256: String, entries: Int) {
            self.path = path
            self.sha256 = sha256
            self.entries = entries
        }
    }

    public var toolVersion: String
    /// The day the documents were judged on, `yyyy-mm-dd`.
    public var checkDate: String
    public var specimenLibrary: Library?
    public var watchList: List?
    /// Named thresholds, e.g. `correctionMargin`, `maximumAgeYears`.
    public var thresholds: [String: Double]
    /// The rules run (``IndicatorRule/name``), in order.
    public var rules: [String]

    public init(toolVersion: String, checkDate: String, specimenLibrary: Library?, watchList: List?,
                thresholds: [String: Double], rules: [String]) {
        self.toolVersion = toolVersion
        self.checkDate = checkDate
        self.specimenLibrary = specimenLibrary
        self.watchList = watchList
        self.thresholds = thresholds
        self.rules = rules
    }
}
