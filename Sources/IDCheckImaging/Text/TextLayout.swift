/// A line of text laid out on a baseline: where each glyph goes and how much room it takes.
///
/// Positions are relative to the pen's start on the baseline (x right, y down, so a glyph's top
/// row is at `-glyph.top`). Used both to draw text and to measure it before drawing, e.g. to fit
/// a printed field into its zone.
public struct TextLayout: Sendable {
    /// One placed glyph: its bitmap and the pen position (on the baseline) it is drawn at.
    public struct PlacedGlyph: Sendable {
        public let glyph: GlyphBitmap
        public let penX: Double
    }

    public let glyphs: [PlacedGlyph]
    /// Where the pen ends: the text's advance width.
    public let advance: Double
    public let sizeInPixels: Double

    /// Lays `text` out in `font` at `sizeInPixels`, adding `tracking` pixels after every glyph.
    public init(text: String, font: FontFace, sizeInPixels: Double, tracking: Double = 0, kerning: Bool = true) throws(FontLoadingError) {
        var placed: [PlacedGlyph] = []
        placed.reserveCapacity(text.unicodeScalars.count)
        var pen = 0.0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if kerning, let previous { pen += font.kerning(between: previous, and: scalar, sizeInPixels: sizeInPixels) }
            let glyph = try font.glyph(for: scalar, sizeInPixels: sizeInPixels)
            placed.append(PlacedGlyph(glyph: glyph, penX: pen))
            pen += glyph.advance + tracking
            previous = scalar
        }
        self.glyphs = placed
        self.advance = max(0, pen - (placed.isEmpty ? 0 : tracking))
        self.sizeInPixels = sizeInPixels
    }

    /// The box around every inked pixel, relative to the start of the baseline; `nil` when
    /// nothing is inked (empty text, spaces).
    public var inkBounds: Rectangle? {
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for placed in glyphs where placed.glyph.width > 0 && placed.glyph.height > 0 {
            let x = Int(placed.penX.rounded()) + placed.glyph.left
            let y = -placed.glyph.top
            minX = min(minX, x)
            minY = min(minY, y)
            maxX = max(maxX, x + placed.glyph.width)
            maxY = max(maxY, y + placed.glyph.height)
        }
        guard minX <= maxX else { return nil }
        return Rectangle(x: Double(minX), y: Double(minY), width: Double(maxX - minX), height: Double(maxY - minY))
    }
}
