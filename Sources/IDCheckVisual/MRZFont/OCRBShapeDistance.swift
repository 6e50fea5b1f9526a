import IDCheckReader

/// How far one printed character lies from OCR-B.
///
/// The reader's OCR-B templates (thin, regular and bold prints of the real font, see
/// `scripts/generate-glyph-models`) are compared with the character's ink, resampled to the same
/// grid; the best weight counts, so that a bolder or thinner print of OCR-B stays close.
struct OCRBShapeDistance: Sendable {
    /// The distances of one character (0: OCR-B itself; about 0.5 and more: another shape).
    struct Measurement: Sendable {
        /// From OCR-B's shape of the character the zone says it is (`nil` without a template).
        var toCharacter: Double?
        /// From the nearest OCR-B character of any kind: a lower bound, for text read unreliably.
        var toNearest: Double
    }

    private let templates: [GlyphModel]

    init(models: [GlyphModel] = GlyphClassifier.ocrB.models) {
        templates = models
    }

    /// The distances of `cell`; `nil` when the cell holds no measurable ink.
    func measure(_ cell: MRZCharacterCell) -> Measurement? {
        guard let features = GlyphFeatures(image: cell.image, cell: (0, 0, cell.image.width, cell.image.height),
                                           bandTop: cell.bandTop, bandBottom: cell.bandBottom),
              features.shape.count == GlyphFeatures.shapeCount else { return nil }
        var toCharacter = Double.infinity, toNearest = Double.infinity
        features.shape.withUnsafeBufferPointer { query in
            for model in templates where model.features.shape.count == GlyphFeatures.shapeCount {
                let reference = model.features
                var dot: Float = 0
                reference.shape.withUnsafeBufferPointer { shape in
                    for i in 0..<GlyphFeatures.shapeCount { dot += shape[i] * query[i] }
                }
                // Box proportions count too: other fonts' characters are wider or narrower.
                let distance = Double(1 - dot + 0.5 * abs(features.aspect - reference.aspect))
                toNearest = min(toNearest, distance)
                if model.character == cell.character { toCharacter = min(toCharacter, distance) }
            }
        }
        guard toNearest.isFinite else { return nil }
        return Measurement(toCharacter: toCharacter.isFinite ? toCharacter : nil, toNearest: toNearest)
    }
}
