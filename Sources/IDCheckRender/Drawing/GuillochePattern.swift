import IDCheckImaging
import IDCheckSpecimens
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The procedural guilloche-like background of a model: families of fine modulated curves
/// (rosettes, sine bands, crossing meshes, modulated rings), fixed by the model's pattern seed so
/// that every document of the model carries the same pattern, as printed security backgrounds do.
enum GuillochePattern {
    /// Draws the pattern over `image` (the whole side). Line width scales with resolution
    /// (about 0.08 mm), so the pattern looks the same at every dpi.
    static func draw(_ pattern: Specimen.RenderingStyle.Pattern, sideIndex: Int, into image: inout Image, pixelsPerMillimetre: Double) {
        var random = SplitMix64(seed: pattern.seed, index: UInt64(sideIndex), stream: 7)
        let colours = pattern.colours.map { Colour(hex: $0) }
        var masks = colours.map { _ in CoverageMask(width: image.width, height: image.height) }
        let w = Double(image.width), h = Double(image.height)
        let lineWidth = max(0.7, 0.08 * pixelsPerMillimetre)
        let step = max(1.5, pixelsPerMillimetre * 0.35)
        let lines = max(8, pattern.lines)
        switch pattern.kind {
        case .rosette:
            let centres = [Point(x: w * random.uniform(0.15...0.35), y: h * random.uniform(0.3...0.7)),
                           Point(x: w * random.uniform(0.6...0.85), y: h * random.uniform(0.3...0.7))]
            for (c, centre) in centres.enumerated() {
                let radius = h * random.uniform(0.35...0.5)
                let petals = Double(random.int(7...13))
                for i in 0..<lines {
                    let phase = Double(i) / Double(lines) * 2 * .pi
                    let depth = radius * (0.18 + 0.1 * sin(Double(i) * 0.37))
                    let count = Int(2 * .pi * radius / step)
                    let points = (0...count).map { k -> Point in
                        let t = Double(k) / Double(count) * 2 * .pi
                        let r = radius - depth + depth * sin(petals * t + phase) + 0.06 * radius * sin(3 * t - phase)
                        return Point(x: centre.x + r * cos(t), y: centre.y + r * sin(t))
                    }
                    masks[(i + c) % masks.count].stroke(points, lineWidth: lineWidth)
                }
            }
        case .waves, .mesh:
            let families = pattern.kind == .mesh ? 2 : 1
            for family in 0..<families {
                let angle = pattern.kind == .mesh ? (family == 0 ? 0.35 : -0.35) : 0
                let wavelength = w * random.uniform(0.12...0.22)
                let amplitude = h * random.uniform(0.03...0.06)
                let second = random.uniform(0.3...0.7)
                let span = (w * w + h * h).squareRoot()
                for i in 0..<lines {
                    let offset = -span / 2 + span * Double(i) / Double(lines)
                    let phase = Double(i) * 0.21
                    let count = Int(span * 1.2 / step)
                    let points = (0...count).map { k -> Point in
                        let s = -span * 0.6 + Double(k) * step
                        let v = offset + amplitude * sin(2 * .pi * s / wavelength + phase) + amplitude * second * sin(2 * .pi * s / (wavelength * 0.37) - 2 * phase)
                        return Point(x: w / 2 + s * cos(angle) - v * sin(angle), y: h / 2 + s * sin(angle) + v * cos(angle))
                    }
                    masks[(i + family) % masks.count].stroke(points, lineWidth: lineWidth)
                }
            }
        case .rings:
            let centre = Point(x: w * random.uniform(0.55...0.75), y: h * random.uniform(0.4...0.6))
            let maxRadius = (w * w + h * h).squareRoot() * 0.75
            let lobes = Double(random.int(9...17))
            for i in 0..<lines {
                let base = maxRadius * Double(i + 1) / Double(lines)
                let count = Int(2 * .pi * base / step)
                let points = (0...count).map { k -> Point in
                    let t = Double(k) / Double(count) * 2 * .pi
                    let r = base + base * 0.04 * sin(lobes * t + Double(i) * 0.5)
                    return Point(x: centre.x + r * cos(t), y: centre.y + r * sin(t))
                }
                masks[i % masks.count].stroke(points, lineWidth: lineWidth)
            }
        }
        for (mask, colour) in zip(masks, colours) { mask.blend(into: &image, colour: colour, alpha: 0.85) }
    }
}

/// The paper of each model and side (gradient and pattern) at each size, drawn once per process:
/// it is the same on every document of the model and the most expensive part of a side.
/// Guarded by an `NSLock`, which ThreadSanitizer sees (see ``FontCache``).
final class PaperCache: @unchecked Sendable {
    static let shared = PaperCache()

    private struct Key: Hashable {
        let specimen: String
        let side: Int
        let width: Int
        let height: Int
    }

    private let lock = NSLock()
    private var storage: [Key: Image] = [:]

    func paper(for specimen: Specimen, sideIndex: Int, width: Int, height: Int, pixelsPerMillimetre: Double) -> Image {
        let key = Key(specimen: specimen.id, side: sideIndex, width: width, height: height)
        lock.lock()
        let cached = storage[key]
        lock.unlock()
        if let cached { return cached }
        var image = Image(width: width, height: height, format: .rgb)
        if let style = specimen.rendering {
            let first = Colour(hex: style.paper.first ?? "#f4f4f0")
            let last = Colour(hex: style.paper.last ?? "#f4f4f0")
            image.fillGradient(from: first, to: last)
            GuillochePattern.draw(style.pattern, sideIndex: sideIndex, into: &image, pixelsPerMillimetre: pixelsPerMillimetre)
        }
        lock.lock()
        if storage.count > 64 { storage.removeAll() }
        storage[key] = image
        lock.unlock()
        return image
    }
}
