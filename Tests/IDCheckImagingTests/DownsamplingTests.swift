import Testing
import IDCheckImaging

/// The 2× and 4× grey box filters run eight output pixels at a time, every other factor and RGB
/// sum each band of rows down the columns first; all must give the plain average. The grey
/// conversion must give the BT.601 weights' rounded sum.
@Suite("Downsampling and grey conversion")
struct DownsamplingTests {
    /// An image of pseudo-random samples (rows `stride` samples apart when given), and its
    /// samples without the padding.
    static func noise(width: Int, height: Int, seed: UInt32, format: Image.PixelFormat = .gray, padding: Int = 0) throws -> (Image, [UInt8]) {
        let channels = format.channels, stride = width * channels + padding
        var stored = [UInt8](repeating: 0, count: stride * height)
        var state = seed
        for i in stored.indices {
            state = state &* 1_103_515_245 &+ 12345
            stored[i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        let image = try #require(Image(width: width, height: height, format: format, stride: stride, pixels: stored))
        let pixels = (0..<height).flatMap { y in stored[(y * stride)..<(y * stride + width * channels)] }
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

    @Test("Other factors average each block, grey or RGB, rows padded or not",
          arguments: [(Image.PixelFormat.gray, 3, 0), (.gray, 5, 7), (.gray, 8, 0), (.rgb, 2, 0), (.rgb, 3, 5), (.rgb, 4, 0), (.rgb, 8, 2)])
    func otherFactors(format: Image.PixelFormat, factor: Int, padding: Int) throws {
        for (width, height) in [(37, 23), (factor, factor), (101, 17), (factor * 3 + 1, factor * 2 - 1)] {
            let (image, pixels) = try Self.noise(width: width, height: height, seed: 999, format: format, padding: padding)
            Self.expectBlockAverages(image.downsampled(by: factor), of: pixels, width: width, height: height, factor: factor,
                                     channels: format.channels)
        }
    }

    @Test("A factor past 4,100 still averages: a block's sum (255 × factor²) passes 32 bits")
    func largeFactor() {
        let white = Image(width: 4101, height: 4103, format: .gray, fill: 255)
        let small = white.downsampled(by: 4101)
        #expect(small.width == 1 && small.height == 1 && small.sample(x: 0, y: 0) == 255)
    }

    @Test("A factor larger than the image leaves an empty image")
    func factorLargerThanImage() throws {
        let (image, _) = try Self.noise(width: 5, height: 9, seed: 1, format: .rgb)
        let small = image.downsampled(by: 6)
        #expect(small.width == 0 && small.height == 1 && small.pixels.isEmpty)
    }

    @Test("RGB to grey gives (77 R + 150 G + 29 B + 128) / 256 on a decoded JPEG and on padded rows")
    func greyConversion() throws {
        let decoded = try ImageDecoder().decode(Fixture.bytes("rgb.jpg")).image
        let (padded, _) = try Self.noise(width: 29, height: 11, seed: 7, format: .rgb, padding: 4)
        for image in [decoded, padded] {
            let grey = image.converted(to: .gray)
            #expect(grey.format == .gray && grey.width == image.width && grey.height == image.height)
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let c = try #require(image[x, y])
                    let weighted: Int = 77 * Int(c.red) + 150 * Int(c.green) + 29 * Int(c.blue)
                    let expected = UInt8((weighted + 128) >> 8)
                    #expect(grey.sample(x: x, y: y) == expected, "\(x), \(y)")
                }
            }
            #expect(grey.converted(to: .rgb)[3, 2] == Colour(gray: grey.sample(x: 3, y: 2) ?? 0))
        }
    }

    /// Expects `small` to be `pixels` (a `width` × `height` image of `channels` samples a pixel)
    /// averaged over `factor` × `factor` blocks, rounding halves up, the blocks past the last
    /// whole one dropped.
    static func expectBlockAverages(_ small: Image, of pixels: [UInt8], width: Int, height: Int, factor: Int, channels: Int = 1) {
        #expect(small.width == width / factor && small.height == height / factor)
        let area = factor * factor
        small.withUnsafeBytes { samples in
            for y in 0..<small.height {
                for x in 0..<small.width {
                    for c in 0..<channels {
                        var sum = 0
                        for dy in 0..<factor {
                            for dx in 0..<factor { sum += Int(pixels[((factor * y + dy) * width + factor * x + dx) * channels + c]) }
                        }
                        #expect(samples[y * small.stride + x * channels + c] == UInt8((sum + area / 2) / area), "\(x), \(y), \(c)")
                    }
                }
            }
        }
    }
}
