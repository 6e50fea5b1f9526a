extension GreyPatch {
    /// ``correlation(with:mask:dx:dy:)`` at every shift of `dxs` × `dys`, indexed
    /// `[dy - dys.lowerBound][dx - dxs.lowerBound]`: a registration tries every shift of a window.
    ///
    /// Eight neighbouring horizontal shifts are taken together wherever all of them keep `other`
    /// inside `self`: lane k adds the terms of shift dx + k in the order the single shift adds
    /// them, so every value is the one ``correlation(with:mask:dx:dy:)`` gives, to the bit. A
    /// shift that would leave `self` is measured alone (it sums over fewer positions).
    func correlations(with other: GreyPatch, mask: [Bool], dx dxs: ClosedRange<Int>, dy dys: ClosedRange<Int>) -> [[Double?]] {
        var result = [[Double?]](repeating: [Double?](repeating: nil, count: dxs.count), count: dys.count)
        guard mask.count == other.values.count else { return result }
        let lanes = 8
        let ow = other.width, oh = other.height, width = self.width, height = self.height
        // The mask's positions in scan order, and the other patch's values there.
        var positions: [Int] = [], otherValues: [Double] = []
        var n = 0.0, sb = 0.0, sbb = 0.0
        for y in 0..<oh {
            for x in 0..<ow where mask[y * ow + x] {
                let vb = Double(other.values[y * ow + x])
                positions.append(y * width + x)
                otherValues.append(vb)
                n += 1; sb += vb; sbb += vb * vb
            }
        }
        let wide = values.map(Double.init)
        let vb = sbb - sb * sb / n
        wide.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return }
            for (row, dy) in dys.enumerated() {
                var start = dxs.lowerBound
                while start <= dxs.upperBound {
                    // The last group may overlap the one before it rather than run past the range.
                    let first = dxs.count >= lanes ? min(start, dxs.upperBound - lanes + 1) : start
                    let inside = dy >= 0 && dy + oh <= height && first >= 0 && first + lanes - 1 + ow <= width
                    if inside, n >= 16 {
                        var sa = SIMD8<Double>(), saa = SIMD8<Double>(), sab = SIMD8<Double>()
                        let origin = base + dy * width + first
                        for (position, value) in zip(positions, otherValues) {
                            let va = UnsafeRawPointer(origin + position).loadUnaligned(as: SIMD8<Double>.self)
                            sa += va
                            saa += va * va
                            sab += va * value
                        }
                        for lane in 0..<lanes where first + lane >= start && first + lane <= dxs.upperBound {
                            let va = saa[lane] - sa[lane] * sa[lane] / n
                            guard va > 1e-6 * n, vb > 1e-6 * n else { continue }
                            result[row][first + lane - dxs.lowerBound] = (sab[lane] - sa[lane] * sb / n) / (va * vb).squareRoot()
                        }
                    } else {
                        for dx in start...min(dxs.upperBound, first + lanes - 1) {
                            result[row][dx - dxs.lowerBound] = correlation(with: other, mask: mask, dx: dx, dy: dy)
                        }
                    }
                    start = first + lanes
                }
            }
        }
        return result
    }
}
