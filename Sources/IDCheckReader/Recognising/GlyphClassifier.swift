import IDCheckMRZ

/// Nearest-model classification of MRZ characters, with the runner-up alternatives and their
/// scores for the MRZ core's check-digit correction.
public struct GlyphClassifier: Sendable {
    public let models: [GlyphModel]
    /// All model shapes back to back, for the hot loop.
    private let shapes: [Float]

    public init(models: [GlyphModel]) {
        self.models = models
        shapes = models.flatMap(\.features.shape)
    }

    /// The bundled OCR-B models (empty if the generated data were damaged).
    public static let ocrB = GlyphClassifier(models: OCRBGlyphModels.models)

    /// Characters ranked by score (best first, one entry per character, `limit` at most). Scores
    /// are correlations of the ink shapes less penalties for box geometry: about 0.9 for a clean
    /// print of the character, lower for worse matches.
    public func classify(_ features: GlyphFeatures, limit: Int = 4) -> [MRZ.Candidates.Alternative] {
        let count = GlyphFeatures.shapeCount
        var best: [Character: Double] = [:]
        features.shape.withUnsafeBufferPointer { query in
            shapes.withUnsafeBufferPointer { all in
                for (index, model) in models.enumerated() {
                    var dot: Float = 0
                    let base = index * count
                    for i in 0..<count { dot += query[i] * all[base + i] }
                    let m = model.features
                    let penalty = 0.5 * abs(features.aspect - m.aspect) + 0.9 * abs(features.relativeHeight - m.relativeHeight)
                        + 0.6 * abs(features.relativeCentre - m.relativeCentre)
                    let score = Double(dot - penalty)
                    if score > best[model.character, default: -.infinity] { best[model.character] = score }
                }
            }
        }
        return best.sorted { $0.value > $1.value }.prefix(limit).map { MRZ.Candidates.Alternative($0.key, score: $0.value) }
    }
}
