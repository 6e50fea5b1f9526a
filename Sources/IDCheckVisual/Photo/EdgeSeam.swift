/// A dark band just outside a straight side of a found portrait: the shadow a print stuck onto the
/// page casts in the scanner's or the camera's light where it stands off the paper, or the margin
/// of the portrait that a smaller print covers showing around it. A portrait printed with the page
/// has its print's edge and then paper or background print, nothing darker in between.
///
/// Measured across the side on the upright patch (``PortraitWithoutModelStep``'s, at
/// `pixelsPerMillimetre`), in strips of ``stripLength`` along the middle of the side: in each,
/// the darkest of the grey levels from the edge to ``nearBand`` outside it, against both the paper
/// beyond (the mean over ``beyondBand``) and the print just inside (the lightest over
/// ``insideBand``). A strip's depth is how much darker its band is than the darker of those two
/// (than both), grey levels; a band no darker than either gives zero or less. The side's depth is
/// the one its band keeps along ``keptAlong`` of the strips (a low percentile, not the mean): a
/// shadow or a covered portrait's margin runs dark all along the side, while a line of text just
/// outside it (a heading whose baseline runs along the portrait's top) is dark only at its
/// letters — on seed 9101 such a heading averaged 14.7 grey levels above a genuine portrait.
struct EdgeSeam: Sendable {
    /// Millimetres outside the edge where the band is looked for (a shadow of 0.25–0.6 mm, a
    /// covered portrait's margin of 1–3 mm, both starting at the edge).
    var nearBand = 0.0...0.375
    /// Millimetres outside the edge taken as the paper beyond the band.
    var beyondBand = 0.75...1.25
    /// Millimetres inside the edge taken as the print's own margin.
    var insideBand = 0.125...0.375
    /// Share of the side measured, from its start: corners left out (a rounded or torn corner, the
    /// neighbouring side's own band).
    var along = 0.15...0.85
    /// Millimetres of the side averaged into one strip.
    var stripLength = 0.5
    /// Share of the strips whose band is at least as deep as the side's depth.
    var keptAlong = 0.75

    /// The band's depth along `side` of `outline` on `patch`; `nil` where the side has no fitted
    /// straight edge or the bands leave the patch.
    func depth(along side: PortraitOutline.Side, of outline: PortraitOutline, on patch: GreyPatch, pixelsPerMillimetre: Double) -> Double? {
        let strip = max(1, Int((stripLength * pixelsPerMillimetre).rounded()))
        guard let edge = outline.edge(side) else { return nil }
        let vertical = side.isVertical
        let outwards: Double = side == .left || side == .top ? -1 : 1
        let start = vertical ? outline.y : outline.x, length = vertical ? outline.height : outline.width
        let first = Int((start + along.lowerBound * length).rounded(.up)), last = Int((start + along.upperBound * length).rounded(.down))
        let extent = vertical ? patch.height : patch.width, across = vertical ? patch.width : patch.height
        guard first >= 0, last < extent, last - first >= 2 * strip else { return nil }
        func pixels(_ band: ClosedRange<Double>) -> ClosedRange<Int> {
            Int((band.lowerBound * pixelsPerMillimetre).rounded())...Int((band.upperBound * pixelsPerMillimetre).rounded())
        }
        let near = pixels(nearBand), inside = pixels(insideBand), beyond = pixels(beyondBand)
        var depths: [Double] = []
        var stripStart = first
        while stripStart + strip - 1 <= last {
            /// The strip's mean grey level `distance` pixels outside the edge (negative: inside),
            /// the edge's position interpolated between pixels.
            func level(at distance: Int) -> Double? {
                var sum: Float = 0
                for position in stripStart..<(stripStart + strip) {
                    let place = edge.across(at: Double(position)) + outwards * Double(distance)
                    let below = Int(place.rounded(.down)), weight = Float(place - Double(below))
                    guard below >= 0, below + 1 < across else { return nil }
                    let (a, b) = vertical ? (patch[below, position], patch[below + 1, position]) : (patch[position, below], patch[position, below + 1])
                    sum += a + (b - a) * weight
                }
                return Double(sum) / Double(strip)
            }
            var darkest = Double.infinity, lightestInside = -Double.infinity, paper = 0.0
            for distance in near {
                guard let value = level(at: distance) else { return nil }
                darkest = min(darkest, value)
            }
            for distance in inside {
                guard let value = level(at: -distance) else { return nil }
                lightestInside = max(lightestInside, value)
            }
            for distance in beyond {
                guard let value = level(at: distance) else { return nil }
                paper += value / Double(beyond.count)
            }
            depths.append(min(paper, lightestInside) - darkest)
            stripStart += strip
        }
        depths.sort()
        // Kept along `keptAlong` of the strips: exceeded by that share of them.
        return depths[min(depths.count - 1, max(0, Int((1 - keptAlong) * Double(depths.count))))]
    }
}
