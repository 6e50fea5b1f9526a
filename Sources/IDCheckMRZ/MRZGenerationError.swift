/// Why an MRZ could not be generated from an ``MRZ/Identity``, and for which field.
public struct MRZGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Only the ICAO formats (TD1, TD2, TD3, MRV-A, MRV-B) are generated.
        case unsupportedFormat(MRZ.Format)
        /// More characters than the field (with any overflow ICAO allows) can take.
        case tooLong(maximum: Int, found: Int)
        /// Characters outside A–Z, 0–9, `<` after upper-casing.
        case invalidCharacters(String)
        /// Not `YYMMDD` digits (unknown parts as `<<` or `XX`).
        case invalidDate(String)
        /// Nothing of the name is left in the MRZ alphabet.
        case emptyName
    }

    public let reason: Reason
    public let field: MRZ.Field?

    public var description: String {
        let name = field.map { $0.rawValue + ": " } ?? ""
        switch reason {
        case let .unsupportedFormat(format): return "cannot generate \(format.displayName); only TD1, TD2, TD3, MRV-A and MRV-B"
        case let .tooLong(maximum, found): return name + "\(found) characters, at most \(maximum)"
        case let .invalidCharacters(text): return name + "'\(text)' has characters outside A–Z, 0–9 and <"
        case let .invalidDate(text): return name + "'\(text)' is not YYMMDD"
        case .emptyName: return name + "no letters left after transliteration"
        }
    }
}
