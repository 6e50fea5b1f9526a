extension Image {
    /// `images` laid one under the other on one sheet, `gap` pixels apart, left-aligned, on a
    /// ground of grey level `fill`, in RGB: several scans on one page, as a photocopy of a card's
    /// front and back is. Also the offset of each image's top-left corner on the sheet.
    public static func stacked(_ images: [Image], gap: Int = 0, fill: UInt8 = 255) -> (sheet: Image, offsets: [Point]) {
        laidOut(rows: images.map { [$0] }, gap: gap, fill: fill)
    }

    /// `rows` of images laid on one sheet, each row left to right and the rows top to bottom,
    /// `gap` pixels apart both ways, top- and left-aligned, on a ground of grey level `fill`, in
    /// RGB: documents photocopied side by side (a card's front beside its back, a card per row).
    /// Also the offset of each image's top-left corner on the sheet, row by row.
    public static func laidOut(rows: [[Image]], gap: Int = 0, fill: UInt8 = 255) -> (sheet: Image, offsets: [Point]) {
        let gap = max(0, gap)
        func length(_ sizes: [Int]) -> Int { sizes.reduce(0, +) + gap * max(0, sizes.count - 1) }
        let width = rows.map { length($0.map(\.width)) }.max() ?? 0
        let rowHeights = rows.map { $0.map(\.height).max() ?? 0 }
        var sheet = Image(width: width, height: length(rowHeights), format: .rgb, fill: fill)
        var offsets: [Point] = []
        var top = 0
        for (row, height) in zip(rows, rowHeights) {
            var left = 0
            for image in row {
                offsets.append(Point(x: Double(left), y: Double(top)))
                let rgb = image.converted(to: .rgb)
                // Rows of the image's own width (a decoded image's rows may be padded past them).
                let rowBytes = rgb.width * 3
                for y in 0..<rgb.height {
                    let to = (top + y) * sheet.stride + left * 3, from = y * rgb.stride
                    sheet.pixels.replaceSubrange(to..<to + rowBytes, with: rgb.pixels[from..<from + rowBytes])
                }
                left += image.width + gap
            }
            top += height + gap
        }
        return (sheet, offsets)
    }
}
