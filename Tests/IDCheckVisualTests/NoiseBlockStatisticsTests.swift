import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// The block noise statistics behind the tampering map, computed on padded buffers eight pixels
/// at a time, against their plain definition (per pixel, coordinates clamped at the edges) on a
/// real rendering and on images whose size is not a multiple of the block.
@Suite("Noise block statistics")
struct NoiseBlockStatisticsTests {
    @Test("the fast path gives the plain definition's statistics", arguments: [16, 12, 9])
    func matchesDefinition(blockSize: Int) throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 7312, conditions: .ordinary, library: library)
        let page = document.images[0]
        // A corner of the page (edges included) and an odd-sized cut of its middle.
        let corner = page.cropped(to: Rectangle(x: 0, y: 0, width: 403, height: 291))
        let middle = page.cropped(to: Rectangle(x: Double(page.width / 3), y: Double(page.height / 3), width: 517, height: 333))
        // Whole blocks up to the last row and column at both sizes: the edges' clamping is compared too.
        let whole = page.cropped(to: Rectangle(x: 200, y: 150, width: 384, height: 288))
        for image in [corner, middle, whole] {
            let fast = NoiseBlockStatistics(image: image, blockSize: blockSize)
            let plain = Self.definition(image, blockSize: blockSize)
            #expect(fast.columns == image.width / blockSize && fast.rows == image.height / blockSize)
            #expect(fast.brightness.count == plain.brightness.count)
            for index in plain.brightness.indices {
                #expect(abs(fast.brightness[index] - plain.brightness[index]) < 1e-3)
                #expect(abs(fast.activity[index] - plain.activity[index]) < 1e-3)
                #expect(abs(fast.noise[index] - plain.noise[index]) < 1e-3 * max(1, plain.noise[index]))
                #expect(fast.floorGradient[index] == plain.floorGradient[index])
            }
        }
    }

    @Test("each row of blocks' blurred strip is the whole page's 3 × 3 box blur to the bit", arguments: [16, 12])
    func stripIsWholePageBlur(blockSize: Int) throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-V-2018", seed: 7313, conditions: .ordinary, library: library)
        let image = document.images[0].cropped(to: Rectangle(x: 0, y: 0, width: 333, height: Double(10 * blockSize + 7)))
        let width = image.width, height = image.height, paddedWidth = width + 2
        let luma = Self.luminance(image)
        func clamped(_ values: [Float], _ x: Int, _ y: Int) -> Float { values[min(height - 1, max(0, y)) * width + min(width - 1, max(0, x))] }
        // The whole page: horizontal pass, then vertical, each (a + b + c) / 3 in that order.
        var horizontal = [Float](repeating: 0, count: width * height), blurred = horizontal
        for y in 0..<height { for x in 0..<width { horizontal[y * width + x] = (clamped(luma, x - 1, y) + clamped(luma, x, y) + clamped(luma, x + 1, y)) / 3 } }
        for y in 0..<height { for x in 0..<width { blurred[y * width + x] = (clamped(horizontal, x, y - 1) + clamped(horizontal, x, y) + clamped(horizontal, x, y + 1)) / 3 } }
        let padded = NoiseBlockStatistics.paddedLuminance(image)
        var strip = [Float](repeating: .nan, count: (blockSize + 2) * paddedWidth)
        var scratch = [Float](repeating: .nan, count: (blockSize + 4) * paddedWidth)
        var mismatches = 0
        for row in 0..<(height / blockSize) {
            padded.withUnsafeBufferPointer { luma in
                strip.withUnsafeMutableBufferPointer { strip in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        NoiseBlockStatistics.blurStrip(luma: luma.baseAddress!, into: strip, horizontal: scratch, firstRow: row * blockSize,
                                                       rows: blockSize, width: width, height: height)
                    }
                }
            }
            for stripRow in 0..<(blockSize + 2) {
                for x in -1...width where strip[stripRow * paddedWidth + x + 1] != clamped(blurred, x, row * blockSize - 1 + stripRow) {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("the padded luminance is BT.601 luma of every pixel to the bit, its border repeating the edge")
    func paddedLuminanceIsLuma() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-ID-2021", seed: 7315, conditions: .ordinary, library: library)
        let image = document.images[0].cropped(to: Rectangle(x: 100, y: 80, width: 211, height: 97)).converted(to: .rgb)
        let padded = NoiseBlockStatistics.paddedLuminance(image)
        let paddedWidth = image.width + 2
        var differing = 0
        for y in -1...image.height {
            for x in -1...image.width {
                guard let pixel = image[min(image.width - 1, max(0, x)), min(image.height - 1, max(0, y))] else { continue }
                let luma = 0.299 * Float(pixel.red) + 0.587 * Float(pixel.green) + 0.114 * Float(pixel.blue)
                if padded[(y + 1) * paddedWidth + x + 1] != luma { differing += 1 }
            }
        }
        #expect(padded.count == paddedWidth * (image.height + 2))
        #expect(differing == 0)
    }

    /// The image's luminance without the border ``NoiseBlockStatistics/paddedLuminance(_:)``
    /// adds: `width × height`, rows contiguous.
    static func luminance(_ image: Image) -> [Float] {
        let padded = NoiseBlockStatistics.paddedLuminance(image)
        let paddedWidth = image.width + 2
        var luma: [Float] = []
        for y in 0..<image.height {
            let row = (y + 1) * paddedWidth + 1
            luma += padded[row..<(row + image.width)]
        }
        return luma
    }

    /// The statistics as defined: per pixel Immerkær residual, the largest Sobel gradient of the
    /// luminance in its 3 × 3 neighbourhood, the Sobel gradient of the 3 × 3 box blur, coordinates
    /// clamped to the image; per block the mean brightness, mean blurred gradient, and RMS
    /// residual over its 40% pixels of lowest (neighbourhood) gradient.
    static func definition(_ image: Image, blockSize size: Int) -> (brightness: [Float], activity: [Float], noise: [Float], floorGradient: [Float]) {
        let width = image.width, height = image.height
        let luma = Self.luminance(image)
        func at(_ a: [Float], _ x: Int, _ y: Int) -> Float { a[min(height - 1, max(0, y)) * width + min(width - 1, max(0, x))] }
        // The 3 × 3 box blur with clamped coordinates: the photo check's GreyPatch blur.
        let blurred = GreyPatch(width: width, height: height, values: luma).blurred(radius: 1).values
        // Each pixel's Sobel gradient; a pixel's level is the largest in its 3 × 3 neighbourhood.
        var sobel = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                func p(_ dx: Int, _ dy: Int) -> Float { at(luma, x + dx, y + dy) }
                let gx = (p(1, -1) + 2 * p(1, 0) + p(1, 1) - p(-1, -1) - 2 * p(-1, 0) - p(-1, 1)) / 8
                let gy = (p(-1, 1) + 2 * p(0, 1) + p(1, 1) - p(-1, -1) - 2 * p(0, -1) - p(1, -1)) / 8
                sobel[y * width + x] = (gx * gx + gy * gy).squareRoot()
            }
        }
        let columns = width / size, rows = height / size
        var brightness: [Float] = [], activity: [Float] = [], noise: [Float] = [], floorGradient: [Float] = []
        for row in 0..<rows {
            for column in 0..<columns {
                var sum: Float = 0, gradientSum: Float = 0
                var pixels: [(residual: Float, bin: Int)] = []
                var histogram = [Int](repeating: 0, count: 256)
                for y in (row * size)..<((row + 1) * size) {
                    for x in (column * size)..<((column + 1) * size) {
                        func p(_ dx: Int, _ dy: Int) -> Float { at(luma, x + dx, y + dy) }
                        func q(_ dx: Int, _ dy: Int) -> Float { at(blurred, x + dx, y + dy) }
                        sum += p(0, 0)
                        let r = (p(-1, -1) + p(1, -1) + p(-1, 1) + p(1, 1) - 2 * (p(0, -1) + p(-1, 0) + p(1, 0) + p(0, 1)) + 4 * p(0, 0)) / 6
                        var level: Float = 0
                        for dy in -1...1 {
                            for dx in -1...1 { level = max(level, at(sobel, x + dx, y + dy)) }
                        }
                        let sx = (q(1, -1) + 2 * q(1, 0) + q(1, 1) - q(-1, -1) - 2 * q(-1, 0) - q(-1, 1)) / 8
                        let sy = (q(-1, 1) + 2 * q(0, 1) + q(1, 1) - q(-1, -1) - 2 * q(0, -1) - q(1, -1)) / 8
                        gradientSum += (sx * sx + sy * sy).squareRoot()
                        let bin = min(255, Int(level * 4))
                        histogram[bin] += 1
                        pixels.append((r * r, bin))
                    }
                }
                let smoothCount = Int(Double(size * size) * NoiseBlockStatistics.smoothFraction)
                var cumulative = 0, cut = 255
                for bin in 0..<256 {
                    cumulative += histogram[bin]
                    if cumulative >= smoothCount { cut = bin; break }
                }
                let smooth = pixels.filter { $0.bin <= cut }
                let area = Float(size * size)
                brightness.append(sum / area)
                activity.append(gradientSum / area)
                noise.append(smooth.isEmpty ? 0 : (smooth.reduce(0) { $0 + $1.residual } / Float(smooth.count)).squareRoot())
                floorGradient.append(Float(cut + 1) / 4)
            }
        }
        return (brightness, activity, noise, floorGradient)
    }
}

@Suite("Median by selection")
struct MedianSelectionTests {
    @Test("the selected middle element is the sorted array's, for odd, even, repeated and constant values")
    func middleIsSortedMiddle() {
        var generator = SystemRandomNumberGenerator()
        var cases: [[Float]] = [[3], [2, 1], [5, 5, 5, 5], [1, 2, 3, 4, 5, 6], [9, 1, 8, 2, 7, 3, 6, 4, 5]]
        for count in [10, 11, 60, 61, 1000, 1001] {
            cases.append((0..<count).map { _ in Float(Int.random(in: 0..<20, using: &generator)) })
            cases.append((0..<count).map { _ in Float.random(in: -5...5, using: &generator) })
        }
        for values in cases {
            var scratch = values
            #expect(TamperingAnalysis.middle(&scratch) == values.sorted()[values.count / 2], "\(values.prefix(12))")
        }
    }
}
