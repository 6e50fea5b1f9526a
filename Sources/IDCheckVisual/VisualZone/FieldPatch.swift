import IDCheckImaging
import IDCheckSpecimens

/// A printed field cut out upright at the scale the visual-zone check compares at, with how dark
/// each pixel is: 0 paper or background pattern, 1 ink.
///
/// The cut covers the field's box with a margin, because the placement is an estimate (from the
/// MRZ) and can be a few pixels or a percent in scale off. The text is expected left-aligned in
/// the box with its baseline at ``FieldPatch/baselineFraction`` of the box height, at
/// ``PrintGlyphs/emSize`` (divided by `scale` when the print is smaller than the zone's size,
/// as a too-long name is set).
struct FieldPatch {
    /// Where the renderer and the specimen format put the baseline in a field's box.
    static let baselineFraction = 0.82

    let width: Int
    let height: Int
    /// Ink 0…1, `width × height`, rows top to bottom.
    let ink: [Float]
    /// ``ink`` spread by a pixel (largest of each 3×3 neighbourhood): where a glyph's ink counts
    /// as present in the print.
    let spread: [Float]
    /// Summed ink: `integral[(y) * (width + 1) + x]` is the ink above and left of (x, y).
    let integral: [Float]
    /// The zone's box in patch pixels.
    let boxLeft: Double
    let boxTop: Double
    let boxWidth: Double
    let boxHeight: Double
    /// Whether the patch shows ink at all (an empty field shows paper and pattern only).
    let hasInk: Bool
    /// The part of the side the patch shows (relative side coordinates), and patch pixels per
    /// unit of relative width and height.
    let cut: Specimen.Box
    let perWidth: Double
    let perHeight: Double

    /// Where the baseline is expected, patch pixels.
    var expectedBaseline: Double { boxTop + boxHeight * Self.baselineFraction }
    var boxRight: Double { boxLeft + boxWidth }

    /// Cuts `zone` of a side of `size` out of `side`, scaled so that text of the zone's style is
    /// ``PrintGlyphs/emSize`` / `scale` pixels to the em.
    init?(side: AlignedSide, zone: Specimen.Zone, size: Specimen.PhysicalSize, scale: Double = 1) {
        guard let style = zone.text, style.size > 0, scale > 0.2 else { return nil }
        let perHeight = PrintGlyphs.emSize / style.size / scale
        let perWidth = perHeight * size.aspectRatio
        let em = PrintGlyphs.emSize / scale
        let marginX = 0.8 * em, marginTop = 0.25 * em, marginBottom = 0.4 * em
        let box = zone.box
        let cut = Specimen.Box(x: box.x - marginX / perWidth, y: box.y - marginTop / perHeight,
                               width: box.width + 2 * marginX / perWidth, height: box.height + (marginTop + marginBottom) / perHeight)
        let w = Int((cut.width * perWidth).rounded()), h = Int((cut.height * perHeight).rounded())
        guard w > 4, h > 4, w < 4000, h < 1000 else { return nil }
        let gray = side.patch(cut, width: w, height: h).converted(to: .gray)
        width = w
        height = h
        self.cut = cut
        self.perWidth = perWidth
        self.perHeight = perHeight
        boxLeft = marginX
        boxTop = marginTop
        boxWidth = box.width * perWidth
        boxHeight = box.height * perHeight
        (ink, hasInk) = Self.inkMap(gray, boxLeft: Int(marginX), boxTop: Int(marginTop), boxWidth: Int(box.width * perWidth),
                                    boxHeight: Int(box.height * perHeight))
        var integral = [Float](repeating: 0, count: (w + 1) * (h + 1))
        ink.withUnsafeBufferPointer { ink in
            integral.withUnsafeMutableBufferPointer { sum in
                for y in 0..<h {
                    var row: Float = 0
                    for x in 0..<w {
                        row += ink[y * w + x]
                        sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row
                    }
                }
            }
        }
        self.integral = integral
        spread = PrintGlyphs.spread(ink, width: w, height: h, padding: 0)
    }

    /// Columns `x0..<x1` over the box's height, in relative side coordinates.
    func sideBox(x0: Double, x1: Double) -> Specimen.Box {
        Specimen.Box(x: cut.x + x0 / perWidth, y: cut.y + boxTop / perHeight, width: max(0, x1 - x0) / perWidth, height: boxHeight / perHeight)
    }

    /// Ink summed over columns `x0..<x1`, rows `y0..<y1` (clipped to the patch).
    func inkSum(x0: Int, x1: Int, y0: Int, y1: Int) -> Float {
        let a = max(0, min(width, x0)), b = max(0, min(width, x1)), c = max(0, min(height, y0)), d = max(0, min(height, y1))
        guard a < b, c < d else { return 0 }
        let w1 = width + 1
        return integral[d * w1 + b] - integral[c * w1 + b] - integral[d * w1 + a] + integral[c * w1 + a]
    }

    /// Darkness relative to the field's own paper and ink: the percentiles of the box's grey
    /// levels fix both, so a pale scan, a dark photo and the pattern behind the text give the
    /// same 0…1 ink. Pattern lines, lighter than the ink by far, fall below the midpoint.
    private static func inkMap(_ gray: Image, boxLeft: Int, boxTop: Int, boxWidth: Int, boxHeight: Int) -> ([Float], Bool) {
        var histogram = [Int](repeating: 0, count: 256)
        var count = 0
        gray.withUnsafeBytes { pixels in
            for y in max(0, boxTop)..<min(gray.height, boxTop + boxHeight) {
                for x in max(0, boxLeft)..<min(gray.width, boxLeft + boxWidth) {
                    histogram[Int(pixels[y * gray.stride + x])] += 1
                    count += 1
                }
            }
        }
        func percentile(_ p: Double) -> Double {
            let target = Int(Double(count) * p)
            var seen = 0
            for (value, n) in histogram.enumerated() {
                seen += n
                if seen > target { return Double(value) }
            }
            return 255
        }
        let dark = percentile(0.01), light = percentile(0.9)
        let contrast = light - dark
        var ink = [Float](repeating: 0, count: gray.width * gray.height)
        // Too little contrast: no text, only paper and pattern.
        guard count > 0, contrast >= 80 else { return (ink, false) }
        let middle = dark + 0.5 * contrast, ramp = 0.3 * contrast
        let high = Float(middle + ramp / 2), span = Float(ramp)
        gray.withUnsafeBytes { pixels in
            ink.withUnsafeMutableBufferPointer { out in
                for y in 0..<gray.height {
                    for x in 0..<gray.width {
                        let value = (high - Float(pixels[y * gray.stride + x])) / span
                        out[y * gray.width + x] = min(1, max(0, value))
                    }
                }
            }
        }
        return (ink, true)
    }
}
