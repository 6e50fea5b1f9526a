/// Decodes JPEG and PNG files into ``Image`` values, with the format sniffed from the bytes and
/// every limit in ``DecodingOptions`` applied before memory is committed.
///
/// A value with no shared state: one decoder may be used from many threads at once.
public struct ImageDecoder: Sendable {
    public var options: DecodingOptions

    public init(options: DecodingOptions = DecodingOptions()) {
        self.options = options
    }

    /// Decodes the file at `path` (its size is checked before it is read).
    public func decode(contentsOf path: String) throws(ImageDecodingError) -> DecodedImage {
        try decode(FileBytes.read(path: path, maxBytes: options.maxFileBytes))
    }

    /// Decodes an image held in memory.
    public func decode(_ bytes: [UInt8]) throws(ImageDecodingError) -> DecodedImage {
        if bytes.isEmpty { throw .empty }
        if bytes.count > options.maxFileBytes { throw .fileTooLarge(bytes: bytes.count, limit: options.maxFileBytes) }
        guard let format = ImageFileFormat.sniff(bytes) else {
            let hex = bytes.prefix(8).map { byte in
                let digits = Array("0123456789abcdef")
                return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
            throw .unrecognisedFormat(firstBytes: hex.joined(separator: " "))
        }
        let options = self.options
        return try bytes.withUnsafeBufferPointer { (buffer) throws(ImageDecodingError) -> DecodedImage in
            var decoded: DecodedImage
            switch format {
            case .jpeg: decoded = try JPEGCodec.decode(buffer, options: options)
            case .png: decoded = try PNGCodec.decode(buffer, options: options)
            default: throw .unsupportedFormat(format)
            }
            decoded.orientation = EXIFMetadata.orientation(in: buffer, format: format) ?? .up
            if options.appliesOrientation, decoded.orientation != .up {
                decoded.image = decoded.image.applyingOrientation(decoded.orientation)
                decoded.orientationApplied = true
            }
            return decoded
        }
    }
}
