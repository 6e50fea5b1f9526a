import IDCheckImaging

/// A small grey image as floats, for the photo check's comparisons: blurring, high-pass and
/// normalised correlation under a mask, with an offset between the two patches.
struct GreyPatch: Sendable {
    let width: Int
    let height: Int
    var values: [Float]

    init(width: Int, height: Int, values: [Float]) {
        self.width = width
        self.height = height
        self.values = values.count == width * height ? values : [Float](repeating: 0, count: width * height)
    }

    /// The luminance of `image` (any format).
    init(_ image: Image) {
        let grey = image.format == .gray ? image : image.converted(to: .gray)
        width = grey.width
        height = grey.height
        var values = [Float](repeating: 0, count: grey.width * grey.height)
        let stride = grey.stride, width = grey.width, height = grey.height
        grey.withUnsafeBytes { pixels in
            values.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width { out[y * width + x] = Float(pixels[y * stride + x]) }
                }
            }
        }
        self.values = values
    }

    subscript(x: Int, y: Int) -> Float { values[y * width + x] }

    /// The paper's tone as it stands apart from what it lies on: luminance less `colourWeight`
    /// times the pixel's chroma (the largest of red, green and blue less the smallest). Security
    /// paper is tinted and a scanner's lid or a photocopier's cover is neutral: a pale
    /// residence-permit card on a white lid differs from it by 0–6 grey levels of luminance,
    /// under an edge's threshold, but by 10–13 of chroma. A darker or coloured table (wood,
    /// cloth) is darker than the paper and more saturated too, so the two terms add there.
    /// A grey image, or a weight of 0, gives the luminance (``init(_:)``).
    init(paperToneOf image: Image, colourWeight: Float) {
        guard image.format == .rgb, colourWeight != 0 else {
            self.init(image)
            return
        }
        let width = image.width, height = image.height, stride = image.stride
        var values = [Float](repeating: 0, count: width * height)
        image.withUnsafeBytes { pixels in
            values.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = y * stride
                    for x in 0..<width {
                        let r = Float(pixels[row + 3 * x]), g = Float(pixels[row + 3 * x + 1]), b = Float(pixels[row + 3 * x + 2])
                        let luminance = 0.299 * r + 0.587 * g + 0.114 * b
                        out[y * width + x] = luminance - colourWeight * (max(r, g, b) - min(r, g, b))
                    }
                }
            }
        }
        self.init(width: width, height: height, values: values)
    }

    /// Box mean over `(2·radius + 1)²`, edges clamped (two separable passes). Eight pixels at a
    /// time: across a row where no neighbour is clamped, down the columns everywhere (a clamped
    /// row is the same for all eight); each lane adds its terms in the order a single pixel does,
    /// so the values are the same to the bit.
    func blurred(radius: Int) -> GreyPatch {
        guard radius > 0, width > 0, height > 0 else { return self }
        let width = self.width, height = self.height
        var horizontal = [Float](repeating: 0, count: values.count)
        var result = [Float](repeating: 0, count: values.count)
        let scale = 1 / Float(2 * radius + 1)
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }
        values.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { out in
                guard let s = source.baseAddress, let o = out.baseAddress else { return }
                for y in 0..<height {
                    let row = y * width
                    var x = 0
                    while x < width {
                        if x >= radius, x + 7 + radius < width {
                            var sum = SIMD8<Float>()
                            for k in -radius...radius { sum += load(s + row + x + k) }
                            UnsafeMutableRawPointer(o + row + x).storeBytes(of: sum * scale, as: SIMD8<Float>.self)
                            x += 8
                        } else {
                            var sum: Float = 0
                            for k in -radius...radius { sum += s[row + min(width - 1, max(0, x + k))] }
                            o[row + x] = sum * scale
                            x += 1
                        }
                    }
                }
            }
        }
        horizontal.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { out in
                guard let s = source.baseAddress, let o = out.baseAddress else { return }
                for y in 0..<height {
                    var x = 0
                    while x + 8 <= width {
                        var sum = SIMD8<Float>()
                        for k in -radius...radius { sum += load(s + min(height - 1, max(0, y + k)) * width + x) }
                        UnsafeMutableRawPointer(o + y * width + x).storeBytes(of: sum * scale, as: SIMD8<Float>.self)
                        x += 8
                    }
                    while x < width {
                        var sum: Float = 0
                        for k in -radius...radius { sum += s[min(height - 1, max(0, y + k)) * width + x] }
                        o[y * width + x] = sum * scale
                        x += 1
                    }
                }
            }
        }
        return GreyPatch(width: width, height: height, values: result)
    }

    /// The patch minus its local mean: fine print (lines, edges) without the tone under it.
    func highPass(radius: Int) -> GreyPatch {
        let mean = blurred(radius: radius)
        var result = self
        for index in result.values.indices { result.values[index] -= mean.values[index] }
        return result
    }

    /// Means over `cellsAcross × cellsDown` equal cells: the coarse structure of a portrait.
    func cells(across: Int, down: Int) -> GreyPatch {
        var result = [Float](repeating: 0, count: max(0, across * down))
        guard across > 0, down > 0, width >= across, height >= down else { return GreyPatch(width: across, height: down, values: result) }
        values.withUnsafeBufferPointer { source in
            for cy in 0..<down {
                let y0 = cy * height / down, y1 = (cy + 1) * height / down
                for cx in 0..<across {
                    let x0 = cx * width / across, x1 = (cx + 1) * width / across
                    var sum: Float = 0
                    for y in y0..<y1 { for x in x0..<x1 { sum += source[y * width + x] } }
                    result[cy * across + cx] = sum / Float(max(1, (x1 - x0) * (y1 - y0)))
                }
            }
        }
        return GreyPatch(width: across, height: down, values: result)
    }

    /// Normalised correlation of `self` at (x + dx, y + dy) with `other` at (x, y), over the
    /// positions where `mask` (other's size) is true; `nil` when too few positions or no contrast.
    func correlation(with other: GreyPatch, mask: [Bool], dx: Int, dy: Int) -> Double? {
        guard mask.count == other.values.count else { return nil }
        var n = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        let width = self.width, height = self.height, ow = other.width
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                mask.withUnsafeBufferPointer { m in
                    for y in 0..<other.height {
                        let sy = y + dy
                        guard sy >= 0, sy < height else { continue }
                        for x in 0..<ow where m[y * ow + x] {
                            let sx = x + dx
                            guard sx >= 0, sx < width else { continue }
                            let va = Double(a[sy * width + sx]), vb = Double(b[y * ow + x])
                            n += 1; sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb
                        }
                    }
                }
            }
        }
        guard n >= 16 else { return nil }
        let va = saa - sa * sa / n, vb = sbb - sb * sb / n
        guard va > 1e-6 * n, vb > 1e-6 * n else { return nil }
        return (sab - sa * sb / n) / (va * vb).squareRoot()
    }

    /// Root-mean-square value over the mask's positions (of a high-passed patch: how much fine print there is).
    func energy(mask: [Bool]) -> Double {
        guard mask.count == values.count else { return 0 }
        var sum = 0.0, n = 0.0
        for index in values.indices where mask[index] {
            sum += Double(values[index] * values[index])
            n += 1
        }
        return n > 0 ? (sum / n).squareRoot() : 0
    }
}

extension GreyPatch {
    /// Means of `factor × factor` blocks.
    func shrunk(by factor: Int) -> GreyPatch {
        guard factor > 1 else { return self }
        let across = max(1, width / factor), down = max(1, height / factor)
        var result = [Float](repeating: 0, count: across * down)
        let width = self.width, scale = 1 / Float(factor * factor)
        values.withUnsafeBufferPointer { source in
            for cy in 0..<down {
                for cx in 0..<across {
                    var sum: Float = 0
                    for y in cy * factor..<min(height, (cy + 1) * factor) {
                        for x in cx * factor..<min(width, (cx + 1) * factor) { sum += source[y * width + x] }
                    }
                    result[cy * across + cx] = sum * scale
                }
            }
        }
        return GreyPatch(width: across, height: down, values: result)
    }
}
