import Foundation
import IDCheckReader

/// How far printed characters lie from OCR-B.
///
/// The reader's OCR-B templates (thin, regular and bold prints of the real font, see
/// `scripts/generate-glyph-models`) are compared with each character's ink, resampled to the same
/// grid; the best weight counts, so that a bolder or thinner print of OCR-B stays close. The
/// templates are first blurred as much as the scan's resolution blurs the character: a 10-pixel
/// character has lost the detail a 30-pixel one keeps, and OCR-B must be judged at the same loss.
struct OCRBShapeDistance: Sendable {
    /// The distances of one character (0: OCR-B itself; about 0.5 and more: another shape).
    struct Measurement: Sendable {
        /// From OCR-B's shape of the character the zone says it is (`nil` without a template).
        var toCharacter: Double?
        /// From the nearest OCR-B character of any kind: a lower bound, for text read unreliably.
        var toNearest: Double
    }

    private let templates: [GlyphModel]
    private let sharp: [[Float]]
    /// Blur (grid cells) per grid cell that one page pixel covers: the pixel's footprint and the
    /// optics' spread together.
    var blurPerPixel: Double

    init(models: [GlyphModel] = GlyphClassifier.ocrB.models, blurPerPixel: Double = 0.7) {
        templates = models.filter { $0.features.shape.count == GlyphFeatures.shapeCount }
        sharp = templates.map(\.features.shape)
        self.blurPerPixel = blurPerPixel
    }

    /// The distances of every cell (`nil` where a cell holds no measurable ink).
    func measure(_ cells: [MRZCharacterCell]) -> [Measurement?] {
        // Blurred template sets by blur step, made once per document.
        var blurred: [Int: [[Float]]] = [:]
        return cells.map { cell in
            guard let features = GlyphFeatures(image: cell.image, cell: (0, 0, cell.image.width, cell.image.height),
                                               bandTop: cell.bandTop, bandBottom: cell.bandBottom),
                  features.shape.count == GlyphFeatures.shapeCount else { return nil }
            // Grid cells per page pixel: the ink box (about the cap height) spans 14 cells.
            let sigma = blurPerPixel * Double(GlyphFeatures.gridSize - 2) / max(1, cell.pageCapHeight)
            let step = Int((sigma * 8).rounded())
            if blurred[step] == nil {
                blurred[step] = templates.map { OCRBShapeDistance.blur($0.features.shape, sigma: Double(step) / 8) }
            }
            // Sharp and blurred: a crisp scan matches the sharp templates, a soft one the blurred.
            let sets = step == 0 ? [sharp] : [sharp, blurred[step] ?? sharp]
            var toCharacter = Double.infinity, toNearest = Double.infinity
            features.shape.withUnsafeBufferPointer { query in
                for shapes in sets {
                    for (index, model) in templates.enumerated() {
                        var dot: Float = 0
                        shapes[index].withUnsafeBufferPointer { shape in
                            for i in 0..<GlyphFeatures.shapeCount { dot += shape[i] * query[i] }
                        }
                        // Box proportions count too: other fonts' characters are wider or narrower.
                        let distance = Double(1 - dot + 0.5 * abs(features.aspect - model.features.aspect))
                        toNearest = min(toNearest, distance)
                        if model.character == cell.character { toCharacter = min(toCharacter, distance) }
                    }
                }
            }
            guard toNearest.isFinite else { return nil }
            return Measurement(toCharacter: toCharacter.isFinite ? toCharacter : nil, toNearest: toNearest)
        }
    }

    /// `shape` (a square grid) blurred with a Gaussian of `sigma` grid cells, back to zero mean
    /// and unit length; unchanged when `sigma` is negligible.
    static func blur(_ shape: [Float], sigma: Double) -> [Float] {
        guard sigma >= 0.2 else { return shape }
        let size = GlyphFeatures.gridSize
        let radius = max(1, Int((2.5 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        // Beyond the grid lies paper: the normalised shape's lowest value (no ink).
        let paper = shape.min() ?? 0
        func pass(_ input: [Float], horizontal: Bool) -> [Float] {
            var output = [Float](repeating: 0, count: input.count)
            for y in 0..<size {
                for x in 0..<size {
                    var sum: Float = 0
                    for k in -radius...radius {
                        let sx = horizontal ? x + k : x, sy = horizontal ? y : y + k
                        let value = (sx >= 0 && sx < size && sy >= 0 && sy < size) ? input[sy * size + sx] : paper
                        sum += kernel[k + radius] * value
                    }
                    output[y * size + x] = sum
                }
            }
            return output
        }
        var result = pass(pass(shape, horizontal: true), horizontal: false)
        let mean = result.reduce(0, +) / Float(result.count)
        var length: Float = 0
        for i in result.indices { result[i] -= mean; length += result[i] * result[i] }
        length = length.squareRoot()
        if length > 1e-6 { for i in result.indices { result[i] /= length } }
        return result
    }
}
