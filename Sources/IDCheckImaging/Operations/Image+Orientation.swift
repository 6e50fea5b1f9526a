extension Image {
    /// This image turned upright for a file whose EXIF orientation is `orientation`.
    public func applyingOrientation(_ orientation: EXIFOrientation) -> Image {
        if orientation == .up { return self }
        let outWidth = orientation.swapsDimensions ? height : width
        let outHeight = orientation.swapsDimensions ? width : height
        var result = Image(width: outWidth, height: outHeight, format: format)
        let channels = self.channels
        let sourceStride = stride, targetStride = result.stride
        let w = width, h = height
        withUnsafeBytes { source in
            result.withUnsafeMutableBytes { target in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case .up: (sx, sy) = (x, y)
                        case .upMirrored: (sx, sy) = (w - 1 - x, y)
                        case .down: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case .downMirrored: (sx, sy) = (x, h - 1 - y)
                        case .leftMirrored: (sx, sy) = (y, x)
                        case .right: (sx, sy) = (y, h - 1 - x)
                        case .rightMirrored: (sx, sy) = (w - 1 - y, h - 1 - x)
                        case .left: (sx, sy) = (w - 1 - y, x)
                        }
                        let from = sy * sourceStride + sx * channels
                        let to = y * targetStride + x * channels
                        for c in 0..<channels { target[to + c] = source[from + c] }
                    }
                }
            }
        }
        return result
    }

    /// This image turned by a multiple of 90° clockwise.
    public func rotated(quarterTurns: Int) -> Image {
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: applyingOrientation(.right)
        case 2: applyingOrientation(.down)
        case 3: applyingOrientation(.left)
        default: self
        }
    }
}
