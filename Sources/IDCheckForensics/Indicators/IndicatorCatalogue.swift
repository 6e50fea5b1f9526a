/// Every indicator code with its default severity, what it means, which check raises it and
/// which forgery kinds of the renderer it is meant to catch. `docs/indicators.md` is this table
/// for people; a test keeps the two in step.
public enum IndicatorCatalogue {
    /// One row of the catalogue.
    public struct Entry: Sendable, Hashable {
        public let code: Indicator.Code
        public let severity: Indicator.Severity
        public let meaning: String
        /// The rule (``IndicatorRule/name``) that raises it.
        public let check: String
        /// Renderer forgery kinds (`labels.jsonl`) this indicator catches.
        public let forgeryKinds: [String]
    }

    /// The codes of this module's checks. A check in another module (the visual comparison) keeps
    /// its own rows, passes their severities explicitly, and adds them to `docs/indicators.md`.
    public static let entries: [Entry] = [
        Entry(code: .mrzNotFound, severity: .warning, meaning: "no MRZ found on any image of the document; nothing could be checked",
              check: "mrz", forgeryKinds: []),
        Entry(code: .mrzStructure, severity: .critical,
              meaning: "the MRZ breaks ICAO 9303's grammar: wrong line lengths, characters outside a field's class, a filler where data must be, an unexpected document code, an empty number or name",
              check: "mrz", forgeryKinds: []),
        Entry(code: .mrzCheckDigit, severity: .critical,
              meaning: "a check digit (document number, birth date, expiry date, personal number) does not hold",
              check: "mrz", forgeryKinds: ["mrz-altered-check-digit-broken"]),
        Entry(code: .mrzComposite, severity: .critical, meaning: "the composite check digit does not hold",
              check: "mrz", forgeryKinds: ["mrz-altered-check-digit-broken"]),
        Entry(code: .mrzCorrectedCharacterClass, severity: .info,
              meaning: "a character was read as one the field cannot hold (O in a date) and replaced by the recogniser's own close alternative of the right class (0)",
              check: "mrz", forgeryKinds: []),
        Entry(code: .mrzCorrectedCheckDigit, severity: .warning,
              meaning: "a character was chosen among the recogniser's close alternatives because it makes a check digit hold: the check digit decided the reading, so it no longer vouches for it (info for OCR-B look-alikes the model's pattern resolves)",
              check: "mrz", forgeryKinds: ["mrz-altered-check-digit-broken"]),
        Entry(code: .mrzCorrectedModelPattern, severity: .info,
              meaning: "the document number reads with OCR-B look-alikes (O for 0, Q for 0, I for 1…) where the identified model prints the other; read so, it follows the model's pattern and the check digit, which cannot always tell them apart, still holds",
              check: "model", forgeryKinds: []),
        Entry(code: .dateImpossible, severity: .critical, meaning: "a date that cannot exist (31 February, month 13)",
              check: "dates", forgeryKinds: ["impossible-dates"]),
        Entry(code: .dateBirthInFuture, severity: .critical, meaning: "born after the check date (full-year dates, e.g. from the visual zone)",
              check: "dates", forgeryKinds: []),
        Entry(code: .dateImplausibleAge, severity: .warning, meaning: "over 120 years old at the check date (full-year dates)",
              check: "dates", forgeryKinds: []),
        Entry(code: .dateExpiryBeforeBirth, severity: .critical, meaning: "the document expires before its holder was born",
              check: "dates", forgeryKinds: []),
        Entry(code: .dateBirthAfterIssue, severity: .critical,
              meaning: "born after the document was issued: after the printed date of issue, or after the latest day a document of the identified model with this expiry can have been issued",
              check: "dates", forgeryKinds: ["impossible-dates"]),
        Entry(code: .dateExpired, severity: .warning, meaning: "the document had expired at the check date (`--at`, default today)",
              check: "dates", forgeryKinds: ["impossible-dates"]),
        Entry(code: .dateBirthPartlyUnknown, severity: .info,
              meaning: "the day or month of birth is unknown (`<<`/`XX`), as ICAO 9303 allows; marked with the deviation when the model declares it prints such dates",
              check: "dates", forgeryKinds: []),
        Entry(code: .countryIssuingStateUnknown, severity: .critical, meaning: "the issuing state is not an ICAO 9303 code",
              check: "codes", forgeryKinds: []),
        Entry(code: .countryNationalityUnknown, severity: .critical, meaning: "the nationality is not an ICAO 9303 code",
              check: "codes", forgeryKinds: []),
        Entry(code: .countryISOCodeInMRZ, severity: .warning, meaning: "an ISO 3166 code that ICAO replaces in the MRZ (DEU where Germany prints D)",
              check: "codes", forgeryKinds: []),
        Entry(code: .countryWithdrawn, severity: .info, meaning: "a withdrawn country code, still met on old documents",
              check: "codes", forgeryKinds: []),
        Entry(code: .dataSexInvalid, severity: .critical, meaning: "the sex field is not M, F, X or <",
              check: "codes", forgeryKinds: []),
        Entry(code: .personalNumberInvalid, severity: .critical,
              meaning: "the personal number fails the issuing state's own rule (the Dutch BSN's 11-test)",
              check: "personal-number", forgeryKinds: []),
        Entry(code: .modelNotCompared, severity: .info,
              meaning: "the library has no model of this issuer: not compared with a specimen (the normal case for real documents)",
              check: "model", forgeryKinds: []),
        Entry(code: .modelNoMatch, severity: .warning,
              meaning: "the library has models of this issuer and document type, but none fits (format, number pattern, issue period); the nearest are named",
              check: "model", forgeryKinds: []),
        Entry(code: .modelDocumentNumber, severity: .warning, meaning: "the document number does not follow the identified model's pattern",
              check: "model", forgeryKinds: ["mrz-altered-check-digit-broken", "mrz-altered-check-digit-recomputed"]),
        Entry(code: .modelValidityPeriod, severity: .warning,
              meaning: "the validity period is not one the model grants (expiry too far ahead, or before the model existed; with an issue date, the exact period)",
              check: "model", forgeryKinds: ["impossible-dates", "mrz-altered-check-digit-recomputed"]),
        Entry(code: .modelSexNotAllowed, severity: .warning, meaning: "the sex is one the model does not print (X on a model without it)",
              check: "model", forgeryKinds: []),
        Entry(code: .modelOptionalData, severity: .warning, meaning: "the optional data / personal number does not follow the model's pattern",
              check: "model", forgeryKinds: []),
        Entry(code: .listWatchlistHit, severity: .critical,
              meaning: "issuing state and document number are on the lost/stolen watch list (`--watchlist`)",
              check: "watch-list", forgeryKinds: ["watchlisted"]),
        Entry(code: .listNumberReused, severity: .warning,
              meaning: "an earlier document of the same run has this issuer and document number with another holder",
              check: "reused-number", forgeryKinds: ["number-reused"]),
        Entry(code: .documentPagesDisagree, severity: .critical,
              meaning: "images given as one document carry different MRZs",
              check: "pages", forgeryKinds: []),
        Entry(code: .documentAnotherOnImage, severity: .warning,
              meaning: "the MRZ's image also shows another document's MRZ (two documents photocopied on one sheet), which this report does not cover (`idcheck batch`, one line per file; `idcheck verify` examines each document of an image in a report of its own)",
              check: "pages", forgeryKinds: []),
        // The visual comparison (module IDCheckVisual): the rules live there, their rows here so
        // that one table lists every code a report can carry.
        Entry(code: .layoutNotAligned, severity: .warning,
              meaning: "the image could not be aligned with the identified model's specimen (the MRZ anchor and the document's edges disagree, or too little of the side is visible): the visual comparison could not be made",
              check: "alignment", forgeryKinds: []),
        Entry(code: .layoutOtherModel, severity: .critical,
              meaning: "the side is laid out like another model or version of the library (named), not like the model its MRZ identifies",
              check: "layout", forgeryKinds: ["other-model-layout"]),
        Entry(code: .layoutZoneDiffers, severity: .warning,
              meaning: "the static print (background pattern, emblem, titles, labels) or the paper and print colours differ from the identified model's reference beyond what printing and scanning explain, and no other model of the library fits better",
              check: "layout", forgeryKinds: ["other-model-layout"]),
        Entry(code: .vizMRZMismatch, severity: .critical,
              meaning: "a field printed in the visual zone (name, document number, dates, sex) disagrees with the MRZ; both values are shown",
              check: "visual-zone", forgeryKinds: ["viz-mrz-mismatch", "mrz-altered-check-digit-recomputed"]),
        Entry(code: .mrzFont, severity: .critical,
              meaning: "the MRZ's characters are not OCR-B (a monospaced office font, another OCR font): distance from OCR-B per character in the evidence",
              check: "mrz-font", forgeryKinds: ["mrz-wrong-font"]),
        Entry(code: .photoSubstituted, severity: .critical,
              meaning: "the portrait looks replaced: the ghost image shows another face, the photo has the edges of a pasted print, or its print statistics differ from the rest of the document",
              check: "photo", forgeryKinds: ["photo-substituted"]),
        Entry(code: .tamperLocal, severity: .critical,
              meaning: "a region whose compression or noise statistics are foreign to the rest of the image (pasted from another image and recompressed); shown as a heat map",
              check: "tampering", forgeryKinds: ["spliced-region"]),
    ]

    /// The entry for `code`.
    public static func entry(for code: Indicator.Code) -> Entry? { entries.first { $0.code == code } }
}
