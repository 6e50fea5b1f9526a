/// How to decode an image, and the limits that protect the process from hostile files.
public struct DecodingOptions: Sendable, Equatable {
    /// Decode straight to one grey channel (what the MRZ reader needs) or to RGB.
    public var pixelFormat: Image.PixelFormat = .rgb
    /// JPEG only: libjpeg's DCT-domain downscaling, much cheaper than decoding and resizing.
    public var scale: Scale = .full
    /// Files whose header declares more pixels than this are refused before any allocation.
    public var maxPixels: Int = 100_000_000
    /// Files with more bytes than this are refused before they are read.
    public var maxFileBytes: Int = 200 * 1024 * 1024
    /// Progressive JPEGs with more scans are refused (a handful is normal, hundreds is an attack).
    public var maxProgressiveScans: Int = 100
    /// Turn the image upright according to its EXIF orientation (phone photos).
    public var appliesOrientation: Bool = true
    /// Accept a truncated file as a flagged partial image instead of failing with `.truncated`.
    public var acceptsTruncated: Bool = false

    /// JPEG DCT-domain scale factors.
    public enum Scale: Int, Sendable, Codable, CaseIterable {
        case full = 1, half = 2, quarter = 4, eighth = 8
        public var denominator: Int { rawValue }
    }

    public init(pixelFormat: Image.PixelFormat = .rgb, scale: Scale = .full) {
        self.pixelFormat = pixelFormat
        self.scale = scale
    }
}
