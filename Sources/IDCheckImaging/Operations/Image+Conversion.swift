extension Image {
    /// This image in another pixel format (RGB to grey with BT.601 weights, grey to RGB by copying).
    public func converted(to target: PixelFormat) -> Image {
        if target == format { return self }
        let sourceStride = stride
        return withUnsafeBytes { source in
            Image.writingEverySample(width: width, height: height, format: target) { output in
                guard let from = source.baseAddress, let to = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                let targetStride = width * target.channels
                for y in 0..<height {
                    let row = from + y * sourceStride, out = to + y * targetStride
                    switch target {
                    case .gray:
                        // Integer weights of 256 (the sum fits 16 bits): the same rounding everywhere.
                        for x in 0..<width {
                            let r = UInt32(row[3 * x]), g = UInt32(row[3 * x + 1]), b = UInt32(row[3 * x + 2])
                            out[x] = UInt8(truncatingIfNeeded: (77 &* r &+ 150 &* g &+ 29 &* b &+ 128) &>> 8)
                        }
                    case .rgb:
                        for x in 0..<width {
                            let v = row[x]
                            out[3 * x] = v
                            out[3 * x + 1] = v
                            out[3 * x + 2] = v
                        }
                    }
                }
            }
        }
    }

    /// The part of this image inside the rectangle (clipped); empty when they do not overlap.
    public func cropped(to rectangle: Rectangle) -> Image {
        let x0 = max(0, Int(rectangle.x.rounded())), y0 = max(0, Int(rectangle.y.rounded()))
        let x1 = min(width, Int((rectangle.x + rectangle.width).rounded()))
        let y1 = min(height, Int((rectangle.y + rectangle.height).rounded()))
        guard x0 < x1, y0 < y1 else { return Image(width: 0, height: 0, format: format) }
        var result = Image(width: x1 - x0, height: y1 - y0, format: format, fill: 0)
        let rowBytes = result.stride
        for y in y0..<y1 {
            let from = y * stride + x0 * channels
            let to = (y - y0) * rowBytes
            result.pixels.replaceSubrange(to..<to + rowBytes, with: pixels[from..<from + rowBytes])
        }
        return result
    }

    /// This image shrunk by an integer `factor` by averaging factor × factor blocks (box filter);
    /// cheap enough to locate things on a low-resolution copy of a full-resolution decode.
    public func downsampled(by factor: Int) -> Image {
        guard factor > 1 else { return self }
        if factor == 2, format == .gray { return halvedGrey() }
        if factor == 4, format == .gray { return quarteredGrey() }
        let outWidth = width / factor, outHeight = height / factor
        guard outWidth > 0, outHeight > 0 else { return Image(width: outWidth, height: outHeight, format: format, fill: 0) }
        let channels = self.channels, sourceStride = stride
        // Column sums fit 32 bits (255 × factor); a block's sum needs 64 from a factor of 4,101.
        let rowSamples = outWidth * channels, area = UInt64(factor) * UInt64(factor)
        return withUnsafeBytes { source in
            Image.writingEverySample(width: outWidth, height: outHeight, format: format) { output in
                guard let from = source.baseAddress, let to = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                // Each band of `factor` rows added down the columns first (one contiguous pass a
                // row), then each block's `factor` column sums across.
                let columns = UnsafeMutablePointer<UInt32>.allocate(capacity: outWidth * factor * channels)
                defer { columns.deallocate() }
                let columnCount = outWidth * factor * channels
                for oy in 0..<outHeight {
                    columns.update(repeating: 0, count: columnCount)
                    for dy in 0..<factor {
                        let row = from + (oy * factor + dy) * sourceStride
                        for i in 0..<columnCount { columns[i] &+= UInt32(row[i]) }
                    }
                    let out = to + oy * rowSamples
                    for ox in 0..<outWidth {
                        for c in 0..<channels {
                            var sum: UInt64 = 0
                            var i = ox * factor * channels + c
                            for _ in 0..<factor { sum &+= UInt64(columns[i]); i += channels }
                            out[ox * channels + c] = UInt8(truncatingIfNeeded: (sum &+ area / 2) / area)
                        }
                    }
                }
            }
        }
    }

    /// The 4× box downsampling of a grey image, written for speed: one pass over the page where two
    /// halvings would write and read the half-size page between them (the reader locates most
    /// pages at a quarter of their size).
    private func quarteredGrey() -> Image {
        let outWidth = width / 4, outHeight = height / 4
        let sourceStride = stride
        return withUnsafeBytes { source in
            Image.writingEverySample(width: outWidth, height: outHeight, format: .gray) { output in
                guard let from = source.baseAddress, let to = output.baseAddress else { return }
                for y in 0..<outHeight {
                    let row = 4 * y * sourceStride
                    let target = y * outWidth
                    // Eight output pixels at a time: 32 samples of each of the four rows widened to
                    // 16 bits and added, then neighbouring columns added twice (the same sum and
                    // rounding as the loop below, which does the rest of the row).
                    var x = 0
                    while x + 8 <= outWidth {
                        var columns = SIMD32<UInt16>(truncatingIfNeeded: UnsafeRawPointer(from + row + 4 * x).loadUnaligned(as: SIMD32<UInt8>.self))
                        for dy in 1..<4 {
                            let next = UnsafeRawPointer(from + row + dy * sourceStride + 4 * x).loadUnaligned(as: SIMD32<UInt8>.self)
                            columns &+= SIMD32<UInt16>(truncatingIfNeeded: next)
                        }
                        let pairs = columns.evenHalf &+ columns.oddHalf
                        let blocks = pairs.evenHalf &+ pairs.oddHalf
                        let mean = (blocks &+ 8) &>> 4
                        UnsafeMutableRawPointer(to + target + x).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: mean), as: SIMD8<UInt8>.self)
                        x += 8
                    }
                    for x in x..<outWidth {
                        var sum = 0
                        for dy in 0..<4 { for dx in 0..<4 { sum += Int(source[row + dy * sourceStride + 4 * x + dx]) } }
                        to.storeBytes(of: UInt8((sum + 8) >> 4), toByteOffset: target + x, as: UInt8.self)
                    }
                }
            }
        }
    }

    /// The 2× box downsampling of a grey image: the common case, written for speed.
    private func halvedGrey() -> Image {
        let outWidth = width / 2, outHeight = height / 2
        var result = Image(width: outWidth, height: outHeight, format: .gray, fill: 0)
        let sourceStride = stride
        withUnsafeBytes { source in
            result.withUnsafeMutableBytes { output in
                guard let from = source.baseAddress, let to = output.baseAddress else { return }
                for y in 0..<outHeight {
                    let row0 = 2 * y * sourceStride, row1 = row0 + sourceStride
                    let target = y * outWidth
                    // Eight output pixels at a time: sixteen samples of each row widened to 16
                    // bits, the two rows added, then the even and odd columns (the same sum
                    // and rounding as the loop below, which does the rest of the row).
                    var x = 0
                    while x + 8 <= outWidth {
                        let upper = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(from + row0 + 2 * x).loadUnaligned(as: SIMD16<UInt8>.self))
                        let lower = SIMD16<UInt16>(truncatingIfNeeded: UnsafeRawPointer(from + row1 + 2 * x).loadUnaligned(as: SIMD16<UInt8>.self))
                        let pairs = upper &+ lower
                        let mean = (pairs.evenHalf &+ pairs.oddHalf &+ 2) &>> 2
                        UnsafeMutableRawPointer(to + target + x).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: mean), as: SIMD8<UInt8>.self)
                        x += 8
                    }
                    for x in x..<outWidth {
                        let sum = Int(source[row0 + 2 * x]) + Int(source[row0 + 2 * x + 1])
                            + Int(source[row1 + 2 * x]) + Int(source[row1 + 2 * x + 1])
                        output[target + x] = UInt8((sum + 2) >> 2)
                    }
                }
            }
        }
        return result
    }
}
