#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an image could not be encoded or written.
public enum ImageEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyImage
    /// The codec failed; carries libjpeg's or libpng's message.
    case codec(ImageFileFormat, message: String)
    case unwritableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .emptyImage: "cannot encode an image without pixels"
        case .codec(let format, let message): "\(format.rawValue) encoding failed: \(message)"
        case .unwritableFile(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// Encodes images as JPEG (libjpeg) or PNG (libpng): annotated reports, rendered specimens.
public enum ImageEncoder {
    /// Baseline (or progressive) JPEG at `quality` 1–100, with the resolution in the JFIF header.
    public static func jpeg(_ image: Image, quality: Int = 90, progressive: Bool = false,
                            dotsPerInch: Int? = nil) throws(ImageEncodingError) -> [UInt8] {
        try JPEGCodec.encode(image, quality: quality, progressive: progressive, dotsPerInch: dotsPerInch)
    }

    /// 8-bit grey or RGB PNG, with the resolution in a pHYs chunk.
    public static func png(_ image: Image, dotsPerInch: Int? = nil, compressionLevel: Int = 6) throws(ImageEncodingError) -> [UInt8] {
        try PNGCodec.encode(image, dotsPerInch: dotsPerInch, compressionLevel: compressionLevel)
    }

    /// Writes `bytes` to `path` atomically: a reader never sees half a file.
    public static func write(_ bytes: [UInt8], to path: String) throws(ImageEncodingError) {
        let temporary = path + ".partial-\(getpid())"
        guard let file = fopen(temporary, "wb") else {
            throw .unwritableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritableFile(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritableFile(path: path, reason: reason)
        }
    }
}
