import ArgumentParser
import IDCheck

/// The limits every command that reads images takes (`--max-pixels`, `--max-file-bytes`): a
/// hostile or absurd file is refused before it costs memory.
struct ImageLimitOptions: ParsableArguments {
    @Option(help: "Refuse images with more pixels than this.")
    var maxPixels = DecodingOptions().maxPixels

    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileBytes = DecodingOptions().maxFileBytes

    func validate() throws {
        if maxPixels <= 0 { throw ValidationError("--max-pixels must be positive.") }
        if maxFileBytes <= 0 { throw ValidationError("--max-file-bytes must be positive.") }
    }

    /// Decoding options to `pixelFormat` with these limits.
    func decodingOptions(_ pixelFormat: Image.PixelFormat) -> DecodingOptions {
        var options = DecodingOptions(pixelFormat: pixelFormat)
        options.maxPixels = maxPixels
        options.maxFileBytes = maxFileBytes
        return options
    }

    /// Options for an image that is only read for its MRZ: grey, through libjpeg's fast inverse
    /// DCT (the pixel statistics it moves are those of the visual checks, not of the reader).
    func readingOptions() -> DecodingOptions {
        var options = decodingOptions(.gray)
        options.inverseTransform = .fast
        return options
    }
}
