import Foundation
import Testing
import IDCheckImaging
@testable import IDCheckReader

/// The reader's hot loops are written for speed (sliding sums, runs of ink, fixed point,
/// pruned searches); each is checked here against the plain computation it replaces.
@Suite("Reader fast paths against plain computations")
struct FastPathTests {
    /// Deterministic test images: a mottled background with dark strokes and specks.
    static func image(width: Int, height: Int, seed: UInt64) -> Image {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var image = Image(width: width, height: height, format: .gray, fill: 0)
        image.withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    let wave = 40 * sin(Double(x) * 0.11) * cos(Double(y) * 0.07)
                    var value = 190 + wave + Double(next() % 30)
                    if (x / 7 + y / 11) % 5 == 0, (x + y) % 13 < 6 { value -= 150 } // strokes
                    if next() % 97 == 0 { value = 10 }                                 // specks
                    pixels[y * width + x] = UInt8(max(0, min(255, value)))
                }
            }
        }
        return image
    }

    /// The ink threshold as defined: every window summed pixel by pixel.
    static func plainMask(_ image: Image, radius: Int, minimumContrast: Int = 20, relativeContrast: Double = 0.25) -> [UInt8] {
        let w = image.width, h = image.height
        let relative = Int(relativeContrast * 1024)
        var bits = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let x0 = max(0, x - radius), x1 = min(w, x + radius + 1)
                let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
                var sum = 0
                for yy in y0..<y1 { for xx in x0..<x1 { sum += Int(image.pixels[yy * w + xx]) } }
                let area = (x1 - x0) * (y1 - y0)
                let value = Int(image.pixels[y * w + x]) * area
                let margin = max((sum * relative) >> 10, minimumContrast * area)
                bits[y * w + x] = value < sum - margin ? 1 : 0
            }
        }
        return bits
    }

    @Test("InkMask equals the threshold computed window by window", arguments: [
        (53, 41, 3), (40, 37, 6), (9, 30, 6), (70, 12, 10), (64, 64, 38),
    ])
    func inkMask(width: Int, height: Int, radius: Int) {
        let image = FastPathTests.image(width: width, height: height, seed: UInt64(width * 1000 + radius))
        #expect(InkMask(image, radius: radius).bits == FastPathTests.plainMask(image, radius: radius))
    }

    /// 8-connected components by flood fill, in the order of their first pixel.
    static func plainComponents(_ mask: InkMask) -> [InkComponent] {
        let w = mask.width, h = mask.height
        var seen = [Bool](repeating: false, count: w * h)
        var components: [InkComponent] = []
        for start in 0..<(w * h) where mask.bits[start] != 0 && !seen[start] {
            var component = InkComponent(minX: .max, minY: .max, maxX: .min, maxY: .min, pixelCount: 0, sumX: 0, sumY: 0)
            var stack = [start]
            seen[start] = true
            while let index = stack.popLast() {
                let x = index % w, y = index / w
                component.minX = min(component.minX, Int32(x)); component.maxX = max(component.maxX, Int32(x))
                component.minY = min(component.minY, Int32(y)); component.maxY = max(component.maxY, Int32(y))
                component.pixelCount += 1
                component.sumX += Int64(x); component.sumY += Int64(y)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                        let neighbour = ny * w + nx
                        if mask.bits[neighbour] != 0, !seen[neighbour] { seen[neighbour] = true; stack.append(neighbour) }
                    }
                }
            }
            components.append(component)
        }
        return components
    }

    @Test("Components on runs equal a flood fill, in the same order", arguments: [(61, 47, 4), (120, 35, 7), (33, 90, 5)])
    func components(width: Int, height: Int, radius: Int) {
        let mask = InkMask(FastPathTests.image(width: width, height: height, seed: UInt64(height * 7 + radius)), radius: radius)
        let fast = mask.components(), plain = FastPathTests.plainComponents(mask)
        #expect(fast.count == plain.count)
        for (a, b) in zip(fast, plain) {
            #expect(a.minX == b.minX && a.maxX == b.maxX && a.minY == b.minY && a.maxY == b.maxY)
            #expect(a.pixelCount == b.pixelCount && a.sumX == b.sumX && a.sumY == b.sumY)
        }
    }

    @Test("Rounding without libm rounds halves away from zero")
    func nearest() {
        for value in [-3.5, -2.5000001, -2.5, -2.4999999, -0.5, -0.49, 0, 0.49, 0.5, 1.5, 2.5, 1e6 + 0.5, -1e6 - 0.5, 7.25, -7.75] {
            #expect(MRZSegmenter.nearest(value) == Int(value.rounded()), "\(value)")
        }
    }

    @Test("The pruned OCR-B shape score equals the full template match")
    func shapeScore() {
        let classifier = GlyphClassifier.ocrB
        let image = FastPathTests.image(width: 40, height: 48, seed: 5)
        var checked = 0
        for x0 in stride(from: 0, to: 24, by: 3) {
            guard let features = GlyphFeatures(image: image, cell: (x0, 0, x0 + 16, 48), bandTop: 8, bandBottom: 40) else { continue }
            #expect(classifier.shapeScore(features) == classifier.match(features, limit: 1).first?.score)
            checked += 1
        }
        for model in classifier.models.prefix(40) {
            #expect(classifier.shapeScore(model.features) == classifier.match(model.features, limit: 1).first?.score)
        }
        #expect(checked > 0)
    }

    @Test("The fixed-point grey cut stays within one grey level of the Double cut", arguments: [
        Homography([1.2, -0.002, 30.3, -0.031, 1.22, 20.7, 0, 0, 1]),                      // affine
        Homography([1.2, -0.002, 30.3, -0.031, 1.22, 20.7, -2.9e-5, -1e-6, 1]),             // photographed at a slant
        Homography([0.9, 0.05, 12.1, -0.04, 0.85, 40.2, 1.2e-3, 4e-4, 1]),                  // strong perspective
    ])
    func warp(mapping: Homography) {
        let page = FastPathTests.image(width: 300, height: 220, seed: 11)
        let fast = page.warpedGrey(width: 230, height: 150, mapping: mapping)
        let plain = page.warped(width: 230, height: 150, mapping: mapping)
        var worst = 0, differing = 0
        for (a, b) in zip(fast.pixels, plain.pixels) {
            worst = max(worst, abs(Int(a) - Int(b)))
            if a != b { differing += 1 }
        }
        #expect(worst <= 1)
        #expect(differing * 100 < fast.pixels.count) // off by one in under 1% of the pixels
    }
}
