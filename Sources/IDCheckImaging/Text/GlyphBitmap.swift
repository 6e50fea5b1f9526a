/// One rasterised glyph: 8-bit coverage (0 no ink, 255 full ink) with its placement on the pen.
///
/// The reader builds OCR-B templates from these; text drawing blends them into images.
public struct GlyphBitmap: Sendable, Equatable {
    /// The Unicode scalar this glyph was rendered for.
    public let codePoint: UInt32
    /// Whether the font has a glyph for the code point (otherwise this is its `.notdef` box).
    public let isDefined: Bool
    public let width: Int
    public let height: Int
    /// `width × height` coverage values, rows top to bottom, no padding.
    public let coverage: [UInt8]
    /// Pixels from the pen position to the bitmap's left column.
    public let left: Int
    /// Pixels from the baseline up to the bitmap's top row.
    public let top: Int
    /// How far the pen moves after this glyph, in pixels (fractional: FreeType's 1/64 units).
    public let advance: Double

    public init(codePoint: UInt32, isDefined: Bool, width: Int, height: Int, coverage: [UInt8],
                left: Int, top: Int, advance: Double) {
        self.codePoint = codePoint
        self.isDefined = isDefined
        self.width = width
        self.height = height
        self.coverage = coverage
        self.left = left
        self.top = top
        self.advance = advance
    }

    /// The coverage at (x, y) of the bitmap, 0 outside.
    public func coverage(x: Int, y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        return coverage[y * width + x]
    }

    /// The bitmap as a grey image, ink black on white, e.g. to look at or to build templates from.
    public var image: Image {
        var result = Image(width: width, height: height, format: .gray)
        for index in coverage.indices { result.pixels[index] = 255 - coverage[index] }
        return result
    }
}
