import Foundation
import IDCheck

/// The whole `idcheck scan` pipeline on small images: decode to grey (pixel cap 256K so one input
/// stays in milliseconds), locate, segment, recognise and check every MRZ found.
///
/// With `IDCHECK_FUZZ_WRITE_SEEDS=DIR` set, the target writes its seed corpus (small OCR-B MRZ
/// pages drawn with the project's own font rendering and encoders) to DIR and exits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    var options = DecodingOptions(pixelFormat: .gray)
    options.maxPixels = 1 << 18
    options.maxFileBytes = 1 << 20
    options.maxProgressiveScans = 20
    guard let decoded = try? ImageDecoder(options: options).decode(bytes) else { return 0 }
    for reading in reader.read(decoded.image) {
        _ = reading.zone?.isValid
        _ = reading.lines
    }
    return 0
}

let reader = MRZReader(referenceDate: MRZ.CalendarDate(year: 2025, month: 6, day: 1)!)

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    if let directory = ProcessInfo.processInfo.environment["IDCHECK_FUZZ_WRITE_SEEDS"] {
        do {
            try writeSeeds(to: directory)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("seed writing failed: \(error)\n".utf8))
            exit(1)
        }
    }
    return 0
}

let samples: [[String]] = [
    ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
    ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"],
    ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"],
]

/// A light page with one MRZ in OCR-B, characters `characterHeight` pixels high.
func page(lines: [String], characterHeight: Double) throws -> Image {
    let font = try SystemFonts.load(.ocrB)
    let emSize = characterHeight / 0.70
    let pitch = characterHeight * 1.05
    let width = Int(Double(lines[0].count) * pitch + 4 * characterHeight)
    let height = Int(Double(lines.count) * characterHeight * 1.8 + 4 * characterHeight)
    var image = Image(width: width, height: height, format: .gray, fill: 236)
    for (index, line) in lines.enumerated() {
        let baseline = Double(height) - 2 * characterHeight - Double(lines.count - 1 - index) * characterHeight * 1.8
        for (column, character) in line.enumerated() {
            let glyph = try font.glyph(for: character.unicodeScalars.first ?? "<", sizeInPixels: emSize)
            let x = 2 * characterHeight + Double(column) * pitch + (pitch - glyph.advance) / 2
            image.draw(glyph: glyph, penX: x, baselineY: baseline, colour: Colour(gray: 20))
        }
    }
    return image
}

func writeSeeds(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, lines) in samples.enumerated() {
        let image = try page(lines: lines, characterHeight: 12)
        try ImageEncoder.write(try ImageEncoder.png(image), to: "\(directory)/mrz-\(index + 1).png")
        try ImageEncoder.write(try ImageEncoder.jpeg(image, quality: 60), to: "\(directory)/mrz-\(index + 1).jpg")
    }
}
