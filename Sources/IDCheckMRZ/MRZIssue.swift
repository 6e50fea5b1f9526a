extension MRZ {
    /// A rule, other than a check digit, that a zone breaks or that deserves a remark.
    ///
    /// Only ``Severity/failure`` makes a zone invalid. A birth date with an unknown day or month is
    /// not an issue at all: issuers print `<<` or `XX` for many refugees.
    public struct Issue: Sendable, Hashable {
        public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
            /// A character outside the field's class (a letter in a date, a digit in a name).
            case characterClass
            /// A date that cannot exist (31 February, month 13).
            case impossibleDate
            /// A date field that is neither digits nor the unknown markers `<<`/`XX`.
            case malformedDate
            /// The issuing state is not an ICAO code.
            case unknownIssuingState
            /// The nationality is not an ICAO code.
            case unknownNationality
            /// An ISO 3166 code that ICAO replaces in the MRZ (`DEU`: German documents print `D`).
            case isoCodeNotUsedInMRZ
            /// A code ISO has withdrawn; still found on old documents.
            case withdrawnCountryCode
            /// Sex is not `M`, `F`, `X` or `<`.
            case invalidSex
            /// The document code does not start as the format requires (`P` for TD3, `V` for visas…).
            case unexpectedDocumentCode
            /// A position that must hold `<` holds something else.
            case fillerExpected
            /// The document number is empty.
            case emptyDocumentNumber
            /// The name field holds no primary identifier.
            case emptyName
            /// The date of expiry is before the reference date.
            case expired
            /// The date of expiry is before the date of birth.
            case expiryBeforeBirth
            /// Swiss driving licence: language code is not D, F, I or R.
            case invalidLanguageCode
        }

        public enum Severity: String, Sendable, Hashable, Codable, Comparable {
            /// Worth knowing; does not affect validity.
            case notice
            /// Unusual, to be looked at; does not make the zone invalid.
            case warning
            /// The zone is invalid as given.
            case failure

            private var rank: Int {
                switch self {
                case .notice: 0
                case .warning: 1
                case .failure: 2
                }
            }

            public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        }

        public let code: Code
        public let severity: Severity
        public let field: Field?
        public let span: Span?
        /// A sentence for a person, without personal data beyond the codes concerned.
        public let message: String

        public init(code: Code, severity: Severity, field: Field?, span: Span?, message: String) {
            self.code = code
            self.severity = severity
            self.field = field
            self.span = span
            self.message = message
        }
    }
}
