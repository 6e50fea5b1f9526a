/// How to decode an image, and the limits that protect the process from hostile files.
public struct DecodingOptions: Sendable, Equatable {
    /// Decode straight to one grey channel (what the MRZ reader needs) or to RGB.
    public var pixelFormat: Image.PixelFormat = .rgb
    /// JPEG only: libjpeg's DCT-domain downscaling, much cheaper than decoding and resizing.
    public var scale: Scale = .full
    /// JPEG only: how the pixels are computed from the DCT coefficients.
    public var inverseTransform: InverseTransform = .accurate
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

    /// libjpeg's inverse DCT methods. The fast one differs from the accurate one by a grey level or
    /// two, mostly at sharp edges: nothing to a reader of printed characters, but enough to move the
    /// pixel statistics that the visual forensics compare (noise, JPEG grids), which keep the
    /// accurate one.
    public enum InverseTransform: Sendable, Equatable {
        /// JDCT_ISLOW: the accurate integer transform (libjpeg's default).
        case accurate
        /// JDCT_IFAST: the fast integer transform, about 3% less time for a whole grey decode.
        case fast
    }

    public init(pixelFormat: Image.PixelFormat = .rgb, scale: Scale = .full) {
        self.pixelFormat = pixelFormat
        self.scale = scale
    }
}
