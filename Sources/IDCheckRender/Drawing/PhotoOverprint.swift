import IDCheckImaging
import IDCheckSpecimens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The security print that issuers lay across the portrait's border in the same pass as the
/// portrait itself, so that a photo glued or laminated over the zone has to cover it: a seal over
/// one corner, fine guilloche lines running across an edge, or the background pattern carried a
/// few millimetres into the photo. Which one, and where, is fixed per model (from its pattern
/// seed), so every document of a model shows the same overprint, as its reference image does.
enum PhotoOverprint {
    enum Kind: Int, CaseIterable { case seal = 0, patternEdge = 1, lines = 2 }

    /// The overprint of a model.
    static func kind(for style: Specimen.RenderingStyle) -> Kind {
        Kind(rawValue: Int(style.pattern.seed % 3)) ?? .seal
    }

    /// Draws the overprint of `specimen` over the photo zone `zone` (pixels of the flat side);
    /// `paper` is the blank paper of the side (gradient and pattern), for the pattern edge.
    static func draw(over zone: Rectangle, specimen: Specimen, paper: Image, into image: inout Image, pixelsPerMillimetre: Double) {
        guard let style = specimen.rendering else { return }
        // The corner and edge facing the document's own edge: the printed fields beside the
        // photo stay clear of it (a photo on the left gets its overprint on the left).
        let outerRight = zone.x + zone.width / 2 > Double(image.width) / 2
        let accent = Colour(hex: style.accent)
        switch kind(for: style) {
        case .seal:
            let radius = zone.width * 0.18
            let centre = Point(x: outerRight ? zone.x + zone.width - radius * 0.3 : zone.x + radius * 0.3,
                               y: zone.y + radius * 0.3)
            drawSeal(centre: centre, radius: radius, colour: accent, into: &image, pixelsPerMillimetre: pixelsPerMillimetre)
        case .lines:
            drawLines(across: zone, outerRight: outerRight, seed: style.pattern.seed, colour: accent, into: &image,
                      pixelsPerMillimetre: pixelsPerMillimetre)
        case .patternEdge:
            drawPatternEdge(over: zone, paper: paper, into: &image, pixelsPerMillimetre: pixelsPerMillimetre)
        }
    }

    /// Rings and a star in the accent colour, translucent so that the face stays visible.
    private static func drawSeal(centre: Point, radius: Double, colour: Colour, into image: inout Image, pixelsPerMillimetre: Double) {
        var mask = CoverageMask(width: image.width, height: image.height)
        let line = max(1, 0.22 * pixelsPerMillimetre)
        mask.strokeRings(centre: centre, radius: radius, fractions: [1.0, 0.86, 0.5], minimumPoints: 32, lineWidth: line)
        mask.strokeStar(centre: centre, outer: radius * 0.8, inner: radius * 0.55, tips: 16, rotation: 0, lineWidth: line * 0.8)
        mask.blend(into: &image, colour: colour, alpha: 0.6)
    }

    /// Fine wavy lines across the photo's outer edge, a third of the way in.
    private static func drawLines(across zone: Rectangle, outerRight: Bool, seed: UInt64, colour: Colour, into image: inout Image,
                                  pixelsPerMillimetre: Double) {
        var random = SplitMix64(seed: seed, index: 0, stream: 11)
        var mask = CoverageMask(width: image.width, height: image.height)
        let line = max(1, 0.14 * pixelsPerMillimetre)
        let reachInside = zone.width * 0.32, reachOutside = zone.width * 0.06
        let edge = outerRight ? zone.x + zone.width : zone.x
        let inward = outerRight ? -1.0 : 1.0
        let top = zone.y + zone.height * 0.12, bottom = zone.y + zone.height * 0.62
        let count = 9
        let wavelength = zone.width * random.uniform(0.12...0.2)
        let amplitude = zone.height * 0.018
        for i in 0..<count {
            let y0 = top + (bottom - top) * Double(i) / Double(count - 1)
            let phase = Double(i) * 0.7
            let steps = max(24, Int((reachInside + reachOutside) / max(1, pixelsPerMillimetre * 0.3)))
            let points = (0...steps).map { k -> Point in
                let s = -reachOutside + (reachInside + reachOutside) * Double(k) / Double(steps)
                return Point(x: edge + inward * s, y: y0 + amplitude * sin(2 * .pi * s / wavelength + phase))
            }
            mask.stroke(points, lineWidth: line)
        }
        mask.blend(into: &image, colour: colour, alpha: 0.7)
    }

    /// The paper's pattern carried into the photo along its border, fading out inwards: the
    /// portrait looks printed into the background rather than onto it.
    private static func drawPatternEdge(over zone: Rectangle, paper: Image, into image: inout Image, pixelsPerMillimetre: Double) {
        let band = max(3, 4.5 * pixelsPerMillimetre)
        let x0 = max(0, Int(zone.x.rounded())), y0 = max(0, Int(zone.y.rounded()))
        let x1 = min(image.width, Int((zone.x + zone.width).rounded())), y1 = min(image.height, Int((zone.y + zone.height).rounded()))
        guard x0 < x1, y0 < y1, paper.width == image.width, paper.height == image.height, paper.format == image.format else { return }
        let channels = image.channels, stride = image.stride
        // Only the pattern's lines come through, not the paper tone: darkness below the local paper
        // tone is what is laid over the portrait.
        paper.withUnsafeBytes { source in
            image.withUnsafeMutableBytes { target in
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let inside = min(Double(x - x0), Double(x1 - 1 - x), Double(y - y0), Double(y1 - 1 - y))
                        guard inside < band else { continue }
                        // Full strength over the outer part of the band, fading out over the inner.
                        let weight = 0.85 * min(1, 2.5 * (1 - inside / band))
                        let offset = y * stride + x * channels
                        for c in 0..<channels {
                            // Multiply blend: the pattern darkens the portrait as ink over ink would.
                            let tone = Double(source[offset + c]) / 255
                            let ink = tone * tone
                            let value = Double(target[offset + c]) * (1 - weight + weight * ink)
                            target[offset + c] = clampByte(value)
                        }
                    }
                }
            }
        }
    }
}
