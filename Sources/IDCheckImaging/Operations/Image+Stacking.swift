extension Image {
    /// `images` laid one under the other on one sheet, `gap` pixels apart, left-aligned, on a
    /// ground of grey level `fill`, in RGB: several scans on one page, as a photocopy of a card's
    /// front and back is. Also the offset of each image's top-left corner on the sheet.
    public static func stacked(_ images: [Image], gap: Int = 0, fill: UInt8 = 255) -> (sheet: Image, offsets: [Point]) {
        let width = images.map(\.width).max() ?? 0
        let gap = max(0, gap)
        let height = images.reduce(0) { $0 + $1.height } + gap * max(0, images.count - 1)
        var sheet = Image(width: width, height: height, format: .rgb, fill: fill)
        var offsets: [Point] = []
        var top = 0
        for image in images {
            offsets.append(Point(x: 0, y: Double(top)))
            let rgb = image.converted(to: .rgb)
            // Rows of `width` pixels (a decoded image's rows may be padded past them).
            let rowBytes = rgb.width * 3
            for y in 0..<rgb.height {
                let to = (top + y) * sheet.stride, from = y * rgb.stride
                sheet.pixels.replaceSubrange(to..<to + rowBytes, with: rgb.pixels[from..<from + rowBytes])
            }
            top += image.height + gap
        }
        return (sheet, offsets)
    }
}
