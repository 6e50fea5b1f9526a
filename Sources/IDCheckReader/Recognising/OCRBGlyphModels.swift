/// The OCR-B glyph templates and network compiled into the package. The data is generated; see
/// `OCRBGlyphModels+Data.swift` and `scripts/generate-glyph-models`.
enum OCRBGlyphModels {
    static let models: [GlyphModel] = Base64.decode(encodedModels).flatMap(GlyphModel.decode) ?? []
    static let network: GlyphNetwork? = Base64.decode(encodedNetwork).flatMap(GlyphNetwork.init(encoded:))
}
