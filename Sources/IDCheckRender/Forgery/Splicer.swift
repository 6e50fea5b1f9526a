import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Local tampering: a non-rectangular region over a printed field replaced by the same region of
/// another document of the model (other characters), recompressed and with its own noise, as a
/// forger pasting from another scan leaves it.
enum Splicer {
    enum Shape: String, CaseIterable { case ellipse, polygon, blob }

    static func splice(zone: Specimen.Zone, sideIndex: Int, specimen: Specimen, into side: inout RenderedSide, print: SidePrint,
                       generator: IdentityGenerator, dotsPerInch: Double, random: inout SplitMix64) throws(RenderError) -> ([Point], String) {
        // The donor: the same side of another holder's document.
        var donorData = try generator.make(using: &random)
        donorData.documentCode = print.data.documentCode
        var donorPrint = print
        donorPrint.data = donorData
        donorPrint.printedOverrides = [:]
        donorPrint.mrzLines = (try? donorData.mrzLines(format: specimen.mrzFormat)) ?? print.mrzLines
        let donor = try SideRenderer.render(specimen, sideIndex: sideIndex, print: donorPrint, dotsPerInch: dotsPerInch)

        let w = Double(side.image.width), h = Double(side.image.height)
        // A part of the field: one to four characters' worth, somewhere along the value.
        let zoneWidth = zone.box.width * w, zoneHeight = zone.box.height * h
        let regionWidth = min(zoneWidth, zoneHeight * random.uniform(1.2...3.5))
        let cx = zone.box.x * w + random.uniform(0...max(0, zoneWidth * 0.6 - regionWidth / 2)) + regionWidth / 2
        let cy = zone.box.y * h + zoneHeight * 0.5
        let rx = regionWidth / 2, ry = zoneHeight * random.uniform(0.55...0.8)
        let shape = random.pick(Shape.allCases)
        var outline: [Point] = []
        let vertices = shape == .polygon ? random.int(5...8) : 48
        let wobble = (0..<3).map { _ in random.uniform(0...(2 * .pi)) }
        for k in 0..<vertices {
            let t = Double(k) / Double(vertices) * 2 * .pi
            var r = 1.0
            if shape == .blob { r = 1 + 0.18 * sin(3 * t + wobble[0]) + 0.1 * sin(5 * t + wobble[1]) }
            if shape == .polygon { r = random.uniform(0.75...1.1) }
            outline.append(Point(x: cx + rx * r * cos(t), y: cy + ry * r * sin(t)))
        }
        // Cut the donor region with a margin, recompress it at its own quality, add its own noise.
        let x0 = max(0, Int((cx - rx * 1.3).rounded(.down))), y0 = max(0, Int((cy - ry * 1.3).rounded(.down)))
        let x1 = min(side.image.width, Int((cx + rx * 1.3).rounded(.up))), y1 = min(side.image.height, Int((cy + ry * 1.3).rounded(.up)))
        var patch = donor.image.cropped(to: Rectangle(x: Double(x0), y: Double(y0), width: Double(x1 - x0), height: Double(y1 - y0)))
        let quality = random.int(35...75)
        if let bytes = try? ImageEncoder.jpeg(patch, quality: quality), let decoded = try? ImageDecoder().decode(bytes) {
            patch = decoded.image.converted(to: .rgb)
        }
        let grain = random.uniform(2...6)
        patch.addGrain(sigma: grain, random: &random)
        // Paste through the shape; a feathered or a hard edge.
        var mask = Image(width: side.image.width, height: side.image.height, format: .gray, fill: 0)
        mask.fill(polygon: outline, colour: .white)
        let printChanged = changesPrint(donor: donor.image, side: side.image, mask: mask, x0: x0, y0: y0, x1: x1, y1: y1)
        let feather = random.chance(0.5)
        for y in y0..<y1 {
            for x in x0..<x1 {
                guard let m = mask.sample(x: x, y: y), m > 0, let colour = patch[x - x0, y - y0] else { continue }
                var alpha = 1.0
                if feather {
                    // Soften towards the outline: fraction of the 3 × 3 neighbourhood inside.
                    var inside = 0
                    for dy in -1...1 { for dx in -1...1 where (mask.sample(x: x + dx, y: y + dy) ?? 0) > 0 { inside += 1 } }
                    alpha = Double(inside) / 9
                }
                side.image.blendPixel(x: x, y: y, colour: colour, alpha: alpha)
            }
        }
        let edge = feather ? "feathered" : "hard"
        return (outline, "\(shape.rawValue) region over \(zone.id) pasted from another document, recompressed at JPEG quality \(quality), "
                    + "grain sigma \((grain * 10).rounded() / 10), \(edge) edge, "
                    + (printChanged ? "print changed" : "print unchanged (the donor shows the same there)"))
    }

    /// Whether the donor's region shows other print than the holder's inside the outline: both
    /// are clean renders of the same model, so their background pattern is the same and only
    /// text differs. A paste over blank paper past the end of a value, or over characters the two
    /// documents share, changes nothing a reader of the document could see (only the paste's own
    /// grain and compression mark it), and the benchmark reports those apart.
    static func changesPrint(donor: Image, side: Image, mask: Image, x0: Int, y0: Int, x1: Int, y1: Int) -> Bool {
        // A glyph's worth of strongly differing pixels: more than antialiasing or a stray dot.
        var differing = 0
        for y in y0..<y1 {
            for x in x0..<x1 where (mask.sample(x: x, y: y) ?? 0) > 0 {
                guard let a = donor[x, y], let b = side[x, y] else { continue }
                if abs(Int(a.luminance) - Int(b.luminance)) > 80 { differing += 1 }
            }
        }
        return differing >= 12
    }
}
