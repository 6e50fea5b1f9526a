import IDCheckMRZ

/// A document model as an examiner knows it from a specimen register: who issues it, its size,
/// its MRZ format, where everything sits on each side, and the rules its data follows.
///
/// Loaded from a folder with a `specimen.json` and a reference image per side (see
/// `docs/specimen-format.md`). The bundled models are fictional (Utopia, UTO) and rendered by
/// the project; a user adds a real model by writing the same description for a reference scan.
public struct Specimen: Sendable, Hashable, Identifiable {
    /// The model's identifier, e.g. `UTO-P-2020`: issuer, kind, first year of issue.
    public let id: String
    /// A name for people, e.g. "Utopia passport, 2020 series".
    public let name: String
    /// Issuing state or organisation as the MRZ writes it (`UTO`).
    public let issuingState: String
    /// The MRZ document code this model carries (`P`, `ID`, `IR`, `V`…).
    public let documentCode: String
    public let documentType: DocumentType
    public let mrzFormat: MRZ.Format
    public let size: PhysicalSize
    /// First and last day this model was issued (the last is `nil` while it is current).
    public let issuedFrom: MRZ.CalendarDate?
    public let issuedUntil: MRZ.CalendarDate?
    public let sides: [Side]
    public let rules: Rules
    /// Where this model knowingly departs from ICAO 9303, so that checks do not flag it.
    public let deviations: [Deviation]
    /// How the project's renderer draws the model; `nil` for models described from real scans.
    public let rendering: RenderingStyle?
    /// The folder the description was loaded from (reference images are relative to it).
    public let directory: String

    public init(id: String, name: String, issuingState: String, documentCode: String, documentType: DocumentType,
                mrzFormat: MRZ.Format, size: PhysicalSize, issuedFrom: MRZ.CalendarDate?, issuedUntil: MRZ.CalendarDate?,
                sides: [Side], rules: Rules, deviations: [Deviation], rendering: RenderingStyle?, directory: String) {
        self.id = id
        self.name = name
        self.issuingState = issuingState
        self.documentCode = documentCode
        self.documentType = documentType
        self.mrzFormat = mrzFormat
        self.size = size
        self.issuedFrom = issuedFrom
        self.issuedUntil = issuedUntil
        self.sides = sides
        self.rules = rules
        self.deviations = deviations
        self.rendering = rendering
        self.directory = directory
    }

    /// The kind of document, as examiners sort them.
    public enum DocumentType: String, Sendable, Hashable, Codable, CaseIterable {
        case passport, identityCard, residencePermit, visa
    }

    /// The side named `name` (`front`, `back`), if the model has it.
    public func side(_ name: String) -> Side? { sides.first { $0.name == name } }

    /// The side that carries the MRZ.
    public var mrzSide: Side? { sides.first { side in side.zones.contains { $0.kind == .mrz } } }

    /// The path of a side's reference image.
    public func referencePath(of side: Side) -> String { directory + "/" + side.reference }

    /// Whether a document number follows this model's pattern.
    public func acceptsDocumentNumber(_ number: String) -> Bool {
        guard let regex = try? Regex(rules.documentNumberPattern) else { return false }
        return (try? regex.wholeMatch(in: number)) != nil
    }
}
