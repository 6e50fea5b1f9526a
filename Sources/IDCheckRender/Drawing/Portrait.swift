import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A synthetic, procedurally drawn portrait: head, hair, eyes, mouth, shoulders, on a plain
/// photo background — never a real face. The same parameters draw the same person, which is what
/// the ghost image repeats and what a photo substitution changes.
public struct Portrait: Sendable, Hashable, Codable {
    /// Drawing styles; the visual-forensics benchmark holds some back from tuning.
    public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        /// Flat colours, soft edges.
        case flat
        /// Round shading lit from the upper left.
        case shaded
        /// Dark outlines on a pale fill, like a drawing.
        case sketch
        /// Flat colours in coarse blocks, like an over-compressed print.
        case mosaic
        /// Shaded with fine grain, like a photographic print.
        case grainy
    }

    public var style: Style
    /// Fixes the person: face shape, colours, hair, features.
    public var seed: UInt64

    public init(style: Style, seed: UInt64) {
        self.style = style
        self.seed = seed
    }

    /// A random person in a random style.
    public static func random(using random: inout SplitMix64) -> Portrait {
        Portrait(style: random.pick(Style.allCases), seed: random.next())
    }

    /// The portrait `width × height` pixels, RGB.
    public func render(width: Int, height: Int) -> Image {
        var r = SplitMix64(seed: seed)
        let w = Double(width), h = Double(height)
        var image = Image(width: width, height: height, format: .rgb)
        let backgrounds = [Colour(red: 222, green: 230, blue: 238), Colour(red: 236, green: 236, blue: 232),
                           Colour(red: 214, green: 226, blue: 240), Colour(red: 240, green: 240, blue: 240)]
        let background = r.pick(backgrounds)
        image.fillGradient(from: background, to: background.scaled(0.9), diagonal: false)
        let skins = [Colour(red: 241, green: 214, blue: 190), Colour(red: 224, green: 182, blue: 150), Colour(red: 198, green: 146, blue: 108),
                     Colour(red: 160, green: 110, blue: 78), Colour(red: 112, green: 76, blue: 54), Colour(red: 82, green: 56, blue: 42)]
        let hairs = [Colour(red: 30, green: 24, blue: 20), Colour(red: 80, green: 52, blue: 30), Colour(red: 150, green: 110, blue: 60),
                     Colour(red: 200, green: 170, blue: 110), Colour(red: 120, green: 120, blue: 120), Colour(red: 150, green: 60, blue: 30)]
        let clothes = [Colour(red: 40, green: 50, blue: 80), Colour(red: 90, green: 30, blue: 40), Colour(red: 50, green: 80, blue: 60),
                       Colour(red: 60, green: 60, blue: 60), Colour(red: 150, green: 150, blue: 160), Colour(red: 20, green: 20, blue: 25)]
        let skin = r.pick(skins), hair = r.pick(hairs), cloth = r.pick(clothes)
        let shade = style == .shaded || style == .grainy ? 0.35 : 0
        let outline = style == .sketch
        func ellipse(_ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double, _ colour: Colour, angle: Double = 0, shade s: Double = shade) {
            if outline {
                image.fillEllipse(centre: Point(x: cx, y: cy), radiusX: rx, radiusY: ry, angle: angle, colour: Colour(gray: 40))
                let inset = max(1, w * 0.012)
                image.fillEllipse(centre: Point(x: cx, y: cy), radiusX: max(0.5, rx - inset), radiusY: max(0.5, ry - inset), angle: angle,
                                  colour: colour.blended(over: .white, alpha: 0.35))
            } else {
                image.fillEllipse(centre: Point(x: cx, y: cy), radiusX: rx, radiusY: ry, angle: angle, colour: colour, shade: s)
            }
        }

        let faceX = w * r.uniform(0.46...0.54), faceY = h * r.uniform(0.40...0.46)
        let faceRX = w * r.uniform(0.22...0.28), faceRY = h * r.uniform(0.22...0.27)
        // Shoulders and neck.
        ellipse(w * 0.5, h * 1.02, w * r.uniform(0.48...0.58), h * 0.26, cloth)
        ellipse(faceX, faceY + faceRY * 0.95, faceRX * 0.45, faceRY * 0.45, skin.scaled(0.92))
        // Hair behind the head for long styles.
        let hairStyle = r.int(0...3)
        if hairStyle == 2 { ellipse(faceX, faceY + faceRY * 0.35, faceRX * 1.3, faceRY * 1.25, hair) }
        // Ears, head.
        ellipse(faceX - faceRX * 0.98, faceY + faceRY * 0.05, faceRX * 0.16, faceRY * 0.2, skin.scaled(0.95))
        ellipse(faceX + faceRX * 0.98, faceY + faceRY * 0.05, faceRX * 0.16, faceRY * 0.2, skin.scaled(0.95))
        ellipse(faceX, faceY, faceRX, faceRY, skin)
        // Hair on top (bald: none).
        if hairStyle != 3 {
            ellipse(faceX, faceY - faceRY * 0.72, faceRX * 1.06, faceRY * 0.45, hair)
            if hairStyle == 1 { ellipse(faceX - faceRX * 0.3, faceY - faceRY * 0.55, faceRX * 0.75, faceRY * 0.3, hair, angle: 0.3) }
        }
        // Eyes, brows, nose, mouth.
        let eyeY = faceY - faceRY * r.uniform(0.02...0.12), eyeDX = faceRX * r.uniform(0.36...0.46)
        let eyeR = faceRX * r.uniform(0.11...0.15)
        let iris = r.pick([Colour(red: 60, green: 40, blue: 25), Colour(red: 50, green: 90, blue: 130), Colour(red: 70, green: 110, blue: 70)])
        for side in [-1.0, 1.0] {
            ellipse(faceX + side * eyeDX, eyeY, eyeR, eyeR * 0.6, .white, shade: 0)
            ellipse(faceX + side * eyeDX, eyeY, eyeR * 0.5, eyeR * 0.5, iris, shade: 0)
            ellipse(faceX + side * eyeDX, eyeY, eyeR * 0.22, eyeR * 0.22, Colour(gray: 10), shade: 0)
            ellipse(faceX + side * eyeDX, eyeY - eyeR * 1.3, eyeR * 1.3, eyeR * 0.28, hair.scaled(0.8), angle: side * -0.12, shade: 0)
        }
        ellipse(faceX, faceY + faceRY * 0.22, faceRX * 0.1, faceRY * 0.16, skin.scaled(0.85))
        let mouthWidth = faceRX * r.uniform(0.3...0.45)
        ellipse(faceX, faceY + faceRY * 0.55, mouthWidth, faceRY * r.uniform(0.05...0.09), Colour(red: 150, green: 70, blue: 70).blended(over: skin, alpha: 0.7), shade: 0)
        if r.chance(0.25) {
            // Beard.
            ellipse(faceX, faceY + faceRY * 0.78, faceRX * 0.7, faceRY * 0.3, hair.blended(over: skin, alpha: 0.75))
        }
        if r.chance(0.25) {
            // Glasses: two rings and a bridge.
            var mask = CoverageMask(width: width, height: height)
            for side in [-1.0, 1.0] {
                let cx = faceX + side * eyeDX
                mask.stroke((0...40).map { k in
                    let t = Double(k) / 40 * 2 * .pi
                    return Point(x: cx + eyeR * 1.7 * cos(t), y: eyeY + eyeR * 1.3 * sin(t))
                }, lineWidth: max(1, w * 0.012))
            }
            mask.stroke([Point(x: faceX - eyeDX + eyeR * 1.7, y: eyeY), Point(x: faceX + eyeDX - eyeR * 1.7, y: eyeY)], lineWidth: max(1, w * 0.01))
            mask.blend(into: &image, colour: Colour(gray: 30), alpha: 0.9)
        }
        switch style {
        case .mosaic: return image.blocky(block: max(2, width / 40))
        case .grainy:
            image.addGrain(sigma: 9, random: &r)
            return image
        default: return image
        }
    }
}

extension Image {
    /// Each `block × block` square replaced by its mean colour.
    func blocky(block: Int) -> Image {
        let small = downsampled(by: block)
        var result = self
        for y in 0..<height {
            for x in 0..<width {
                if let colour = small[min(small.width - 1, x / block), min(small.height - 1, y / block)] {
                    result.setPixel(x: x, y: y, to: colour)
                }
            }
        }
        return result
    }

    /// Gaussian grain of standard deviation `sigma` on every sample.
    mutating func addGrain(sigma: Double, random: inout SplitMix64) {
        withUnsafeMutableBytes { pixels in
            for index in pixels.indices {
                pixels[index] = clampByte(Double(pixels[index]) + sigma * random.normal())
            }
        }
    }
}
