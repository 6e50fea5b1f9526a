/// A decoded image with what the file said about itself.
public struct DecodedImage: Sendable {
    /// The pixels, upright when orientation was applied.
    public var image: Image
    public var fileFormat: ImageFileFormat
    /// Size as stored in the file, before scaling and orientation.
    public var storedWidth: Int
    public var storedHeight: Int
    /// The colour model of the file, in the format's own words ("YCbCr", "CMYK", "palette", "grey+alpha"…).
    public var storedColourModel: String
    /// Bits per sample in the file.
    public var bitDepth: Int
    /// Resolution in dots per inch, when the file states one.
    public var dotsPerInch: Resolution?
    /// EXIF orientation found in the file (1 when none).
    public var orientation: EXIFOrientation
    /// Whether ``image`` was turned upright according to ``orientation``.
    public var orientationApplied: Bool
    /// Progressive JPEG or interlaced PNG.
    public var isProgressive: Bool
    /// Scans in a JPEG (1 for baseline).
    public var scans: Int?
    /// Warnings the codec emitted while decoding; a good file has none.
    public var warnings: [String]
    /// Set when the data ended early and the rest of the image is fill (only with `acceptsTruncated`).
    public var isTruncated: Bool

    public struct Resolution: Sendable, Equatable, Codable {
        public var horizontal: Double
        public var vertical: Double

        public init(horizontal: Double, vertical: Double) {
            self.horizontal = horizontal
            self.vertical = vertical
        }
    }
}
