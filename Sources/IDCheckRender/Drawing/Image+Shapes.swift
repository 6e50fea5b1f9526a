import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Anti-aliased filled shapes for portraits and emblems (the imaging module's polygon fill is
/// aliased, which is right for annotations but looks like a forgery on a portrait).
extension Image {
    /// Fills an ellipse, rotated by `angle` radians, with an edge one pixel soft. `shade` darkens
    /// towards the lower right (0 flat, 0.3 a round face lit from the upper left).
    mutating func fillEllipse(centre: Point, radiusX: Double, radiusY: Double, angle: Double = 0,
                              colour: Colour, alpha: Double = 1, shade: Double = 0) {
        guard radiusX > 0.3, radiusY > 0.3 else { return }
        let reach = max(radiusX, radiusY) + 1.5
        let minX = max(0, Int(centre.x - reach)), maxX = min(width - 1, Int(centre.x + reach))
        let minY = max(0, Int(centre.y - reach)), maxY = min(height - 1, Int(centre.y + reach))
        guard minX <= maxX, minY <= maxY else { return }
        let cosA = cos(angle), sinA = sin(angle)
        let smaller = min(radiusX, radiusY)
        for y in minY...maxY {
            for x in minX...maxX {
                let dx = Double(x) + 0.5 - centre.x, dy = Double(y) + 0.5 - centre.y
                let u = (dx * cosA + dy * sinA) / radiusX, v = (-dx * sinA + dy * cosA) / radiusY
                let f = (u * u + v * v).squareRoot()
                let coverage = min(1, max(0, (1 - f) * smaller + 0.5))
                guard coverage > 0 else { continue }
                var c = colour
                if shade != 0 {
                    let light = 1 - shade * (0.5 * u + 0.35 * v + 0.4 * f * f)
                    c = Colour(red: clampByte(Double(colour.red) * light), green: clampByte(Double(colour.green) * light),
                               blue: clampByte(Double(colour.blue) * light))
                }
                blendPixel(x: x, y: y, colour: c, alpha: alpha * coverage)
            }
        }
    }

    /// Fills the region between two vertical gradients' colours over the whole image.
    mutating func fillGradient(from top: Colour, to bottom: Colour, diagonal: Bool = true) {
        let w = Double(max(1, width - 1)), h = Double(max(1, height - 1))
        let channels = self.channels, stride = self.stride, width = self.width, height = self.height
        let isGray = format == .gray
        withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    let t = diagonal ? (Double(x) / w + Double(y) / h) / 2 : Double(y) / h
                    let c = Colour(red: mix(top.red, bottom.red, t), green: mix(top.green, bottom.green, t), blue: mix(top.blue, bottom.blue, t))
                    let offset = y * stride + x * channels
                    if isGray { pixels[offset] = c.luminance } else {
                        pixels[offset] = c.red; pixels[offset + 1] = c.green; pixels[offset + 2] = c.blue
                    }
                }
            }
        }
    }
}

@inline(__always) func clampByte(_ value: Double) -> UInt8 { UInt8(min(255, max(0, value.rounded()))) }
@inline(__always) func mix(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 { clampByte(Double(a) + (Double(b) - Double(a)) * t) }

extension Colour {
    /// `#rrggbb`, or `fallback` when the text is not one (validated at load, so rare).
    init(hex: String, fallback: Colour = .black) {
        if let rgb = RGBHexParse.parse(hex) { self.init(red: rgb.0, green: rgb.1, blue: rgb.2) } else { self = fallback }
    }

    func scaled(_ factor: Double) -> Colour {
        Colour(red: clampByte(Double(red) * factor), green: clampByte(Double(green) * factor), blue: clampByte(Double(blue) * factor))
    }
}

import IDCheckSpecimens
enum RGBHexParse {
    static func parse(_ text: String) -> (UInt8, UInt8, UInt8)? {
        RGBHex.parse(text).map { ($0.red, $0.green, $0.blue) }
    }
}
