import Foundation
import IDCheckImaging

/// The MRZ cut out of the page into an upright grey image of its own, at one of two fixed
/// character heights, with the map back to page pixels.
struct MRZStrip {
    /// Character height in strip pixels that small characters are enlarged to: the recogniser
    /// tells 0 from O and 8 from B on characters 10 to 20 pixels high only with this much room.
    static let smallCharacterHeight = 32.0
    /// Character height in strip pixels that the reader reduces characters printed at least this
    /// high to, by default (``MRZReader/largeCharacterStripHeight``): ample for the 16×16 grid of
    /// the glyph features, and every stage after the cut costs in proportion to the strip's area
    /// (a 1800-pixel page's 40-pixel characters: 0.56 times the pixels of a 32-pixel strip).
    static let largeCharacterHeight = 24.0

    /// The strip's character height for characters `size` page pixels high, when characters
    /// printed at least `large` pixels high are cut at that height.
    static func characterHeight(forPrinted size: Double, large: Double = largeCharacterHeight) -> Double {
        size >= large ? min(large, smallCharacterHeight) : smallCharacterHeight
    }

    var image: Image
    /// Character height in strip pixels.
    var characterHeight: Double
    /// Strip position → page position (pixel units, origin at the top-left corner).
    var mapping: Homography
    /// Centre of each line in strip rows, top line first.
    var lineCentres: [Double]
    /// Expected start and end of the lines in strip columns (from the locator).
    var expectedStart: Double
    var expectedEnd: Double

    /// Cuts `placement` out of `page` along its direction; ``turned()`` gives the other way up.
    ///
    /// Characters more than twice the strip's height are cut from a halving of the page that
    /// `level` gives (`level(f)` is the page reduced f times by box averaging), the one that
    /// leaves them between one and two strip heights: a bilinear cut that shrinks more than twice
    /// skips pixels, so thin strokes alias (no reading of the accuracy sets turned on it; it also
    /// reads fewer pixels).
    ///
    /// When the locator measured the lines' slopes, the strip is cut through a homography that
    /// takes the top and bottom lines to rows of the strip: on a document photographed at an
    /// angle the lines converge and the characters shrink towards the far end, and the cut
    /// undoes both, so that every line lies along one row and the pitch is about even again
    /// (what is left of the pitch's drift, the segmenter measures).
    init(page: Image, placement: MRZPlacement, largeCharacterHeight: Double = MRZStrip.largeCharacterHeight,
         level: ((Int) -> Image)? = nil) {
        characterHeight = MRZStrip.characterHeight(forPrinted: placement.characterSize, large: largeCharacterHeight)
        let k = characterHeight / placement.characterSize
        let size = placement.characterSize
        let margin = 0.8 * size
        let uA = placement.start - margin, uB = placement.end + margin
        let vA = (placement.lineCentres.first ?? 0) - 1.3 * size
        let vB = (placement.lineCentres.last ?? 0) + 1.3 * size
        let width = Int(((uB - uA) * k).rounded()), height = Int(((vB - vA) * k).rounded())
        let origin = placement.point(u: uA, v: vA)
        let affine = Homography([placement.unit.x / k, placement.normal.x / k, origin.x,
                                 placement.unit.y / k, placement.normal.y / k, origin.y,
                                 0, 0, 1])
        lineCentres = placement.lineCentres.map { ($0 - vA) * k }
        expectedStart = margin * k
        expectedEnd = Double(width) - margin * k
        mapping = affine
        if let perspective = MRZStrip.perspective(placement: placement, uA: uA, vA: vA, k: k), let inverse = perspective.inverse {
            mapping = perspective
            // Each line's row where the cut puts its middle (the middle line of three lies
            // half-way between the outer ones only without perspective).
            let middle = (placement.start + placement.end) / 2
            lineCentres = placement.lineCentres.map { inverse.apply(placement.point(u: middle, v: $0)).y }
        }
        var factor = 1
        if level != nil { while k * Double(factor) * 2 <= 1 { factor *= 2 } }
        if factor > 1, let level {
            // Pixel-centred coordinates: position x on the page is x / factor on its reduction.
            let shrink = Homography([1 / Double(factor), 0, 0, 0, 1 / Double(factor), 0, 0, 0, 1])
            image = level(factor).warpedGrey(width: max(1, width), height: max(1, height), mapping: shrink.after(mapping))
        } else {
            image = page.warpedGrey(width: max(1, width), height: max(1, height), mapping: mapping)
        }
    }

    /// The map that puts the top and bottom lines, as fitted by the locator, on their strip rows
    /// at both ends of the lines; `nil` when the locator measured no slopes.
    private static func perspective(placement: MRZPlacement, uA: Double, vA: Double, k: Double) -> Homography? {
        let slopes = placement.lineSlopes
        guard slopes.count == placement.lineCentres.count, slopes.count >= 2,
              let top = placement.lineCentres.first, let bottom = placement.lineCentres.last, bottom > top,
              let topSlope = slopes.first, let bottomSlope = slopes.last else { return nil }
        let half = (placement.end - placement.start) / 2
        let xL = (placement.start - uA) * k, xR = (placement.end - uA) * k
        let yT = (top - vA) * k, yB = (bottom - vA) * k
        let from = [Point(x: xL, y: yT), Point(x: xR, y: yT), Point(x: xR, y: yB), Point(x: xL, y: yB)]
        let to = [placement.point(u: placement.start, v: top - topSlope * half),
                  placement.point(u: placement.end, v: top + topSlope * half),
                  placement.point(u: placement.end, v: bottom + bottomSlope * half),
                  placement.point(u: placement.start, v: bottom - bottomSlope * half)]
        return Homography.mapping(from, to: to)
    }

    /// The same strip turned by 180° (reversing the pixels is far cheaper than cutting again).
    func turned() -> MRZStrip {
        var copy = self
        let width = Double(image.width), height = Double(image.height)
        var pixels = image.pixels
        pixels.reverse()
        if let reversed = Image(width: image.width, height: image.height, format: .gray, pixels: pixels) {
            copy.image = reversed
        }
        // (x, y) of the turned strip is (width − x, height − y) of this one.
        copy.mapping = mapping.after(Homography([-1, 0, width, 0, -1, height, 0, 0, 1]))
        copy.lineCentres = lineCentres.reversed().map { height - $0 }
        copy.expectedStart = width - expectedEnd
        copy.expectedEnd = width - expectedStart
        return copy
    }

    /// Page position of a strip position.
    func pagePoint(x: Double, y: Double) -> Point { mapping.apply(Point(x: x, y: y)) }
}
