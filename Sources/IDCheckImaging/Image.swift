/// An 8-bit raster image, grey or RGB, in one contiguous buffer of rows.
///
/// A value type: copies share storage until one of them is written (copy on write). Hot loops use
/// ``withUnsafeBytes(_:)`` / ``withUnsafeMutableBytes(_:)`` on the rows; the subscripts are the
/// bounds-checked way in for everything else.
public struct Image: Sendable, Equatable {
    /// How the samples of one pixel are laid out.
    public enum PixelFormat: Int, Sendable, Codable, CaseIterable {
        /// One sample per pixel, 0 black to 255 white.
        case gray = 1
        /// Three samples per pixel, red, green, blue.
        case rgb = 3

        public var channels: Int { rawValue }
    }

    public let width: Int
    public let height: Int
    public let format: PixelFormat
    /// Bytes from the start of one row to the start of the next (at least width × channels).
    public let stride: Int
    public internal(set) var pixels: [UInt8]

    /// A new image filled with one value in every sample (255: white).
    public init(width: Int, height: Int, format: PixelFormat, fill: UInt8 = 255) {
        let width = max(0, width), height = max(0, height)
        self.width = width
        self.height = height
        self.format = format
        self.stride = width * format.channels
        self.pixels = [UInt8](repeating: fill, count: width * height * format.channels)
    }

    /// A new image whose every sample `write` sets (a decoder's output): no fill first (a pass
    /// over the whole page that the decoder then writes again). `write` gets the rows
    /// `width × channels` bytes apart and must set every byte (whatever it leaves is undefined).
    static func writingEverySample(width: Int, height: Int, format: PixelFormat,
                                   _ write: (UnsafeMutableRawBufferPointer) -> Void) -> Image {
        let width = max(0, width), height = max(0, height)
        let count = width * height * format.channels
        let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            write(UnsafeMutableRawBufferPointer(buffer))
            initialised = count
        }
        return Image(uncheckedWidth: width, height: height, format: format, pixels: pixels)
    }

    private init(uncheckedWidth width: Int, height: Int, format: PixelFormat, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.format = format
        self.stride = width * format.channels
        self.pixels = pixels
    }

    /// Wraps existing samples; `nil` when the buffer is too small for the geometry.
    public init?(width: Int, height: Int, format: PixelFormat, stride: Int? = nil, pixels: [UInt8]) {
        let stride = stride ?? width * format.channels
        guard width >= 0, height >= 0, stride >= width * format.channels,
              pixels.count >= stride * height else { return nil }
        self.width = width
        self.height = height
        self.format = format
        self.stride = stride
        self.pixels = pixels
    }

    public var channels: Int { format.channels }
    public var pixelCount: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    @inlinable public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The sample at (x, y) in `channel`, or `nil` outside the image.
    public func sample(x: Int, y: Int, channel: Int = 0) -> UInt8? {
        guard contains(x: x, y: y), channel >= 0, channel < channels else { return nil }
        return pixels[y * stride + x * channels + channel]
    }

    /// The pixel at (x, y) as a colour (grey images give equal components), or `nil` outside.
    public subscript(x: Int, y: Int) -> Colour? {
        guard contains(x: x, y: y) else { return nil }
        let offset = y * stride + x * channels
        switch format {
        case .gray: return Colour(gray: pixels[offset])
        case .rgb: return Colour(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2])
        }
    }

    /// Sets the pixel at (x, y); writes outside the image are ignored, so shapes may be clipped.
    public mutating func setPixel(x: Int, y: Int, to colour: Colour) {
        guard contains(x: x, y: y) else { return }
        let offset = y * stride + x * channels
        switch format {
        case .gray: pixels[offset] = colour.luminance
        case .rgb:
            pixels[offset] = colour.red
            pixels[offset + 1] = colour.green
            pixels[offset + 2] = colour.blue
        }
    }

    /// Read access to the raw rows for hot loops.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try pixels.withUnsafeBufferPointer(body)
    }

    /// Write access to the raw rows for hot loops.
    public mutating func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try pixels.withUnsafeMutableBufferPointer { buffer in try body(buffer) }
    }
}
