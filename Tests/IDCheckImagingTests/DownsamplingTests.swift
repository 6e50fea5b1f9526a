import Testing
import IDCheckImaging

/// The 2× grey box filter runs eight output pixels at a time; it must give the plain average.
@Suite("Downsampling")
struct DownsamplingTests {
    @Test("Halving a grey image averages each 2×2 block, rounding halves up", arguments: [(37, 23), (16, 4), (2, 2), (3, 9), (101, 5)])
    func halving(width: Int, height: Int) {
        var pixels = [UInt8](repeating: 0, count: width * height)
        var state: UInt32 = 12345
        for i in pixels.indices {
            state = state &* 1_103_515_245 &+ 12345
            pixels[i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        guard let image = Image(width: width, height: height, format: .gray, pixels: pixels) else {
            Issue.record("cannot make the image")
            return
        }
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
}
