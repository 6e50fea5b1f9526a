import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A substituted photo as examiners meet it: another person's portrait printed separately (its
/// own printer, colour balance, sharpness, grain or JPEG history) and glued or laminated over the
/// photo zone, a little off the zone (shifted, scaled, turned), covering the issuer's overprint,
/// with a cut edge or a shadow where it stands off the page.
public struct PastedPhoto: Sendable, Hashable, Codable {
    /// How the replacement was printed and stuck on.
    public enum Variant: String, Sendable, Hashable, Codable, CaseIterable {
        /// A photo-lab print laminated over the zone: colour cast, a little larger than the zone,
        /// a white paper rim and a soft shadow along two edges.
        case glossyLaminated = "glossy-laminated"
        /// An inkjet print: soft (printed at a lower resolution), ink grain, washed-out colours,
        /// a dark cut edge.
        case inkjetGrain = "inkjet-grain"
        /// A portrait taken from a heavily compressed JPEG and printed: 8 × 8 blocks at the photo's
        /// own scale, a shadow.
        case jpegReprint = "jpeg-reprint"
        /// Trimmed a little smaller than the zone and glued inside it: the issuer's portrait shows
        /// along the margins; no shadow.
        case trimmedInside = "trimmed-inside"
        /// A colour-laser print: a regular halftone screen, saturated colours, a thin shadow.
        /// Held out from tuning the photo check (benchmarks/visual-forensics.sh).
        case laserHalftone = "laser-halftone"
    }

    public var variant: Variant
    /// 0…1: how far off the zone, how strong the print's own look.
    public var strength: Double
    /// Offset of the print's centre from the zone's, as fractions of the zone's width and height.
    public var shiftX: Double
    public var shiftY: Double
    /// Size relative to the zone (1: same size).
    public var scale: Double
    /// Rotation in degrees.
    public var angle: Double
    /// Channel gains of the print's colour balance.
    public var gains: [Double]
    /// The print's own noise and process parameters.
    public var seed: UInt64

    /// A pasted print of variant drawn from `random`.
    static func random(using random: inout SplitMix64) -> PastedPhoto {
        let variant = random.pick(Variant.allCases)
        let strength = random.uniform(0...1)
        let offset = 0.004 + 0.018 * strength
        let direction = random.uniform(0...(2 * .pi))
        var scale = 1 + random.uniform(0.005...0.03)
        if variant == .trimmedInside { scale = 1 - random.uniform(0.03...0.08) }
        let angle = (random.chance(0.5) ? 1.0 : -1.0) * random.uniform(0.1...(0.3 + 1.2 * strength))
        let cast = 0.03 + 0.09 * strength
        let gains = (0..<3).map { _ in 1 + random.uniform(-cast...cast) }
        return PastedPhoto(variant: variant, strength: strength, shiftX: offset * cos(direction), shiftY: offset * sin(direction),
                           scale: scale, angle: angle, gains: gains, seed: random.next())
    }

    /// Words for the labels: the variant first (benchmarks select on it), then the geometry.
    var detail: String {
        func f(_ v: Double, _ digits: Int = 3) -> String {
            let p = pow(10, Double(digits))
            return String((v * p).rounded() / p)
        }
        return "pasted print, variant \(variant.rawValue), strength \(f(strength, 2)): shifted (\(f(shiftX)), \(f(shiftY))) of the zone, "
            + "scale \(f(scale)), turned \(f(angle, 2))°, colour gains \(gains.map { f($0) }.joined(separator: "/"))"
    }

    /// Prints `portrait` this way and sticks it over `zone` (pixels of the flat side at
    /// `pixelsPerMillimetre`); returns the print's outline (4 corners clockwise from its top-left).
    func draw(_ portrait: Portrait, over zone: Rectangle, into image: inout Image, pixelsPerMillimetre: Double) -> [Point] {
        var random = SplitMix64(seed: seed)
        let width = max(2, Int((zone.width * scale).rounded())), height = max(2, Int((zone.height * scale).rounded()))
        let print = printed(portrait, width: width, height: height, pixelsPerMillimetre: pixelsPerMillimetre, random: &random)
        let centre = Point(x: zone.x + zone.width * (0.5 + shiftX), y: zone.y + zone.height * (0.5 + shiftY))
        let turn = angle * .pi / 180
        // Print pixels (u, v) → side pixels.
        let placement = Homography.translation(centre.x, centre.y).after(.rotation(turn))
            .after(.translation(-Double(width) / 2, -Double(height) / 2))
        let outline = [Point(x: 0, y: 0), Point(x: Double(width), y: 0), Point(x: Double(width), y: Double(height)),
                       Point(x: 0, y: Double(height))].map { placement.apply($0) }
        if variant != .trimmedInside {
            let length = (variant == .laserHalftone ? 0.12 : 0.25 + 0.35 * strength) * pixelsPerMillimetre
            let direction = random.uniform(0...(2 * .pi))
            let offset = Point(x: length * cos(direction), y: length * sin(direction))
            shadow(of: placement, width: width, height: height, offset: offset, softness: max(1, length),
                   darkness: variant == .laserHalftone ? 0.2 : 0.25 + 0.2 * strength, into: &image)
        }
        guard let inverse = placement.inverse else { return outline }
        composite(print, inverse: inverse, bounds: outline, into: &image)
        return outline
    }

    /// The portrait as this print process renders it, `width` × `height`, RGB.
    private func printed(_ portrait: Portrait, width: Int, height: Int, pixelsPerMillimetre: Double, random: inout SplitMix64) -> Image {
        var print: Image
        switch variant {
        case .inkjetGrain:
            // Printed at 100–200 dpi and seen at the side's resolution: soft.
            let factor = min(1, (3.9 + 3.9 * random.uniform(0...1)) / pixelsPerMillimetre)
            let small = portrait.render(width: max(8, Int(Double(width) * factor)), height: max(8, Int(Double(height) * factor)))
            print = small.resized(width: width, height: height)
            print.addGrain(sigma: 3 + 6 * strength, random: &random)
        case .jpegReprint:
            // The source JPEG: 90–180 px wide, quality 12–40, enlarged to the print.
            let sourceWidth = random.int(90...180)
            let sourceHeight = max(8, sourceWidth * height / max(1, width))
            var small = portrait.render(width: sourceWidth, height: sourceHeight)
            let quality = random.int(12...40)
            if let bytes = try? ImageEncoder.jpeg(small, quality: quality), let decoded = try? ImageDecoder().decode(bytes) {
                small = decoded.image.converted(to: .rgb)
            }
            print = small.resized(width: width, height: height)
        case .laserHalftone:
            print = portrait.render(width: width, height: height)
            print.halftone(period: 0.17 * pixelsPerMillimetre)
        case .glossyLaminated, .trimmedInside:
            print = portrait.render(width: width, height: height)
            if variant == .trimmedInside { print = print.resized(width: max(8, width * 2 / 3), height: max(8, height * 2 / 3)).resized(width: width, height: height) }
        }
        print.applyGains(gains, contrast: variant == .laserHalftone ? 1.12 : (variant == .inkjetGrain ? 0.85 : 1 + 0.1 * strength))
        if variant == .glossyLaminated {
            // The photo paper's white rim, one or two pixels.
            let rim = random.int(1...2)
            print.stroke(Rectangle(x: 0, y: 0, width: Double(width), height: Double(height)), colour: Colour(gray: 248), lineWidth: Double(rim) * 2)
        } else if variant == .inkjetGrain {
            print.stroke(Rectangle(x: 0, y: 0, width: Double(width), height: Double(height)), colour: Colour(gray: 70), lineWidth: 1.5, alpha: 0.6)
        }
        return print
    }

    /// Darkens the page around where the print stands off it: its outline moved by `offset`, soft.
    private func shadow(of placement: Homography, width: Int, height: Int, offset: Point, softness: Double, darkness: Double,
                        into image: inout Image) {
        guard let inverse = Homography.translation(offset.x, offset.y).after(placement).inverse else { return }
        let corners = [Point(x: 0, y: 0), Point(x: Double(width), y: 0), Point(x: Double(width), y: Double(height)), Point(x: 0, y: Double(height))]
            .map { Homography.translation(offset.x, offset.y).after(placement).apply($0) }
        let (x0, y0, x1, y1) = bounds(of: corners, margin: softness * 2, in: image)
        guard x0 < x1, y0 < y1 else { return }
        let w = Double(width), h = Double(height), channels = image.channels, stride = image.stride
        image.withUnsafeMutableBytes { pixels in
            for y in y0..<y1 {
                for x in x0..<x1 {
                    let p = inverse.apply(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                    let inside = min(p.x, p.y, w - p.x, h - p.y)
                    let coverage = min(1, max(0, 0.5 + inside / (2 * softness)))
                    guard coverage > 0 else { continue }
                    let factor = 1 - darkness * coverage
                    let offset = y * stride + x * channels
                    for c in 0..<channels { pixels[offset + c] = clampByte(Double(pixels[offset + c]) * factor) }
                }
            }
        }
    }

    /// Draws `print` through `inverse` (side → print pixels), bilinear, with a one-pixel soft cut edge.
    private func composite(_ print: Image, inverse: Homography, bounds outline: [Point], into image: inout Image) {
        let (x0, y0, x1, y1) = bounds(of: outline, margin: 2, in: image)
        guard x0 < x1, y0 < y1 else { return }
        let pw = Double(print.width), ph = Double(print.height)
        let channels = image.channels, stride = image.stride, sourceStride = print.stride, sw = print.width, sh = print.height
        print.withUnsafeBytes { src in
            image.withUnsafeMutableBytes { dst in
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let p = inverse.apply(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                        let coverage = min(1, max(0, min(p.x, p.y, pw - p.x, ph - p.y) + 0.5))
                        guard coverage > 0 else { continue }
                        let sx = min(pw - 1, max(0, p.x - 0.5)), sy = min(ph - 1, max(0, p.y - 0.5))
                        let ix = Int(sx), iy = Int(sy), jx = min(ix + 1, sw - 1), jy = min(iy + 1, sh - 1)
                        let fx = sx - Double(ix), fy = sy - Double(iy)
                        let to = y * stride + x * channels
                        for c in 0..<channels {
                            let source = min(c, 2)
                            let a = Double(src[iy * sourceStride + ix * 3 + source]), b = Double(src[iy * sourceStride + jx * 3 + source])
                            let d = Double(src[jy * sourceStride + ix * 3 + source]), e = Double(src[jy * sourceStride + jx * 3 + source])
                            let top = a + (b - a) * fx, bottom = d + (e - d) * fx
                            let value = top + (bottom - top) * fy
                            dst[to + c] = clampByte(value * coverage + Double(dst[to + c]) * (1 - coverage))
                        }
                    }
                }
            }
        }
    }

    private func bounds(of points: [Point], margin: Double, in image: Image) -> (Int, Int, Int, Int) {
        let x0 = max(0, Int(((points.map(\.x).min() ?? 0) - margin).rounded(.down)))
        let y0 = max(0, Int(((points.map(\.y).min() ?? 0) - margin).rounded(.down)))
        let x1 = min(image.width, Int(((points.map(\.x).max() ?? 0) + margin).rounded(.up)))
        let y1 = min(image.height, Int(((points.map(\.y).max() ?? 0) + margin).rounded(.up)))
        return (x0, y0, x1, y1)
    }
}

extension Image {
    /// Bilinear resize (RGB), for prints made at another resolution than the page's.
    func resized(width newWidth: Int, height newHeight: Int) -> Image {
        let sx = Double(width) / Double(newWidth), sy = Double(height) / Double(newHeight)
        return warped(width: newWidth, height: newHeight, mapping: Homography([sx, 0, 0, 0, sy, 0, 0, 0, 1]))
    }

    /// Channel gains around mid-grey contrast, as another printer's colour balance.
    mutating func applyGains(_ gains: [Double], contrast: Double) {
        let channels = self.channels
        withUnsafeMutableBytes { pixels in
            for index in pixels.indices {
                let gain = gains.isEmpty ? 1 : gains[min(gains.count - 1, index % channels)]
                let value = (Double(pixels[index]) - 128) * contrast + 128
                pixels[index] = clampByte(value * gain)
            }
        }
    }

    /// A clustered-dot screen at 45°: each channel becomes dots whose size follows its ink.
    mutating func halftone(period: Double) {
        let period = max(2, period)
        let width = self.width, height = self.height, channels = self.channels, stride = self.stride
        let c = cos(Double.pi / 4), s = sin(Double.pi / 4)
        withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    let u = (Double(x) * c + Double(y) * s) / period, v = (-Double(x) * s + Double(y) * c) / period
                    // Distance to the cell centre, 0 at the centre, ~0.7 at the corners.
                    let du = u - u.rounded(), dv = v - v.rounded()
                    let distance = (du * du + dv * dv).squareRoot() / 0.7071
                    let offset = y * stride + x * channels
                    for k in 0..<channels {
                        let ink = 1 - Double(pixels[offset + k]) / 255
                        // A dot covers the cell where the ink exceeds the distance; soft by a fifth of a cell.
                        let coverage = min(1, max(0, (ink - distance * distance * 0.999) * 5 + 0.5))
                        // Toner dots spread and the fuser smooths them: the screen shows at 60%.
                        pixels[offset + k] = clampByte(0.6 * 255 * (1 - coverage) + 0.4 * Double(pixels[offset + k]))
                    }
                }
            }
        }
    }
}
