/// `#rrggbb` colours as the specimen format writes them.
public enum RGBHex {
    /// The red, green and blue components of `#rrggbb`, or `nil` when the text is not one.
    public static func parse(_ text: String) -> (red: UInt8, green: UInt8, blue: UInt8)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"), let value = UInt32(String(decoding: bytes[1...], as: UTF8.self), radix: 16) else { return nil }
        return (UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
