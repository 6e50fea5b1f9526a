import Foundation
import IDCheckImaging
import IDCheckReader

/// A page with one MRZ of random text, printed and scanned under random conditions: character
/// height 9–42 px, pitch, stroke weight, paper tone and pattern, ink grey, turn, blur, noise and
/// JPEG quality. The reader's own segmentation of it gives the network's training samples.
struct TrainingPage {
    var image: Image
    var lines: [String]
    /// The conditions, for diagnostics.
    var summary = ""

    static let formats = [[30, 30, 30], [36, 36], [44, 44]]

    init<G: RandomNumberGenerator>(font: FontFace, capRatio: Double, using random: inout G) throws {
        let lengths = TrainingPage.formats.randomElement(using: &random) ?? [44, 44]
        lines = lengths.map { TrainingPage.randomLine(length: $0, using: &random) }
        let height = exp(Double.random(in: log(8.0)...log(42.0), using: &random))
        let oversample = 2.0
        let h = height * oversample
        let pitch = h * Double.random(in: 1.0...1.28, using: &random)
        let spacing = h * Double.random(in: 1.5...2.1, using: &random)
        let margin = 3 * h
        let width = Int(Double(lengths[0]) * pitch + 2 * margin)
        let pageHeight = Int(Double(lengths.count - 1) * spacing + h + 2 * margin)
        let paper = Double.random(in: 150...250, using: &random)
        let ink = UInt8(Double.random(in: 0...min(100, paper - 70), using: &random))
        var page = Image(width: width, height: pageHeight, format: .gray, fill: UInt8(paper))
        // A background pattern of fine waves, as guilloche prints behind MRZs.
        let amplitude = Double.random(in: 0...28, using: &random), period = Double.random(in: 4...14, using: &random)
        if amplitude > 3 {
            page.withUnsafeMutableBytes { pixels in
                for y in 0..<pageHeight {
                    for x in 0..<width {
                        let wave = amplitude * 0.5 * (1 + sin((Double(x) * 0.3 + Double(y)) / period))
                        pixels[y * width + x] = UInt8(max(0, paper - wave))
                    }
                }
            }
        }
        let emSize = h / capRatio
        // A photo taken at an angle foreshortens one end of the lines: the pitch drifts.
        let drift = Double.random(in: -0.08...0.08, using: &random) / Double(lengths[0])
        for (row, line) in lines.enumerated() {
            let baseline = margin + h + Double(row) * spacing
            for (column, character) in line.enumerated() {
                let local = pitch * (1 + drift * Double(column))
                let glyph = try font.glyph(for: character.unicodeScalars.first ?? "<", sizeInPixels: emSize)
                let jitterX = Double.random(in: -0.04...0.04, using: &random) * pitch
                let jitterY = Double.random(in: -0.03...0.03, using: &random) * h
                let x = margin + Double(column) * pitch * (1 + drift * Double(column) / 2)
                page.draw(glyph: glyph, penX: x + (local - glyph.advance) / 2 + jitterX,
                          baselineY: baseline + jitterY, colour: Colour(gray: ink))
            }
        }
        // Stroke weight: thin prints, regular, bold and heavy ones.
        let weights: [Double] = [-1.0, 0, 0, 1, 1.6]
        let weight: Double = weights.randomElement(using: &random) ?? 0
        let radius = Int((abs(weight) * h / 24).rounded())
        if radius > 0 { page = morphology(page, radius: radius, inkGrows: weight > 0) }
        page = page.downsampled(by: Int(oversample))
        // A slight turn, as a scan is never quite straight (the locator deskews).
        let degrees = Double.random(in: -4...4, using: &random)
        let radians = degrees * .pi / 180
        let unit = Point(x: cos(radians), y: sin(radians)), normal = Point(x: -sin(radians), y: cos(radians))
        let centre = Point(x: Double(page.width) / 2, y: Double(page.height) / 2)
        let origin = centre - unit * centre.x - normal * centre.y
        page = page.warped(width: page.width, height: page.height,
                           sampling: AffineSampling(origin: origin, xStep: unit, yStep: normal), fill: UInt8(paper))
        let blurPasses = [0, 0, 1, 1, 2, 3].randomElement(using: &random) ?? 0
        for _ in 0..<blurPasses { page = boxBlur(page) }
        let noise = Int.random(in: 0...18, using: &random)
        if noise > 0 {
            page.withUnsafeMutableBytes { pixels in
                for i in pixels.indices { pixels[i] = UInt8(clamping: Int(pixels[i]) + Int.random(in: -noise...noise, using: &random)) }
            }
        }
        if Double.random(in: 0...1, using: &random) < 0.8 {
            let quality = Int.random(in: 20...95, using: &random)
            page = try ImageDecoder(options: DecodingOptions(pixelFormat: .gray)).decode(ImageEncoder.jpeg(page, quality: quality)).image
        }
        image = page
        summary = "h \(Int(height)) pitch \(String(format: "%.2f", pitch / h)) weight \(weight) blur \(blurPasses) noise \(noise) ink \(ink) paper \(Int(paper)) wave \(Int(amplitude))"
    }

    /// MRZ-like text: every character of the alphabet often, and runs of fillers.
    static func randomLine<G: RandomNumberGenerator>(length: Int, using random: inout G) -> String {
        var line: [Character] = []
        let symbols = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        while line.count < length {
            if Double.random(in: 0...1, using: &random) < 0.12 {
                line += Array(repeating: "<", count: Int.random(in: 1...8, using: &random))
            } else {
                line.append(symbols.randomElement(using: &random) ?? "0")
            }
        }
        return String(line.prefix(length))
    }
}

func boxBlur(_ image: Image) -> Image {
    var blurred = image
    let w = image.width, h = image.height
    guard w > 2, h > 2 else { return image }
    image.withUnsafeBytes { source in
        blurred.withUnsafeMutableBytes { target in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) {
                    var sum = 0
                    for dy in -1...1 { for dx in -1...1 { sum += Int(source[(y + dy) * w + x + dx]) } }
                    target[y * w + x] = UInt8(sum / 9)
                }
            }
        }
    }
    return blurred
}
