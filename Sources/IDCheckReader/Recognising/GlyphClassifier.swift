import IDCheckMRZ

/// Nearest-model classification of MRZ characters, with the runner-up alternatives and their
/// scores for the MRZ core's check-digit correction.
public struct GlyphClassifier: Sendable {
    public let models: [GlyphModel]
    /// All model shapes back to back in 16-lane vectors, for the hot loop.
    private let shapes: [SIMD16<Float>]
    private static let lanes = GlyphFeatures.shapeCount / 16

    public init(models: [GlyphModel]) {
        self.models = models
        shapes = models.flatMap { GlyphClassifier.vectors($0.features.shape) }
    }

    private static func vectors(_ shape: [Float]) -> [SIMD16<Float>] {
        (0..<lanes).map { lane in SIMD16<Float>(shape[(lane * 16)..<(lane * 16 + 16)]) }
    }

    /// The bundled OCR-B models (empty if the generated data were damaged).
    public static let ocrB = GlyphClassifier(models: OCRBGlyphModels.models)

    /// Characters ranked by score (best first, one entry per character, `limit` at most). Scores
    /// are correlations of the ink shapes less penalties for box geometry: about 0.9 for a clean
    /// print of the character, lower for worse matches.
    public func classify(_ features: GlyphFeatures, limit: Int = 4) -> [MRZ.Candidates.Alternative] {
        let lanes = GlyphClassifier.lanes
        guard features.shape.count == GlyphFeatures.shapeCount else { return [] }
        let query = GlyphClassifier.vectors(features.shape)
        var best = [Double](repeating: -.infinity, count: 128)
        query.withUnsafeBufferPointer { query in
            shapes.withUnsafeBufferPointer { all in
                for (index, model) in models.enumerated() {
                    var sum = SIMD16<Float>()
                    let base = index * lanes
                    for lane in 0..<lanes { sum += query[lane] * all[base + lane] }
                    let dot = sum.sum()
                    let m = model.features
                    let penalty = 0.5 * abs(features.aspect - m.aspect) + 0.9 * abs(features.relativeHeight - m.relativeHeight)
                        + 0.6 * abs(features.relativeCentre - m.relativeCentre)
                    let score = Double(dot - penalty)
                    let slot = Int(model.character.asciiValue ?? 0) & 127
                    if score > best[slot] { best[slot] = score }
                }
            }
        }
        var ranked: [MRZ.Candidates.Alternative] = []
        for _ in 0..<limit {
            guard let slot = best.indices.max(by: { best[$0] < best[$1] }), best[slot] > -.infinity else { break }
            ranked.append(MRZ.Candidates.Alternative(Character(Unicode.Scalar(UInt8(slot))), score: best[slot]))
            best[slot] = -.infinity
        }
        return ranked
    }
}
