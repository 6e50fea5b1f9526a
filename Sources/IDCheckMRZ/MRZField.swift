extension MRZ {
    /// A field of a machine readable zone, named as ICAO 9303 names it.
    ///
    /// Not every format has every field; ``MRZ/Zone/fields`` lists those of the zone at hand, with
    /// their positions.
    public enum Field: String, CaseIterable, Sendable, Hashable, Codable {
        /// Document code: `P` passport, `V` visa, `I`/`A`/`C` cards; the second letter is the issuer's.
        case documentCode
        /// Issuing state or organisation (three-letter code).
        case issuingState
        /// Name of the holder: primary identifier, `<<`, secondary identifier.
        case name
        /// Primary identifier in its own field (French identity card: surname).
        case primaryIdentifier
        /// Secondary identifier in its own field (French identity card: given names).
        case secondaryIdentifier
        /// Document number (its first 9 characters in TD1/TD2 when it is longer).
        case documentNumber
        /// Check digit of the document number.
        case documentNumberCheckDigit
        /// The characters of a long document number that overflow into the optional data (TD1/TD2).
        case documentNumberExtension
        /// Nationality of the holder (three-letter code).
        case nationality
        /// Date of birth, YYMMDD.
        case birthDate
        /// Check digit of the date of birth.
        case birthDateCheckDigit
        /// Sex: `M`, `F`, `X` or `<` (unspecified).
        case sex
        /// Date of expiry, YYMMDD.
        case expiryDate
        /// Check digit of the date of expiry.
        case expiryDateCheckDigit
        /// Optional data (TD1 line 1, TD2, visas): issuer-defined.
        case optionalData
        /// Second optional data element (TD1 line 2): issuer-defined.
        case optionalData2
        /// Personal number or other optional data (TD3).
        case personalNumber
        /// Check digit of the personal number (TD3; `<` when the personal number is empty).
        case personalNumberCheckDigit
        /// Composite check digit over the upper and middle lines' data fields.
        case compositeCheckDigit
        /// French identity card: department and office of issue.
        case administrativeCode
        /// French identity card: year and month of issue (the first 4 digits of the card number).
        case issueMonth
        /// Swiss driving licence: language of the issuing canton (`D`, `F`, `I`, `R`).
        case languageCode
        /// Swiss driving licence: personal identification number (PIN).
        case pinCode
        /// Swiss driving licence: version of the licence format.
        case versionNumber
        /// Filler positions that must hold `<`.
        case filler
    }
}
