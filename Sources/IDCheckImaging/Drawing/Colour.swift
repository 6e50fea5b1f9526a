/// An RGB colour with 8 bits per component, as drawn on images.
public struct Colour: Sendable, Equatable, Hashable, Codable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public init(gray: UInt8) { self.init(red: gray, green: gray, blue: gray) }

    /// The grey value a grey image stores for this colour (ITU-R BT.601 weights, as libjpeg uses).
    public var luminance: UInt8 {
        let weighted: Int = 77 * Int(red) + 150 * Int(green) + 29 * Int(blue) + 128
        return UInt8(weighted >> 8)
    }

    public static let black = Colour(gray: 0)
    public static let white = Colour(gray: 255)
    public static let red = Colour(red: 220, green: 30, blue: 30)
    public static let green = Colour(red: 20, green: 160, blue: 60)
    public static let blue = Colour(red: 30, green: 80, blue: 220)
    public static let orange = Colour(red: 240, green: 140, blue: 20)

    /// This colour laid over `background` with opacity `alpha` (0 transparent, 1 opaque).
    public func blended(over background: Colour, alpha: Double) -> Colour {
        let a = min(1, max(0, alpha))
        func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            UInt8((Double(top) * a + Double(bottom) * (1 - a)).rounded())
        }
        return Colour(red: mix(red, background.red), green: mix(green, background.green), blue: mix(blue, background.blue))
    }
}
