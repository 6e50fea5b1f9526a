/// One finding about a questioned document: what was found (a stable ``Code``), how much it
/// matters (``Severity``), a sentence for a person, and the evidence behind it.
///
/// Messages never carry personal data (names, numbers, dates of birth): those go into
/// ``Evidence/expected`` and ``Evidence/observed`` marked ``Evidence/personal``, so that a
/// report can be redacted without rewording it.
public struct Indicator: Sendable, Hashable, Codable {
    public var code: Code
    public var severity: Severity
    /// What was found, in plain words, without personal data.
    public var message: String
    public var evidence: Evidence
    /// The specimen deviation that makes this finding expected for the identified model; the
    /// severity is then ``Severity/info`` whatever the check would have said.
    public var deviation: String?

    public init(code: Code, severity: Severity? = nil, message: String, evidence: Evidence = Evidence(), deviation: String? = nil) {
        self.code = code
        self.severity = severity ?? IndicatorCatalogue.entry(for: code)?.severity ?? .warning
        self.message = message
        self.evidence = evidence
        self.deviation = deviation
    }
}
