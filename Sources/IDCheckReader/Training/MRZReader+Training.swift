import Foundation
import IDCheckImaging

extension MRZReader {
    /// The character cells of the MRZ on `image` as the reader itself locates and segments them,
    /// paired with the characters of `truth`. This is how the glyph network's training data is
    /// made (scripts/generate-glyph-models): from the reader's own cells, mistakes included, so
    /// that training and reading see characters alike. Empty when no MRZ of that shape is found.
    /// `upright` says the MRZ is known to be upright, so no wrong guess of direction can pair a
    /// character with the wrong cell.
    public func trainingSamples(_ image: Image, truth: [String], upright knownUpright: Bool = true)
        -> [(character: Character, features: GlyphFeatures)] {
        let grey = image.format == .gray ? image : image.converted(to: .gray)
        let factor = locatingFactor(width: grey.width, height: grey.height)
        var page = grey
        for _ in 0..<factor.trailingZeroBitCount { page = page.downsampled(by: 2) }
        let lengths = truth.map(\.count)
        for placement in MRZLocator().locate(on: page, scale: Double(factor)) where placement.lineCentres.count == truth.count {
            let upright = MRZSegmenter(strip: MRZStrip(page: grey, placement: placement))
            let turned = upright.turned()
            // The locator's direction is only known up to 180°: upright text runs towards +x.
            let forward = cos(placement.angle) >= 0 ? upright : turned
            let segmenter = knownUpright ? forward
                : (endScore(upright, length: lengths[0]) >= endScore(turned, length: lengths[0]) ? upright : turned)
            var samples: [(Character, GlyphFeatures)] = []
            for (index, centre) in segmenter.strip.lineCentres.enumerated() {
                let cells = segmenter.cells(lineCentre: centre, count: lengths[index]).cells
                guard cells.count == lengths[index] else { return [] }
                for (cell, character) in zip(cells, truth[index]) {
                    if let features = cell.features { samples.append((character, features)) }
                }
            }
            return samples
        }
        return []
    }
}
