import Foundation
import IDCheckImaging
import IDCheckReader

// OCR-B templates: every character rasterised alone in four stroke weights, averaged.
let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<")

/// Grey morphology on the oversampled rendering: ink (dark) grows with `erodeWhite`, shrinks otherwise.
func morphology(_ image: Image, radius: Int, inkGrows: Bool) -> Image {
    guard radius > 0 else { return image }
    var result = image
    let w = image.width, h = image.height
    for pass in 0..<2 {
        let source = result
        for y in 0..<h {
            for x in 0..<w {
                var value: UInt8 = inkGrows ? 255 : 0
                for d in -radius...radius {
                    let sx = pass == 0 ? min(max(x + d, 0), w - 1) : x
                    let sy = pass == 1 ? min(max(y + d, 0), h - 1) : y
                    let v = source.pixels[sy * w + sx]
                    value = inkGrows ? min(value, v) : max(value, v)
                }
                result.withUnsafeMutableBytes { $0[y * w + x] = value }
            }
        }
    }
    return result
}

/// Seeded, so that rerunning the script gives the same models.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Variant {
    var size: Double
    var weight: Int      // -1 thin, 0 regular, 1 bold, 2 heavy
    var shift: Double
    var angle: Double    // degrees
    var degradation: Int // 0 clean, 1 blur, 2 noise, 3 JPEG
}

func render(_ character: Character, _ variant: Variant, font: FontFace, capHeight: Double) throws -> GlyphFeatures? {
    let oversample = 4.0
    let size = variant.size * oversample
    let width = Int(size * 2), height = Int(size * 2)
    var canvas = Image(width: width, height: height, format: .gray)
    let baseline = size * 1.3
    let glyphWidth = try font.width(of: String(character), sizeInPixels: size)
    try canvas.draw(text: String(character), at: Point(x: (Double(width) - glyphWidth) / 2 + variant.shift * oversample, y: baseline),
                font: font, sizeInPixels: size, colour: .black)
    let radii = [-1: 2, 0: 0, 1: 3, 2: 6]
    let radius = Int(Double(radii[variant.weight] ?? 0) * variant.size / 30 + 0.5)
    canvas = morphology(canvas, radius: radius, inkGrows: variant.weight > 0)
    var small = canvas.downsampled(by: Int(oversample))
    let scale = 1 / oversample
    if variant.angle != 0 {
        let radians = variant.angle * .pi / 180
        let c = Double(small.width) / 2, m = Double(small.height) / 2
        let unit = Point(x: cos(radians), y: sin(radians)), normal = Point(x: -sin(radians), y: cos(radians))
        let origin = Point(x: c, y: m) - unit * c - normal * m
        small = small.warped(width: small.width, height: small.height, sampling: AffineSampling(origin: origin, xStep: unit, yStep: normal))
    }
    var random = SplitMix(seed: UInt64(variant.size * 1000 + variant.shift * 100 + variant.angle * 10) + UInt64(variant.weight + 1))
    switch variant.degradation {
    case 1:
        var blurred = small
        for y in 1..<(small.height - 1) {
            for x in 1..<(small.width - 1) {
                var sum = 0
                for dy in -1...1 { for dx in -1...1 { sum += Int(small.pixels[(y + dy) * small.width + x + dx]) } }
                blurred.withUnsafeMutableBytes { $0[y * small.width + x] = UInt8(sum / 9) }
            }
        }
        small = blurred
    case 2:
        small.withUnsafeMutableBytes { pixels in
            for i in pixels.indices { pixels[i] = UInt8(clamping: Int(pixels[i]) + Int.random(in: -25...25, using: &random)) }
        }
    case 3:
        small = try ImageDecoder(options: DecodingOptions(pixelFormat: .gray)).decode(ImageEncoder.jpeg(small, quality: 40)).image
    default: break
    }
    let bandBottom = baseline * scale, bandTop = bandBottom - capHeight
    let bandHeight = capHeight
    let centre = Double(small.width) / 2 + variant.shift
    let pitch = variant.size * 0.72
    let cell = (Int(centre - pitch / 2), Int(bandTop - 0.2 * bandHeight), Int(centre + pitch / 2 + 0.5), Int(bandBottom + 0.2 * bandHeight + 0.5))
    return GlyphFeatures(image: small, cell: cell, bandTop: bandTop, bandBottom: bandBottom)
}


/// The averaged templates: one per character and stroke weight.
func makeTemplates(font: FontFace) throws -> [GlyphModel] {
    var models: [GlyphModel] = []
    for character in alphabet {
        for weight in [-1, 0, 1, 2] {
            var shapeSum = [Float](repeating: 0, count: GlyphFeatures.shapeCount)
            var aspect: Float = 0, height: Float = 0, centre: Float = 0, count: Float = 0
            for size in [18.0, 26.0, 36.0, 48.0] {
                // Cap height of this size: the band every character of the line shares.
                let h = try font.glyph(for: "H", sizeInPixels: size)
                let capHeight = Double(h.height)
                for shift in [0.0, 0.33, 0.66] {
                    for angle in [-1.5, 0, 1.5] {
                        for degradation in 0..<4 {
                            let variant = Variant(size: size, weight: weight, shift: shift, angle: angle, degradation: degradation)
                            guard let features = try render(character, variant, font: font, capHeight: capHeight) else { continue }
                            for i in shapeSum.indices { shapeSum[i] += features.shape[i] }
                            aspect += features.aspect; height += features.relativeHeight; centre += features.relativeCentre
                            count += 1
                        }
                    }
                }
            }
            guard count > 0 else { continue }
            var shape = shapeSum.map { $0 / count }
            let mean = shape.reduce(0, +) / Float(shape.count)
            var length: Float = 0
            for i in shape.indices { shape[i] -= mean; length += shape[i] * shape[i] }
            length = length.squareRoot()
            for i in shape.indices { shape[i] /= max(length, 1e-6) }
            models.append(GlyphModel(character: character, features: GlyphFeatures(
                shape: shape, aspect: aspect / count, relativeHeight: height / count, relativeCentre: centre / count)))
        }
    }
    return models
}
