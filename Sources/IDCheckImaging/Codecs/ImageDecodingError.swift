/// Why a file could not be decoded. Each case says which part of the file, or which limit, failed;
/// codec cases carry libjpeg's or libpng's own message.
public enum ImageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes at all.
    case empty
    /// The first bytes match no image format IDCheck knows.
    case unrecognisedFormat(firstBytes: String)
    /// A known format that IDCheck does not decode (yet).
    case unsupportedFormat(ImageFileFormat)
    /// The file is larger than the configured byte limit; it was not read.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The header declares more pixels than the configured limit; nothing was allocated.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// A progressive JPEG with more scans than the configured limit (a decompression attack).
    case tooManyScans(limit: Int)
    /// The data ends before the image does ("Premature end of JPEG file", a short PNG).
    case truncated(ImageFileFormat, message: String)
    /// The codec rejected the data while reading `stage` ("header" or "pixels").
    case corrupt(ImageFileFormat, stage: String, message: String)
    /// The decoder could not get the memory the image needs.
    case outOfMemory(ImageFileFormat)
    /// The file could not be read from disk.
    case unreadableFile(path: String, reason: String)

    /// A short stable identifier for reports and batch results.
    public var code: String {
        switch self {
        case .empty: "empty-file"
        case .unrecognisedFormat: "unrecognised-format"
        case .unsupportedFormat: "unsupported-format"
        case .fileTooLarge: "file-too-large"
        case .tooManyPixels: "too-many-pixels"
        case .tooManyScans: "too-many-scans"
        case .truncated: "truncated"
        case .corrupt: "corrupt"
        case .outOfMemory: "out-of-memory"
        case .unreadableFile: "unreadable-file"
        }
    }

    public var description: String {
        let supported = ImageFileFormat.supported.map(\.rawValue).joined(separator: " and ")
        switch self {
        case .empty:
            return "the file is empty"
        case .unrecognisedFormat(let firstBytes):
            return "not an image format IDCheck knows (first bytes \(firstBytes)); supported: \(supported)"
        case .unsupportedFormat(let format):
            return "\(format.rawValue) files are not supported yet; supported: \(supported)"
        case .fileTooLarge(let bytes, let limit):
            return "the file has \(bytes) bytes, more than the limit of \(limit)"
        case .tooManyPixels(let width, let height, let limit):
            return "the image declares \(width)×\(height) pixels, more than the limit of \(limit) pixels"
        case .tooManyScans(let limit):
            return "the progressive JPEG has more than \(limit) scans (refused as a decompression attack)"
        case .truncated(let format, let message):
            return "the \(format.rawValue) file is truncated: \(message)"
        case .corrupt(let format, let stage, let message):
            return "the \(format.rawValue) file is corrupt in its \(stage): \(message)"
        case .outOfMemory(let format):
            return "not enough memory to decode the \(format.rawValue) file"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}
