/// Text drawing: FreeType coverage blended into the image, anti-aliased.
extension Image {
    /// Draws `text` with its baseline starting at `origin` and returns the laid-out line
    /// (e.g. to know where the ink went). Coverage times `alpha` is the opacity of each pixel.
    @discardableResult
    public mutating func draw(text: String, at origin: Point, font: FontFace, sizeInPixels: Double,
                              colour: Colour = .black, alpha: Double = 1, tracking: Double = 0) throws(FontLoadingError) -> TextLayout {
        let layout = try TextLayout(text: text, font: font, sizeInPixels: sizeInPixels, tracking: tracking)
        draw(layout, at: origin, colour: colour, alpha: alpha)
        return layout
    }

    /// Draws a line laid out earlier with its baseline starting at `origin`.
    public mutating func draw(_ layout: TextLayout, at origin: Point, colour: Colour = .black, alpha: Double = 1) {
        for placed in layout.glyphs {
            draw(glyph: placed.glyph, penX: origin.x + placed.penX, baselineY: origin.y, colour: colour, alpha: alpha)
        }
    }

    /// Blends one glyph's coverage with the pen at (`penX`, `baselineY`); pixel positions are
    /// rounded, which is what FreeType's own hinting assumes.
    public mutating func draw(glyph: GlyphBitmap, penX: Double, baselineY: Double, colour: Colour = .black, alpha: Double = 1) {
        guard glyph.width > 0, glyph.height > 0, alpha > 0 else { return }
        let x0 = Int(penX.rounded()) + glyph.left
        let y0 = Int(baselineY.rounded()) - glyph.top
        let opacity = Int((min(1, alpha) * 256).rounded())
        let width = self.width, height = self.height, stride = self.stride, channels = self.channels
        let components: [Int] = format == .gray ? [Int(colour.luminance)] : [Int(colour.red), Int(colour.green), Int(colour.blue)]
        glyph.coverage.withUnsafeBufferPointer { coverage in
            withUnsafeMutableBytes { pixels in
                for gy in 0..<glyph.height {
                    let y = y0 + gy
                    guard y >= 0, y < height else { continue }
                    for gx in 0..<glyph.width {
                        let x = x0 + gx
                        guard x >= 0, x < width else { continue }
                        let c = Int(coverage[gy * glyph.width + gx])
                        guard c > 0 else { continue }
                        // a in 0...256: coverage 255 at full opacity must replace the pixel exactly.
                        let a = (c * opacity + 127) / 255
                        let offset = y * stride + x * channels
                        for channel in 0..<channels {
                            let bottom = Int(pixels[offset + channel])
                            pixels[offset + channel] = UInt8((components[channel] * a + bottom * (256 - a) + 128) >> 8)
                        }
                    }
                }
            }
        }
    }
}
