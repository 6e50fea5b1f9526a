import IDCheckMRZ
import IDCheckSpecimens

/// What `--forge` asked for.
public enum ForgeryChoice: Sendable, Hashable {
    /// Genuine documents only.
    case none
    /// Every document forged this way (where the model allows it; see ``ForgeryPlan/applicableKinds``).
    case kind(ForgeryKind)
    /// Each document genuine with probability one half, otherwise one applicable kind drawn uniformly.
    case mix

    /// Parses `none`, `mix` or a kind identifier.
    public init?(argument: String) {
        switch argument {
        case "none", "genuine": self = .none
        case "mix": self = .mix
        default:
            guard let kind = ForgeryKind(rawValue: argument) else { return nil }
            self = .kind(kind)
        }
    }
}

/// One line of `watchlist.csv`: IDCheck's import format for lost and stolen documents.
public struct WatchlistEntry: Sendable, Hashable, Codable {
    public var issuingState: String
    public var documentNumber: String
    /// When the document was reported (ISO date), optional.
    public var date: String?
    /// Who reported it, optional.
    public var source: String?

    /// The CSV header line, as IDCheck's watch-list import (IDCheckForensics `WatchList`) reads it.
    public static let header = "issuingState,documentNumber,date,source"

    /// The entry as one CSV line (fields never contain commas: MRZ characters, ISO dates, plain words).
    public var csvLine: String { [issuingState, documentNumber, date ?? "", source ?? ""].joined(separator: ",") }
}

/// Which forgery a document gets and what it changes: chosen before drawing, applied to the data
/// and the print (and for splices to the drawn side), always before the scan conditions.
enum ForgeryPlan {
    /// The kinds that make sense for `specimen` in `library` (another layout needs a second model
    /// with the same MRZ format; reusing a number needs a second document in the run).
    static func applicableKinds(for specimen: Specimen, library: SpecimenLibrary, count: Int) -> [ForgeryKind] {
        ForgeryKind.allCases.filter { kind in
            switch kind {
            case .otherModelLayout: return partner(of: specimen, in: library) != nil
            case .numberReused: return count > library.specimens.count
            default: return true
            }
        }
    }

    /// The model a forger would print this model's data on: same MRZ format, preferably same kind of document.
    static func partner(of specimen: Specimen, in library: SpecimenLibrary) -> Specimen? {
        let candidates = library.specimens.filter { $0.id != specimen.id && $0.mrzFormat == specimen.mrzFormat && $0.rendering != nil }
        return candidates.first { $0.documentType == specimen.documentType } ?? candidates.first
    }

    /// The kind for one document, from its own forgery stream.
    ///
    /// With `--forge number-reused` every other document of a model stays genuine: it is the
    /// holder whose number the next document of the model reuses (a batch needs both to show it).
    static func choose(_ choice: ForgeryChoice, applicable: [ForgeryKind], random: inout SplitMix64,
                       index: Int, models: Int) -> ForgeryKind? {
        switch choice {
        case .none: return nil
        case .kind(.numberReused):
            return applicable.contains(.numberReused) && (index / max(1, models)) % 2 == 1 ? .numberReused : nil
        case .kind(let kind): return applicable.contains(kind) ? kind : nil
        case .mix:
            guard !applicable.isEmpty, random.chance(0.5) else { return nil }
            return random.pick(applicable)
        }
    }
}
