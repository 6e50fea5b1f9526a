#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IDCheckImaging

/// The glyphs of one visual-zone font at the fixed em size the visual-zone check compares at,
/// as ink coverage 0…1, with advances and kerning: what a printed character should look like.
///
/// One set per font file for the whole process (``PrintGlyphs/shared(_:)``): the check always
/// compares at ``PrintGlyphs/emSize``, so each character is rasterised once, and the face's
/// lock is taken once per character rather than once per comparison.
final class PrintGlyphs: @unchecked Sendable {
    /// Em size in pixels of the upright patches the visual zone is compared in (cap height of
    /// DejaVu about 20 px: enough detail to tell digits apart, few pixels to compare).
    static let emSize = 28.0

    /// One rasterised character.
    struct Glyph: Sendable {
        let scalar: Unicode.Scalar
        let width: Int
        let height: Int
        /// Pixels from the pen to the bitmap's left column, and from the baseline up to its top row.
        let left: Int
        let top: Int
        let advance: Double
        /// Coverage 0…1, rows top to bottom.
        let coverage: [Float]
        /// ``coverage`` spread by a pixel (the largest value of each 3×3 neighbourhood), with a
        /// pixel of padding all round: `(width + 2) × (height + 2)`. Ink of the print within a
        /// pixel of the glyph's counts as explained, so that blur and a sub-pixel shift cost
        /// nothing and only a stroke where the glyph has none (or none where it has one) does.
        let spread: [Float]
        /// Sum of ``coverage``: how much ink the character has.
        let ink: Float
        /// Whether the font has the character (others are never compared).
        let isDefined: Bool
    }

    let face: FontFace
    /// Ink of `H`: the scale of a typical character's ink, for normalising costs.
    let typicalInk: Float
    /// Height of `H` in pixels.
    let capHeight: Double
    private let lock = PThreadLock()
    private var glyphs: [Unicode.Scalar: Glyph] = [:]
    private var kernings: [UInt64: Double] = [:]

    private init(face: FontFace) throws(FontLoadingError) {
        self.face = face
        let h = try face.glyph(for: "H", sizeInPixels: Self.emSize)
        typicalInk = Float(h.coverage.reduce(0) { $0 + Int($1) }) / 255
        capHeight = Double(h.top)
    }

    /// The character `scalar`, rasterised on first use.
    func glyph(_ scalar: Unicode.Scalar) -> Glyph? {
        if let known = lock.withLock({ glyphs[scalar] }) { return known }
        guard let bitmap = try? face.glyph(for: scalar, sizeInPixels: Self.emSize) else { return nil }
        let coverage = bitmap.coverage.map { Float($0) / 255 }
        let glyph = Glyph(scalar: scalar, width: bitmap.width, height: bitmap.height, left: bitmap.left, top: bitmap.top,
                          advance: bitmap.advance, coverage: coverage,
                          spread: Self.spread(coverage, width: bitmap.width, height: bitmap.height, padding: 1),
                          ink: coverage.reduce(0, +), isDefined: bitmap.isDefined)
        lock.withLock { glyphs[scalar] = glyph }
        return glyph
    }

    /// `values` (`width × height`) with each pixel replaced by the largest of its 3×3
    /// neighbourhood, on a canvas `padding` pixels larger all round.
    static func spread(_ values: [Float], width: Int, height: Int, padding: Int) -> [Float] {
        let w = width + 2 * padding, h = height + 2 * padding
        var result = [Float](repeating: 0, count: w * h)
        guard width > 0, height > 0 else { return result }
        values.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for y in 0..<h {
                    let sy = y - padding
                    for x in 0..<w {
                        let sx = x - padding
                        var best: Float = 0
                        for ny in (sy - 1)...(sy + 1) where ny >= 0 && ny < height {
                            for nx in (sx - 1)...(sx + 1) where nx >= 0 && nx < width {
                                best = max(best, source[ny * width + nx])
                            }
                        }
                        target[y * w + x] = best
                    }
                }
            }
        }
        return result
    }

    /// Kerning between two characters in pixels at ``emSize``.
    func kerning(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Double {
        guard face.hasKerning else { return 0 }
        let key = UInt64(left.value) << 32 | UInt64(right.value)
        if let known = lock.withLock({ kernings[key] }) { return known }
        let value = face.kerning(between: left, and: right, sizeInPixels: Self.emSize)
        lock.withLock { kernings[key] = value }
        return value
    }

    /// The advance of `text` (kerning included), pixels at ``emSize``.
    func advance(of text: String) -> Double {
        var pen = 0.0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous { pen += kerning(previous, scalar) }
            pen += glyph(scalar)?.advance ?? 0
            previous = scalar
        }
        return pen
    }

    // MARK: Shared sets

    /// The sets loaded so far, by font file name (`nil`: the font could not be loaded).
    private final class Registry: @unchecked Sendable {
        let lock = PThreadLock()
        var sets: [String: PrintGlyphs?] = [:]
    }

    private static let registry = Registry()

    /// The set for the font file `fileName` (`DejaVuSans-Bold.ttf`), or `nil` when the font cannot be loaded.
    static func shared(_ fileName: String) -> PrintGlyphs? {
        if let known = registry.lock.withLock({ registry.sets[fileName] }) { return known }
        let path: String
        if let name = SystemFonts.Name(rawValue: fileName) {
            path = SystemFonts.path(for: name)
        } else {
            path = SystemFonts.systemDirectories.map { $0 + "/" + fileName }.first { access($0, R_OK) == 0 } ?? fileName
        }
        let set = (try? FontFace(path: path)).flatMap { try? PrintGlyphs(face: $0) }
        registry.lock.withLock { registry.sets[fileName] = set }
        return set
    }
}
