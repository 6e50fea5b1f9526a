import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An 8-bit coverage buffer that strokes accumulate into (maximum, not sum), then blended into an
/// image in one pass: overlapping segments of one curve do not darken their joints, and a
/// thousand-curve guilloche costs one blend instead of a thousand.
struct CoverageMask {
    let width: Int
    let height: Int
    var values: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        values = [UInt8](repeating: 0, count: width * height)
    }

    /// Concentric circles around `centre` at `fractions` of `radius`, each a closed polyline with
    /// a point per pixel of its radius (at least `minimumPoints`): the rings of a seal or emblem.
    mutating func strokeRings(centre: Point, radius: Double, fractions: [Double], minimumPoints: Int, lineWidth: Double) {
        for ring in fractions {
            let count = max(minimumPoints, Int(radius * ring))
            stroke((0...count).map { k in
                let t = Double(k) / Double(count) * 2 * .pi
                return Point(x: centre.x + radius * ring * cos(t), y: centre.y + radius * ring * sin(t))
            }, lineWidth: lineWidth)
        }
    }

    /// A closed star of `tips` points around `centre`, its tips at `outer` and its notches at
    /// `inner` radius, the first tip at angle `rotation`.
    mutating func strokeStar(centre: Point, outer: Double, inner: Double, tips: Int, rotation: Double, lineWidth: Double) {
        let corners = 2 * tips
        stroke((0...corners).map { k in
            let r = k % 2 == 0 ? outer : inner
            let t = Double(k) / Double(corners) * 2 * .pi + rotation
            return Point(x: centre.x + r * cos(t), y: centre.y + r * sin(t))
        }, lineWidth: lineWidth)
    }

    /// Strokes a polyline `lineWidth` pixels wide, anti-aliased by distance to each segment.
    mutating func stroke(_ points: [Point], lineWidth: Double) {
        guard points.count >= 2 else { return }
        let half = max(0.35, lineWidth / 2)
        let width = self.width, height = self.height
        values.withUnsafeMutableBufferPointer { mask in
            for index in 1..<points.count {
                let a = points[index - 1], b = points[index]
                let minX = max(0, Int((min(a.x, b.x) - half - 1).rounded(.down)))
                let maxX = min(width - 1, Int((max(a.x, b.x) + half + 1).rounded(.up)))
                let minY = max(0, Int((min(a.y, b.y) - half - 1).rounded(.down)))
                let maxY = min(height - 1, Int((max(a.y, b.y) + half + 1).rounded(.up)))
                guard minX <= maxX, minY <= maxY else { continue }
                let dx = b.x - a.x, dy = b.y - a.y
                let lengthSquared = max(1e-12, dx * dx + dy * dy)
                for y in minY...maxY {
                    let py = Double(y) + 0.5
                    for x in minX...maxX {
                        let px = Double(x) + 0.5
                        var t = ((px - a.x) * dx + (py - a.y) * dy) / lengthSquared
                        t = min(1, max(0, t))
                        let ex = a.x + t * dx - px, ey = a.y + t * dy - py
                        let distance = (ex * ex + ey * ey).squareRoot()
                        let coverage = min(1, max(0, half + 0.5 - distance))
                        guard coverage > 0 else { continue }
                        let value = UInt8(coverage * 255)
                        let offset = y * width + x
                        if value > mask[offset] { mask[offset] = value }
                    }
                }
            }
        }
    }

    /// Blends `colour` into `image` (same size) through the mask at opacity `alpha`.
    func blend(into image: inout Image, colour: Colour, alpha: Double) {
        guard image.width == width, image.height == height else { return }
        let opacity = Int((min(1, max(0, alpha)) * 256).rounded())
        let channels = image.channels, stride = image.stride
        let components: [Int] = image.format == .gray ? [Int(colour.luminance)] : [Int(colour.red), Int(colour.green), Int(colour.blue)]
        values.withUnsafeBufferPointer { mask in
            image.withUnsafeMutableBytes { pixels in
                for y in 0..<height {
                    for x in 0..<width {
                        let m = Int(mask[y * width + x])
                        guard m > 0 else { continue }
                        let a = (m * opacity + 127) / 255
                        let offset = y * stride + x * channels
                        for c in 0..<channels {
                            pixels[offset + c] = UInt8((components[c] * a + Int(pixels[offset + c]) * (256 - a) + 128) >> 8)
                        }
                    }
                }
            }
        }
    }
}
