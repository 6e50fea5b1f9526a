/// The models the recogniser compares characters with: for each of the 37 MRZ characters a few
/// typical shapes (thin, regular, bold prints of OCR-B), derived from the real font by
/// `scripts/generate-glyph-models`.
public struct GlyphModel: Sendable {
    public var character: Character
    public var features: GlyphFeatures

    public init(character: Character, features: GlyphFeatures) {
        self.character = character
        self.features = features
    }

    /// Serialises models as the generated source stores them (little-endian Float32s).
    public static func encode(_ models: [GlyphModel]) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ value: Float) {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((bits >> UInt32(shift)) & 0xFF)) }
        }
        for model in models {
            bytes.append(model.character.asciiValue ?? 0)
            append(model.features.aspect)
            append(model.features.relativeHeight)
            append(model.features.relativeCentre)
            model.features.shape.forEach(append)
        }
        return bytes
    }

    /// The inverse of ``encode(_:)``; `nil` when the data is not a whole number of models.
    public static func decode(_ bytes: [UInt8]) -> [GlyphModel]? {
        let recordSize = 1 + 4 * (3 + GlyphFeatures.shapeCount)
        guard !bytes.isEmpty, bytes.count % recordSize == 0 else { return nil }
        func float(_ offset: Int) -> Float {
            var bits: UInt32 = 0
            for i in 0..<4 { bits |= UInt32(bytes[offset + i]) << UInt32(8 * i) }
            return Float(bitPattern: bits)
        }
        return stride(from: 0, to: bytes.count, by: recordSize).map { start in
            let shape = (0..<GlyphFeatures.shapeCount).map { float(start + 13 + 4 * $0) }
            return GlyphModel(
                character: Character(Unicode.Scalar(bytes[start])),
                features: GlyphFeatures(shape: shape, aspect: float(start + 1), relativeHeight: float(start + 5),
                                        relativeCentre: float(start + 9)))
        }
    }
}

/// Base64 as the generated model source stores its bytes (a string literal compiles instantly;
/// a large array literal does not).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var values = [UInt8](repeating: 255, count: 256)
        for (index, character) in alphabet.enumerated() { values[Int(character)] = UInt8(index) }
        var out: [UInt8] = []
        var accumulator: UInt32 = 0, bits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            if byte == 10 || byte == 13 || byte == 32 { continue }
            let value = values[Int(byte)]
            guard value != 255 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
