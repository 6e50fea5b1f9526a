import IDCheckImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The issuer's seal: concentric rings, a star and a small rosette in the accent colour.
enum Emblem {
    static func draw(in rectangle: Rectangle, colour: Colour, into image: inout Image, pixelsPerMillimetre: Double) {
        let centre = Point(x: rectangle.x + rectangle.width / 2, y: rectangle.y + rectangle.height / 2)
        let radius = min(rectangle.width, rectangle.height) / 2 * 0.95
        var mask = CoverageMask(width: image.width, height: image.height)
        let line = max(1, 0.15 * pixelsPerMillimetre)
        mask.strokeRings(centre: centre, radius: radius, fractions: [1.0, 0.92, 0.55], minimumPoints: 24, lineWidth: line)
        // A twelve-pointed star between the inner rings.
        mask.strokeStar(centre: centre, outer: radius * 0.85, inner: radius * 0.6, tips: 12, rotation: -.pi / 2, lineWidth: line)
        for petal in 0..<8 {
            let phase = Double(petal) / 8 * .pi
            let count = 60
            mask.stroke((0...count).map { k in
                let t = Double(k) / Double(count) * 2 * .pi
                let r = radius * 0.5 * abs(sin(2 * t + phase))
                return Point(x: centre.x + r * cos(t), y: centre.y + r * sin(t))
            }, lineWidth: line * 0.7)
        }
        mask.blend(into: &image, colour: colour, alpha: 0.9)
    }
}

/// A handwritten-looking signature: a smooth random scribble in blue-black ink.
enum Signature {
    static func draw(in rectangle: Rectangle, into image: inout Image, random: inout SplitMix64, pixelsPerMillimetre: Double) {
        var mask = CoverageMask(width: image.width, height: image.height)
        let frequencies = (0..<3).map { _ in random.uniform(2...9) }
        let phases = (0..<3).map { _ in random.uniform(0...(2 * .pi)) }
        let loops = random.uniform(8...18)
        let count = 400
        var points: [Point] = []
        for k in 0...count {
            let t = Double(k) / Double(count)
            var y = 0.0
            for (f, p) in zip(frequencies, phases) { y += sin(2 * .pi * f * t + p) / 3 }
            let x = t + 0.04 * sin(2 * .pi * loops * t)
            let yy = 0.5 + 0.32 * y + 0.12 * cos(2 * .pi * loops * t)
            points.append(Point(x: rectangle.x + rectangle.width * (0.05 + 0.9 * x), y: rectangle.y + rectangle.height * yy))
        }
        mask.stroke(points, lineWidth: max(1, 0.25 * pixelsPerMillimetre))
        // An underline stroke, as many signatures have.
        if random.chance(0.5) {
            let y = rectangle.y + rectangle.height * 0.85
            mask.stroke([Point(x: rectangle.x + rectangle.width * 0.1, y: y), Point(x: rectangle.x + rectangle.width * 0.8, y: y - rectangle.height * 0.1)],
                        lineWidth: max(1, 0.2 * pixelsPerMillimetre))
        }
        mask.blend(into: &image, colour: Colour(red: 25, green: 35, blue: 90), alpha: 0.9)
    }
}
