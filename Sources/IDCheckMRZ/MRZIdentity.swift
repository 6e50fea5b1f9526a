extension MRZ {
    /// The data an MRZ is generated from: what the renderer of specimens and the tests know about
    /// a document and its holder, in plain form (names in any script, dates as YYMMDD).
    public struct Identity: Sendable, Hashable {
        /// `P`, `PO`, `I`, `ID`, `AC`, `V`… (one or two characters).
        public var documentCode: String
        /// Issuing state or organisation (`UTO`, `D`).
        public var issuingState: String
        /// Surname(s), in any script: transliterated when generating.
        public var primaryIdentifier: String
        /// Given name(s), in any script; may be empty.
        public var secondaryIdentifier: String
        public var documentNumber: String
        public var nationality: String
        /// `YYMMDD`; unknown parts as `<<`.
        public var birthDate: String
        public var sex: Sex
        /// `YYMMDD`.
        public var expiryDate: String
        /// TD3 personal number; optional data of TD1 (line 1), TD2 and the visas.
        public var optionalData: String
        /// TD1 only: the optional data of line 2.
        public var optionalData2: String

        public init(documentCode: String, issuingState: String, primaryIdentifier: String, secondaryIdentifier: String,
                    documentNumber: String, nationality: String, birthDate: String, sex: Sex, expiryDate: String,
                    optionalData: String = "", optionalData2: String = "") {
            self.documentCode = documentCode
            self.issuingState = issuingState
            self.primaryIdentifier = primaryIdentifier
            self.secondaryIdentifier = secondaryIdentifier
            self.documentNumber = documentNumber
            self.nationality = nationality
            self.birthDate = birthDate
            self.sex = sex
            self.expiryDate = expiryDate
            self.optionalData = optionalData
            self.optionalData2 = optionalData2
        }
    }
}

extension MRZ.CalendarDate {
    /// The date as an MRZ prints it, `YYMMDD`.
    public var mrz: String {
        MRZ.Date.pad(year % 100, 2) + MRZ.Date.pad(month, 2) + MRZ.Date.pad(day, 2)
    }
}
