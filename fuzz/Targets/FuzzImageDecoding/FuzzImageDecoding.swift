import Foundation
import IDCheck

/// Image decoding: format sniffing, the libjpeg and libpng shims, EXIF orientation (read after a
/// successful decode and applied), truncated-file handling. Limits are low so that a header bomb
/// that the limit lets through still decodes in milliseconds.
///
/// The last byte of the input picks the options (grey/RGB, DCT scale, accepting truncated files);
/// the rest is the file. A decode must return an image or a typed error: anything else is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = ImageFileFormat.sniff(bytes)
    let control = bytes.last ?? 0
    var options = DecodingOptions(pixelFormat: control & 1 == 0 ? .gray : .rgb,
                                  scale: DecodingOptions.Scale.allCases[Int(control >> 1) & 3])
    options.maxPixels = 1 << 20
    options.maxFileBytes = 1 << 20
    options.maxProgressiveScans = 100
    options.acceptsTruncated = control & 0x10 != 0
    do {
        let decoded = try ImageDecoder(options: options).decode(bytes)
        // The decoded image is exactly as large as the header says (after DCT scaling and
        // orientation), within the pixel limit, and truncated only when that was accepted.
        let image = decoded.image
        let denominator = decoded.fileFormat == .jpeg ? options.scale.denominator : 1
        var width = (decoded.storedWidth + denominator - 1) / denominator
        var height = (decoded.storedHeight + denominator - 1) / denominator
        if decoded.orientationApplied, decoded.orientation.swapsDimensions { swap(&width, &height) }
        precondition(image.width == width && image.height == height, "decoded size disagrees with the header")
        precondition(decoded.storedWidth * decoded.storedHeight <= options.maxPixels, "pixel limit not applied")
        precondition(!decoded.isTruncated || options.acceptsTruncated, "truncated image returned without consent")
        if image.width > 0, image.height > 0 {
            _ = image[image.width - 1, image.height - 1]
        }
    } catch {
        _ = error.code
        _ = error.description
    }
    return 0
}

/// With `IDCHECK_FUZZ_WRITE_SEEDS=DIR` set, writes small seed files made by the project's own
/// encoders (baseline and progressive JPEG, grey and RGB PNG, with and without a resolution) to DIR
/// and exits.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let directory = ProcessInfo.processInfo.environment["IDCHECK_FUZZ_WRITE_SEEDS"] else { return 0 }
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rgb = Image(width: 24, height: 16, format: .rgb, fill: 240)
        rgb.fill(Rectangle(x: 0, y: 0, width: 12, height: 8), colour: Colour(red: 200, green: 30, blue: 30))
        rgb.fill(Rectangle(x: 12, y: 8, width: 12, height: 8), colour: Colour(red: 40, green: 60, blue: 200))
        let gray = rgb.converted(to: .gray)
        let seeds: [(String, [UInt8])] = [
            ("enc-rgb.jpg", try ImageEncoder.jpeg(rgb, quality: 50, dotsPerInch: 300)),
            ("enc-gray.jpg", try ImageEncoder.jpeg(gray, quality: 50)),
            ("enc-progressive.jpg", try ImageEncoder.jpeg(rgb, quality: 50, progressive: true)),
            ("enc-rgb.png", try ImageEncoder.png(rgb, dotsPerInch: 300, compressionLevel: 9)),
            ("enc-gray.png", try ImageEncoder.png(gray, compressionLevel: 9)),
        ]
        for (name, bytes) in seeds { try ImageEncoder.write(bytes, to: "\(directory)/\(name)") }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("seed writing failed: \(error)\n".utf8))
        exit(1)
    }
}
