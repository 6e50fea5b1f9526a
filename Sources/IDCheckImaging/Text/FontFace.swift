import CFontRendering

/// A font file loaded through FreeType, ready to rasterise glyphs at any pixel size.
///
/// Used for the renderer's documents (DejaVu in the visual zone, OCR-B in the MRZ), the reader's
/// OCR-B glyph templates and text in annotated images. A FreeType face is not thread-safe, so
/// every FreeType call on one face runs under a lock; rendered glyphs are cached per size, which
/// makes drawing the same characters again (an MRZ, a label) cheap. Safe to share across threads.
public final class FontFace: @unchecked Sendable {
    /// The file the face was loaded from.
    public let path: String
    /// Family and style names as declared by the font, e.g. "OCR B" / "Regular".
    public let familyName: String
    public let styleName: String
    public let hasKerning: Bool

    private struct State {
        let handle: OpaquePointer
        /// The em size FreeType is currently set to, in 1/64 pixel.
        var currentSize: Int32 = 0
        var metrics = idc_font_size_metrics()
        var cache: [GlyphKey: GlyphBitmap] = [:]
    }

    private struct GlyphKey: Hashable {
        let codePoint: UInt32
        let size: Int32
    }

    // Guarded by `lock`: touched only inside `withState` (hence @unchecked Sendable above).
    private var state: State
    private let lock = PThreadLock()

    /// Runs `body` on the face's state under its lock.
    private func withState<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        try lock.withLock { () throws(E) -> R in try body(&state) }
    }

    /// Loads face `faceIndex` of the font file at `path` (`idc_font_open` → `FT_New_Face`).
    public init(path: String, faceIndex: Int = 0) throws(FontLoadingError) {
        var handle: OpaquePointer?
        var info = idc_font_info()
        let status = idc_font_open(path, faceIndex, &handle, &info)
        let message = Self.string(info.message)
        guard status == IDC_FONT_OK, let handle else {
            switch status {
            case IDC_FONT_ERROR_OPEN: throw .missingFile(path: path)
            case IDC_FONT_ERROR_FORMAT: throw .notAFont(path: path, message: message)
            default: throw .freeType(path: path, message: message.isEmpty ? "status \(status.rawValue)" : message)
            }
        }
        self.path = path
        self.familyName = Self.string(info.family)
        self.styleName = Self.string(info.style)
        self.hasKerning = info.has_kerning != 0
        self.state = State(handle: handle)
    }

    deinit {
        idc_font_close(state.handle)
    }

    /// Vertical metrics of the face at a size, in pixels.
    public struct LineMetrics: Sendable, Equatable {
        /// Height above the baseline that the font reserves for its tallest glyphs.
        public let ascender: Double
        /// Depth below the baseline (positive downwards).
        public let descender: Double
        /// Baseline-to-baseline distance.
        public let lineHeight: Double
    }

    /// Ascender, descender and line height at `sizeInPixels` (the em size).
    public func lineMetrics(sizeInPixels: Double) throws(FontLoadingError) -> LineMetrics {
        let size = Self.fixed(sizeInPixels)
        let path = self.path
        return try withState { (state: inout State) throws(FontLoadingError) -> LineMetrics in
            try Self.select(size, in: &state, path: path)
            return LineMetrics(ascender: Double(state.metrics.ascender) / 64,
                               descender: -Double(state.metrics.descender) / 64,
                               lineHeight: Double(state.metrics.line_height) / 64)
        }
    }

    /// The glyph for `scalar` at `sizeInPixels` (em size, fractional allowed), rendered
    /// anti-aliased. A font without the character gives its `.notdef` glyph with `isDefined` false.
    public func glyph(for scalar: Unicode.Scalar, sizeInPixels: Double) throws(FontLoadingError) -> GlyphBitmap {
        let key = GlyphKey(codePoint: scalar.value, size: Self.fixed(sizeInPixels))
        let path = self.path
        return try withState { (state: inout State) throws(FontLoadingError) -> GlyphBitmap in
            if let cached = state.cache[key] { return cached }
            try Self.select(key.size, in: &state, path: path)
            var metrics = idc_glyph_metrics()
            var message = [CChar](repeating: 0, count: Int(IDC_FONT_MESSAGE_CAPACITY))
            let status = idc_font_render_glyph(state.handle, key.codePoint, &metrics, &message, message.count)
            guard status == IDC_FONT_OK else {
                throw .freeType(path: path, message: Self.string(message))
            }
            let width = Int(metrics.width), height = Int(metrics.height)
            var coverage = [UInt8](repeating: 0, count: width * height)
            if width > 0, height > 0 {
                let handle = state.handle
                let copied = coverage.withUnsafeMutableBufferPointer { idc_font_copy_bitmap(handle, $0.baseAddress, $0.count) }
                guard copied == IDC_FONT_OK else { throw .freeType(path: path, message: "cannot copy the glyph bitmap") }
            }
            let glyph = GlyphBitmap(codePoint: key.codePoint, isDefined: metrics.glyph_index != 0,
                                    width: width, height: height, coverage: coverage,
                                    left: Int(metrics.left), top: Int(metrics.top),
                                    advance: Double(metrics.advance_26_6) / 64)
            // A bounded cache: documents use a few hundred (character, size) pairs; a run with
            // random sizes must not grow without end.
            if state.cache.count >= 8192 { state.cache.removeAll(keepingCapacity: true) }
            state.cache[key] = glyph
            return glyph
        }
    }

    /// Kerning between two characters at a size, in pixels (0 when the font has none).
    public func kerning(between left: Unicode.Scalar, and right: Unicode.Scalar, sizeInPixels: Double) -> Double {
        guard hasKerning else { return 0 }
        let size = Self.fixed(sizeInPixels)
        let path = self.path
        return withState { (state: inout State) -> Double in
            guard (try? Self.select(size, in: &state, path: path)) != nil else { return 0 }
            return Double(idc_font_kerning(state.handle, left.value, right.value)) / 64
        }
    }

    /// The advance width of `text` at `sizeInPixels`: how far the pen moves, kerning included.
    public func width(of text: String, sizeInPixels: Double, tracking: Double = 0) throws(FontLoadingError) -> Double {
        try TextLayout(text: text, font: self, sizeInPixels: sizeInPixels, tracking: tracking).advance
    }

    // MARK: FreeType plumbing

    private static func select(_ size: Int32, in state: inout State, path: String) throws(FontLoadingError) {
        guard state.currentSize != size else { return }
        var metrics = idc_font_size_metrics()
        guard idc_font_set_size(state.handle, size, &metrics) == IDC_FONT_OK else {
            throw .freeType(path: path, message: "cannot set the size to \(Double(size) / 64) px")
        }
        state.currentSize = size
        state.metrics = metrics
    }

    /// Pixels to FreeType's 26.6 fixed point, at least 1/64 px.
    private static func fixed(_ pixels: Double) -> Int32 {
        guard pixels.isFinite else { return 64 }
        return Int32(max(1, min(Double(Int32.max / 2), (pixels * 64).rounded())))
    }

    private static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func string(_ array: [CChar]) -> String {
        String(decoding: array.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
