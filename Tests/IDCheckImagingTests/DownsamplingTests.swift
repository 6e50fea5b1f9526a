import Testing
import IDCheckImaging

/// The 2× and 4× grey box filters run eight output pixels at a time; they must give the plain average.
@Suite("Downsampling")
struct DownsamplingTests {
    /// A grey image of pseudo-random samples, and its samples.
    static func noise(width: Int, height: Int, seed: UInt32) throws -> (Image, [UInt8]) {
        var pixels = [UInt8](repeating: 0, count: width * height)
        var state = seed
        for i in pixels.indices {
            state = state &* 1_103_515_245 &+ 12345
            pixels[i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        let image = try #require(Image(width: width, height: height, format: .gray, pixels: pixels))
        return (image, pixels)
    }

    @Test("Halving a grey image averages each 2×2 block, rounding halves up", arguments: [(37, 23), (16, 4), (2, 2), (3, 9), (101, 5)])
    func halving(width: Int, height: Int) throws {
        let (image, pixels) = try Self.noise(width: width, height: height, seed: 12345)
        Self.expectBlockAverages(image.downsampled(by: 2), of: pixels, width: width, height: height, factor: 2)
    }

    @Test("Quartering a grey image averages each 4×4 block, rounding halves up", arguments: [(37, 23), (32, 4), (4, 4), (7, 9), (101, 13), (67, 8)])
    func quartering(width: Int, height: Int) throws {
        let (image, pixels) = try Self.noise(width: width, height: height, seed: 54321)
        Self.expectBlockAverages(image.downsampled(by: 4), of: pixels, width: width, height: height, factor: 4)
    }

    /// Expects `small` to be `pixels` (a `width` × `height` grey image) averaged over `factor` ×
    /// `factor` blocks, rounding halves up, the blocks past the last whole one dropped.
    static func expectBlockAverages(_ small: Image, of pixels: [UInt8], width: Int, height: Int, factor: Int) {
        #expect(small.width == width / factor && small.height == height / factor)
        let area = factor * factor
        for y in 0..<small.height {
            for x in 0..<small.width {
                var sum = 0
                for dy in 0..<factor { for dx in 0..<factor { sum += Int(pixels[(factor * y + dy) * width + factor * x + dx]) } }
                #expect(small.sample(x: x, y: y) == UInt8((sum + area / 2) / area), "\(x), \(y)")
            }
        }
    }
}
