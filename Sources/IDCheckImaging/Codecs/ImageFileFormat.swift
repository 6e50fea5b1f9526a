/// The file formats IDCheck recognises by their magic bytes (never by the file name).
public enum ImageFileFormat: String, Sendable, Codable, CaseIterable {
    case jpeg = "JPEG"
    case png = "PNG"
    // Recognised so that the error can name them, but not decoded yet.
    case tiff = "TIFF"
    case pdf = "PDF"
    case heic = "HEIC"
    case webp = "WebP"
    case gif = "GIF"
    case bmp = "BMP"
    case jpeg2000 = "JPEG 2000"

    /// Formats that ``ImageDecoder`` decodes.
    public static let supported: [ImageFileFormat] = [.jpeg, .png]

    public var isSupported: Bool { Self.supported.contains(self) }

    /// Identifies the format from the first bytes of a file; `nil` when nothing matches.
    public static func sniff<C: Collection>(_ bytes: C) -> ImageFileFormat? where C.Element == UInt8, C.Index == Int {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + prefix.count else { return false }
            let start = bytes.startIndex + offset
            return zip(bytes[start..<start + prefix.count], prefix).allSatisfy { $0 == $1 }
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("II*\u{0}".utf8)) || starts(Array("MM\u{0}*".utf8)) { return .tiff }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("BM".utf8)), bytes.count >= 26 { return .bmp }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) { return .jpeg2000 }
        if starts(Array("ftyp".utf8), at: 4) {
            for brand in ["heic", "heix", "hevc", "hevx", "mif1", "msf1", "avif"] where starts(Array(brand.utf8), at: 8) {
                return .heic
            }
        }
        return nil
    }
}
