extension Indicator {
    /// A stable, dotted indicator code (`mrz.check-digit`, `date.expired`, `list.watchlist-hit`).
    ///
    /// An open set rather than an enum, so that a check in another module (the visual
    /// comparison with the specimen) adds its codes without touching this one. Every code
    /// belongs in ``IndicatorCatalogue`` and in the table of `docs/indicators.md`.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
        CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }

        public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

        // MRZ
        public static let mrzNotFound: Code = "mrz.not-found"
        public static let mrzStructure: Code = "mrz.structure"
        public static let mrzCheckDigit: Code = "mrz.check-digit"
        public static let mrzComposite: Code = "mrz.composite"
        public static let mrzCorrectedCharacterClass: Code = "mrz.corrected.character-class"
        public static let mrzCorrectedCheckDigit: Code = "mrz.corrected.check-digit"
        public static let mrzCorrectedModelPattern: Code = "mrz.corrected.model-pattern"
        // Dates
        public static let dateImpossible: Code = "date.impossible"
        public static let dateBirthInFuture: Code = "date.birth-in-future"
        public static let dateImplausibleAge: Code = "date.implausible-age"
        public static let dateExpiryBeforeBirth: Code = "date.expiry-before-birth"
        public static let dateBirthAfterIssue: Code = "date.birth-after-issue"
        public static let dateExpired: Code = "date.expired"
        public static let dateBirthPartlyUnknown: Code = "date.birth-partly-unknown"
        // Codes and data
        public static let countryIssuingStateUnknown: Code = "country.issuing-state-unknown"
        public static let countryNationalityUnknown: Code = "country.nationality-unknown"
        public static let countryISOCodeInMRZ: Code = "country.iso-code-in-mrz"
        public static let countryWithdrawn: Code = "country.withdrawn"
        public static let dataSexInvalid: Code = "data.sex-invalid"
        public static let personalNumberInvalid: Code = "personal-number.invalid"
        // The model
        public static let modelNotCompared: Code = "model.not-compared"
        public static let modelNoMatch: Code = "model.no-match"
        public static let modelDocumentNumber: Code = "model.document-number"
        public static let modelValidityPeriod: Code = "model.validity-period"
        public static let modelSexNotAllowed: Code = "model.sex-not-allowed"
        public static let modelOptionalData: Code = "model.optional-data"
        // Lists and batches
        public static let listWatchlistHit: Code = "list.watchlist-hit"
        public static let listNumberReused: Code = "list.number-reused"
        // Several images of one document
        public static let documentPagesDisagree: Code = "document.pages-disagree"
        public static let documentAnotherOnImage: Code = "document.another-on-image"
        // The visual comparison (IDCheckVisual)
        public static let layoutNotAligned: Code = "layout.not-aligned"
        public static let layoutOtherModel: Code = "layout.other-model"
        public static let layoutZoneDiffers: Code = "layout.zone-differs"
        public static let vizMRZMismatch: Code = "viz.mrz-mismatch"
        public static let mrzFont: Code = "mrz.font"
        public static let photoSubstituted: Code = "photo.substituted"
        public static let tamperLocal: Code = "tamper.local"
    }
}
