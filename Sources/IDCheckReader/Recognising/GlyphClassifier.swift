import IDCheckMRZ

/// Classification of MRZ characters, with the runner-up alternatives and their scores for the
/// MRZ core's check-digit correction.
///
/// Two kinds of glyph model work together: the OCR-B templates say how much a blob looks like
/// OCR-B at all (text in another typeface scores low, which is how non-MRZ text is rejected), and
/// the network says which of the 37 characters it is, as a probability.
public struct GlyphClassifier: Sendable {
    public let models: [GlyphModel]
    public let network: GlyphNetwork?
    /// All model shapes back to back in 16-lane vectors, for the hot loop.
    private let shapes: [SIMD16<Float>]
    private static let lanes = GlyphFeatures.shapeCount / 16

    public init(models: [GlyphModel], network: GlyphNetwork? = nil) {
        self.models = models
        self.network = network
        shapes = models.flatMap { GlyphClassifier.vectors($0.features.shape) }
    }

    private static func vectors(_ shape: [Float]) -> [SIMD16<Float>] {
        (0..<lanes).map { lane in SIMD16<Float>(shape[(lane * 16)..<(lane * 16 + 16)]) }
    }

    /// The bundled OCR-B models (empty if the generated data were damaged).
    public static let ocrB = GlyphClassifier(models: OCRBGlyphModels.models, network: OCRBGlyphModels.network)

    /// Characters ranked by probability (best first, `limit` at most), from the network; from
    /// the templates when there is no network.
    public func classify(_ features: GlyphFeatures, limit: Int = 4) -> [MRZ.Candidates.Alternative] {
        guard let network else { return match(features, limit: limit) }
        let probabilities = network.forward(GlyphNetwork.input(features)).probabilities
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(limit)
        return order.map { MRZ.Candidates.Alternative(GlyphNetwork.characters[$0], score: Double(probabilities[$0])) }
    }

    /// How much the blob looks like any OCR-B character: the best template score, about 0.9 for a
    /// clean print, low for text in other typefaces.
    ///
    /// Every character is checked this way, so the search is pruned: a template's score is its
    /// correlation (at most 1 for unit shapes) less its geometry penalty, so a template whose
    /// penalty alone puts it below the best score found so far cannot win and its correlation is
    /// not computed. The result is the same best score as ``match(_:limit:)``'s.
    public func shapeScore(_ features: GlyphFeatures) -> Double {
        let lanes = GlyphClassifier.lanes
        guard features.shape.count == GlyphFeatures.shapeCount, !models.isEmpty else { return 0 }
        let query = GlyphClassifier.vectors(features.shape)
        var penalties = [Float](repeating: 0, count: models.count)
        var start = 0
        for (index, model) in models.enumerated() {
            let m = model.features
            penalties[index] = 0.5 * abs(features.aspect - m.aspect) + 0.9 * abs(features.relativeHeight - m.relativeHeight)
                + 0.6 * abs(features.relativeCentre - m.relativeCentre)
            if penalties[index] < penalties[start] { start = index }
        }
        // Correlations of unit vectors, up to rounding.
        let largestCorrelation: Float = 1.001
        return query.withUnsafeBufferPointer { query in
            shapes.withUnsafeBufferPointer { all in
                func score(_ index: Int) -> Double {
                    var sum = SIMD16<Float>()
                    let base = index * lanes
                    for lane in 0..<lanes { sum += query[lane] * all[base + lane] }
                    return Double(sum.sum() - penalties[index])
                }
                // The least penalised template first: its score prunes most of the others.
                var best = score(start)
                for index in models.indices where index != start && Double(largestCorrelation - penalties[index]) > best {
                    best = max(best, score(index))
                }
                return best
            }
        }
    }

    /// Characters ranked by template score (best first, one entry per character, `limit` at
    /// most): correlations of the ink shapes less penalties for box geometry.
    public func match(_ features: GlyphFeatures, limit: Int = 4) -> [MRZ.Candidates.Alternative] {
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
