/// How well a questioned image was brought onto the identified model's specimen side.
public struct AlignmentQuality: Sendable, Hashable, Codable {
    /// Whether the placement can be trusted for zone-by-zone comparison.
    public var aligned: Bool
    /// Similarity of the aligned image with the specimen's reference where the model prints
    /// nothing personal (pattern, titles, emblem), 0…1.
    public var score: Double
    /// Mean distance of the fitted anchors from where the placement puts them, in pixels.
    public var residualPixels: Double?
    /// What the placement was fitted on (`mrz`, `mrz+reference`).
    public var method: String
    /// The similarity per kind of static zone (`backgroundPattern`, `staticText`, `emblem`,
    /// `paper` for the rest), 0…1.
    public var zoneSimilarity: [String: Double]
    /// How far the side's colours (chromaticity of paper and print) are from the reference's;
    /// `nil` for a grey image.
    public var colourDistance: Double?

    public init(aligned: Bool, score: Double, residualPixels: Double? = nil, method: String, zoneSimilarity: [String: Double] = [:],
                colourDistance: Double? = nil) {
        self.colourDistance = colourDistance
        self.aligned = aligned
        self.score = score
        self.residualPixels = residualPixels
        self.method = method
        self.zoneSimilarity = zoneSimilarity
    }
}
