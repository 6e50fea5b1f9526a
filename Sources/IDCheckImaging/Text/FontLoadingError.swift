/// Why a font file could not be loaded or a glyph could not be rendered.
///
/// Each case names the file; the FreeType message rides along where FreeType gave one
/// (`idc_font_open` → `FT_New_Face`, `idc_font_render_glyph` → `FT_Load_Glyph`/`FT_Render_Glyph`).
public enum FontLoadingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No readable file at the path.
    case missingFile(path: String)
    /// The file exists but is not a font FreeType can use (or has no Unicode character map).
    case notAFont(path: String, message: String)
    /// FreeType failed while setting a size or rendering a glyph.
    case freeType(path: String, message: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "font file not found: \(path)"
        case .notAFont(let path, let message): "not a usable font: \(path): \(message)"
        case .freeType(let path, let message): "FreeType failed on \(path): \(message)"
        }
    }
}
