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
        let half = image.downsampled(by: 2)
        #expect(half.width == width / 2 && half.height == height / 2)
        for y in 0..<half.height {
            for x in 0..<half.width {
                let sum = Int(pixels[2 * y * width + 2 * x]) + Int(pixels[2 * y * width + 2 * x + 1])
                    + Int(pixels[(2 * y + 1) * width + 2 * x]) + Int(pixels[(2 * y + 1) * width + 2 * x + 1])
                #expect(half.sample(x: x, y: y) == UInt8((sum + 2) / 4))
            }
        }
    }

    @Test("Quartering a grey image averages each 4×4 block, rounding halves up", arguments: [(37, 23), (32, 4), (4, 4), (7, 9), (101, 13), (67, 8)])
    func quartering(width: Int, height: Int) throws {
        let (image, pixels) = try Self.noise(width: width, height: height, seed: 54321)
        let quarter = image.downsampled(by: 4)
        #expect(quarter.width == width / 4 && quarter.height == height / 4)
        for y in 0..<quarter.height {
            for x in 0..<quarter.width {
                var sum = 0
                for dy in 0..<4 { for dx in 0..<4 { sum += Int(pixels[(4 * y + dy) * width + 4 * x + dx]) } }
                #expect(quarter.sample(x: x, y: y) == UInt8((sum + 8) / 16), "\(x), \(y)")
            }
        }
    }
}
