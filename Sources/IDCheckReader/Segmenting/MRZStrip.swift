import Foundation
import IDCheckImaging

/// The MRZ cut out of the page into an upright grey image of its own, at a fixed character
/// height, with the map back to page pixels.
struct MRZStrip {
    /// Character height in strip pixels that every MRZ is brought to.
    static let characterHeight = 32.0

    var image: Image
    /// Strip pixel → page pixel.
    var sampling: AffineSampling
    /// Centre of each line in strip rows, top line first.
    var lineCentres: [Double]
    /// Expected start and end of the lines in strip columns (from the locator).
    var expectedStart: Double
    var expectedEnd: Double

    /// Cuts `placement` out of `page` along its direction; ``turned()`` gives the other way up.
    init(page: Image, placement: MRZPlacement) {
        let k = MRZStrip.characterHeight / placement.characterSize
        let size = placement.characterSize
        let margin = 0.8 * size
        let uA = placement.start - margin, uB = placement.end + margin
        let vA = (placement.lineCentres.first ?? 0) - 1.3 * size
        let vB = (placement.lineCentres.last ?? 0) + 1.3 * size
        let width = Int(((uB - uA) * k).rounded()), height = Int(((vB - vA) * k).rounded())
        sampling = AffineSampling(origin: placement.point(u: uA, v: vA),
                                  xStep: placement.unit * (1 / k), yStep: placement.normal * (1 / k))
        lineCentres = placement.lineCentres.map { ($0 - vA) * k }
        expectedStart = margin * k
        expectedEnd = Double(width) - margin * k
        image = page.warped(width: max(1, width), height: max(1, height), sampling: sampling)
    }

    /// The same strip turned by 180° (reversing the pixels is far cheaper than cutting again).
    func turned() -> MRZStrip {
        var copy = self
        let width = Double(image.width), height = Double(image.height)
        if let reversed = Image(width: image.width, height: image.height, format: .gray, pixels: image.pixels.reversed()) {
            copy.image = reversed
        }
        copy.sampling = AffineSampling(origin: sampling.source(x: width, y: height),
                                       xStep: sampling.xStep * -1, yStep: sampling.yStep * -1)
        copy.lineCentres = lineCentres.reversed().map { height - $0 }
        copy.expectedStart = width - expectedEnd
        copy.expectedEnd = width - expectedStart
        return copy
    }

    /// Page position of a strip position.
    func pagePoint(x: Double, y: Double) -> Point { sampling.source(x: x, y: y) }
}
