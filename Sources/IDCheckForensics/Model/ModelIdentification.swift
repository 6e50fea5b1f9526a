import IDCheckSpecimens

/// Which specimen model a document was matched to, or why none was.
///
/// The MRZ decides the candidates (issuer, document type, format); the model's own rules
/// (document-number pattern, issue period) choose among them. The visual comparison may later
/// rank the candidates by their looks as well.
public struct ModelIdentification: Sendable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// A model was chosen: the model rules and, later, the visual comparison apply.
        case identified
        /// The library has no model of the issuer: the normal case for real documents.
        case noModelForIssuer
        /// The library has models of the issuer and type, but none fits; see ``nearest``.
        case noMatchingModel
        /// No MRZ: nothing to identify from.
        case notAttempted
    }

    public var status: Status
    /// The identified model.
    public var model: Specimen?
    /// Without a match: the models that came closest, best first.
    public var nearest: [Specimen]
    /// Why each candidate was or was not taken, one line each (model ID first).
    public var reasons: [String]

    public init(status: Status, model: Specimen? = nil, nearest: [Specimen] = [], reasons: [String] = []) {
        self.status = status
        self.model = model
        self.nearest = nearest
        self.reasons = reasons
    }
}
