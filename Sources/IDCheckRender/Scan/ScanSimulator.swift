import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A side as it comes out of the scanner or camera, with the map from the flat side's pixels to
/// this image's pixels (every truth polygon goes through it).
public struct ScannedSide: Sendable {
    public var image: Image
    /// Flat side pixels → scanned image pixels.
    public var transform: Homography
}

/// Applies scan conditions to a flat rendered side: placement, rotation, shear and perspective
/// (one projective warp), uneven light, blur, noise. JPEG compression happens when writing.
public enum ScanSimulator {
    public static func scan(_ side: RenderedSide, conditions: ScanConditions, random: inout SplitMix64) -> ScannedSide {
        if conditions.placement == .cropped {
            return ScannedSide(image: side.image, transform: .identity)
        }
        let source = side.image
        let sw = Double(source.width), sh = Double(source.height)
        let scale = conditions.dotsPerInch / 25.4 / side.pixelsPerMillimetre
        let angle = (Double(conditions.quarterTurns) * 90 + conditions.skewDegrees) * .pi / 180
        let centred = Homography.translation(-sw / 2, -sh / 2)
        let shear = Homography([1, conditions.shear, 0, 0, 1, 0, 0, 0, 1])
        let affine = Homography.rotation(angle).after(.scale(scale)).after(shear).after(centred)
        let flatCorners = [Point(x: 0, y: 0), Point(x: sw, y: 0), Point(x: sw, y: sh), Point(x: 0, y: sh)]
        var corners = flatCorners.map { affine.apply($0) }
        if conditions.perspective > 0 {
            // The edge farther from the camera (a random one) looks shorter.
            let far = random.int(0...3)
            let a = far, b = (far + 1) % 4
            let centre = Point(x: corners.map(\.x).reduce(0, +) / 4, y: corners.map(\.y).reduce(0, +) / 4)
            for index in [a, b] {
                let toCentre = centre - corners[index]
                corners[index] = corners[index] + toCentre * conditions.perspective
            }
        }
        let pixelsPerMillimetre = conditions.dotsPerInch / 25.4
        let marginRange: ClosedRange<Double> = conditions.placement == .table ? 12...40 : 3...25
        let margins = (0..<4).map { _ in random.uniform(marginRange) * pixelsPerMillimetre }
        let minX = corners.map(\.x).min() ?? 0, minY = corners.map(\.y).min() ?? 0
        let maxX = corners.map(\.x).max() ?? 0, maxY = corners.map(\.y).max() ?? 0
        corners = corners.map { Point(x: $0.x - minX + margins[0], y: $0.y - minY + margins[1]) }
        let width = Int((maxX - minX + margins[0] + margins[2]).rounded(.up))
        let height = Int((maxY - minY + margins[1] + margins[3]).rounded(.up))
        let transform = Homography.mapping(flatCorners, to: corners) ?? affine
        var page = background(width: width, height: height, placement: conditions.placement, random: &random)
        if let inverse = transform.inverse {
            composite(source, onto: &page, inverse: inverse, cornerRadius: side.cornerRadius)
        }
        if conditions.lightFalloff > 0 { unevenLight(&page, falloff: conditions.lightFalloff, random: &random) }
        if conditions.blurSigma > 0.2 { page = gaussianBlur(page, sigma: conditions.blurSigma) }
        if conditions.noiseSigma > 0 { addNoise(&page, sigma: conditions.noiseSigma, random: &random) }
        return ScannedSide(image: page, transform: transform)
    }

    /// A scanner's white page, or a table: wood grain or cloth.
    static func background(width: Int, height: Int, placement: ScanConditions.Placement, random: inout SplitMix64) -> Image {
        var page = Image(width: width, height: height, format: .rgb)
        if placement == .table {
            let wood = random.chance(0.6)
            let base = wood ? Colour(red: UInt8(random.int(120...170)), green: UInt8(random.int(80...110)), blue: UInt8(random.int(45...70)))
                            : Colour(red: UInt8(random.int(60...110)), green: UInt8(random.int(70...110)), blue: UInt8(random.int(80...130)))
            let frequency = random.uniform(0.01...0.03), phase = random.uniform(0...6.28)
            let stride = page.stride
            page.withUnsafeMutableBytes { pixels in
                for y in 0..<height {
                    for x in 0..<width {
                        let grain = wood ? 0.85 + 0.15 * sin(Double(y) * frequency + 3 * sin(Double(x) * 0.004 + phase))
                                         : 0.92 + 0.08 * sin(Double(x) * 0.7) * sin(Double(y) * 0.7)
                        let offset = y * stride + x * 3
                        pixels[offset] = clampByte(Double(base.red) * grain)
                        pixels[offset + 1] = clampByte(Double(base.green) * grain)
                        pixels[offset + 2] = clampByte(Double(base.blue) * grain)
                    }
                }
            }
        } else {
            let white = UInt8(random.int(238...252))
            page.fillGradient(from: Colour(gray: white), to: Colour(gray: white &- UInt8(random.int(0...8))))
        }
        return page
    }

    /// Draws the flat side onto the page through `inverse` (page → side), bilinear, with the
    /// side's rounded corners and a one-pixel soft edge.
    static func composite(_ source: Image, onto page: inout Image, inverse: Homography, cornerRadius: Double) {
        let sw = source.width, sh = source.height
        let fw = Double(sw), fh = Double(sh)
        let m = inverse.m
        let pageWidth = page.width, pageHeight = page.height, pageStride = page.stride, sourceStride = source.stride
        let radius = max(0, cornerRadius)
        source.withUnsafeBytes { src in
            page.withUnsafeMutableBytes { dst in
                for y in 0..<pageHeight {
                    let py = Double(y) + 0.5
                    for x in 0..<pageWidth {
                        let px = Double(x) + 0.5
                        let z = m[6] * px + m[7] * py + m[8]
                        let u = (m[0] * px + m[1] * py + m[2]) / z, v = (m[3] * px + m[4] * py + m[5]) / z
                        guard u > -1, v > -1, u < fw + 1, v < fh + 1 else { continue }
                        // Coverage of the document at this pixel: edges and rounded corners, soft by one pixel.
                        var inside = min(u + 0.5, v + 0.5, fw - u + 0.5, fh - v + 0.5)
                        if radius > 0 {
                            let cx = u < radius ? radius - u : (u > fw - radius ? u - (fw - radius) : 0)
                            let cy = v < radius ? radius - v : (v > fh - radius ? v - (fh - radius) : 0)
                            if cx > 0 && cy > 0 { inside = min(inside, radius - (cx * cx + cy * cy).squareRoot() + 0.5) }
                        }
                        let coverage = min(1, max(0, inside))
                        guard coverage > 0 else { continue }
                        let sx = min(fw - 1, max(0, u - 0.5)), sy = min(fh - 1, max(0, v - 0.5))
                        let x0 = Int(sx), y0 = Int(sy)
                        let x1 = min(x0 + 1, sw - 1), y1 = min(y0 + 1, sh - 1)
                        let fx = sx - Double(x0), fy = sy - Double(y0)
                        let to = y * pageStride + x * 3
                        for c in 0..<3 {
                            let a = Double(src[y0 * sourceStride + x0 * 3 + c]), b = Double(src[y0 * sourceStride + x1 * 3 + c])
                            let d = Double(src[y1 * sourceStride + x0 * 3 + c]), e = Double(src[y1 * sourceStride + x1 * 3 + c])
                            let top = a + (b - a) * fx, bottom = d + (e - d) * fx
                            let value = top + (bottom - top) * fy
                            dst[to + c] = clampByte(value * coverage + Double(dst[to + c]) * (1 - coverage))
                        }
                    }
                }
            }
        }
    }

    /// Darkens away from a random light centre (a lamp off to one side, a scanner lid not quite shut).
    static func unevenLight(_ image: inout Image, falloff: Double, random: inout SplitMix64) {
        let cx = random.uniform(-0.2...1.2) * Double(image.width), cy = random.uniform(-0.2...1.2) * Double(image.height)
        let reach = Double(max(image.width, image.height)) * 1.4
        let width = image.width, height = image.height, stride = image.stride, channels = image.channels
        image.withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                let dy = Double(y) - cy
                for x in 0..<width {
                    let dx = Double(x) - cx
                    let d = min(1, (dx * dx + dy * dy).squareRoot() / reach)
                    let factor = 1 - falloff * d * d
                    let offset = y * stride + x * channels
                    for c in 0..<channels { pixels[offset + c] = UInt8(Double(pixels[offset + c]) * factor) }
                }
            }
        }
    }

    /// Separable Gaussian blur.
    static func gaussianBlur(_ image: Image, sigma: Double) -> Image {
        let radius = max(1, Int((sigma * 3).rounded(.up)))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let sum = kernel.reduce(0, +)
        kernel = kernel.map { $0 / sum }
        let weights = kernel.map { Int(($0 * 65536).rounded()) }
        let width = image.width, height = image.height, channels = image.channels, stride = image.stride
        var horizontal = image
        var output = image
        image.withUnsafeBytes { src in
            horizontal.withUnsafeMutableBytes { dst in
                for y in 0..<height {
                    let row = y * stride
                    for x in 0..<width {
                        for c in 0..<channels {
                            var acc = 0
                            for k in -radius...radius {
                                let xx = min(width - 1, max(0, x + k))
                                acc += weights[k + radius] * Int(src[row + xx * channels + c])
                            }
                            dst[row + x * channels + c] = UInt8(min(255, max(0, (acc + 32768) >> 16)))
                        }
                    }
                }
            }
        }
        horizontal.withUnsafeBytes { src in
            output.withUnsafeMutableBytes { dst in
                for y in 0..<height {
                    for x in 0..<width {
                        for c in 0..<channels {
                            var acc = 0
                            for k in -radius...radius {
                                let yy = min(height - 1, max(0, y + k))
                                acc += weights[k + radius] * Int(src[yy * stride + x * channels + c])
                            }
                            dst[y * stride + x * channels + c] = UInt8(min(255, max(0, (acc + 32768) >> 16)))
                        }
                    }
                }
            }
        }
        return output
    }

    /// Sensor noise: approximately Gaussian (sum of four uniforms), independent per sample.
    static func addNoise(_ image: inout Image, sigma: Double, random: inout SplitMix64) {
        // Four 16-bit uniforms from one draw: their sum has variance 4/12, hence the scale.
        let scale = sigma * (3.0).squareRoot() / 65535
        image.withUnsafeMutableBytes { pixels in
            for index in pixels.indices {
                let bits = random.next()
                let a = Int(bits & 0xFFFF), b = Int((bits >> 16) & 0xFFFF)
                let c = Int((bits >> 32) & 0xFFFF), d = Int(bits >> 48)
                let sum = Double(a + b + c + d - 2 * 65535)
                pixels[index] = clampByte(Double(pixels[index]) + sum * scale)
            }
        }
    }
}
