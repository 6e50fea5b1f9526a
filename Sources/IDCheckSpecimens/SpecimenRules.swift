import IDCheckMRZ

extension Specimen {
    /// The model's rules for its data: what a genuine document of this model can contain.
    public struct Rules: Sendable, Hashable {
        /// A regular expression the whole document number must match, e.g. `[A-Z]{2}[0-9]{7}`.
        public let documentNumberPattern: String
        /// The validity periods the issuer grants, in whole years from issue to expiry (e.g. [5, 10]).
        public let validityYears: [Int]
        /// The sexes the issuer prints (`M`, `F`, `X`, `<`).
        public let allowedSexes: [MRZ.Sex]
        /// A regular expression for the optional data / personal number, if the issuer defines it.
        public let optionalDataPattern: String?

        public init(documentNumberPattern: String, validityYears: [Int], allowedSexes: [MRZ.Sex], optionalDataPattern: String? = nil) {
            self.documentNumberPattern = documentNumberPattern
            self.validityYears = validityYears
            self.allowedSexes = allowedSexes
            self.optionalDataPattern = optionalDataPattern
        }
    }

    /// A known departure from ICAO 9303 that the issuer makes on purpose (checks read these so
    /// that a genuine document is not flagged for it).
    public struct Deviation: Sendable, Hashable, Codable {
        /// A short stable name, e.g. `birth-date-unknown-as-XX`.
        public let code: String
        public let description: String

        public init(code: String, description: String) {
            self.code = code
            self.description = description
        }
    }
}
