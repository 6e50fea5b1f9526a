/// A portrait's outline found on an upright side without its specimen: the rectangle it fills
/// and the straight edges fitted to its four sides (`nil` where a side is not one straight edge:
/// a vignette fading into the page, shoulders reaching the bottom, a pattern over the border).
///
/// Coordinates are pixels of the upright patch it was found on.
struct PortraitOutline: Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    /// Vertical sides: `x = offset + slope · y`; horizontal sides: `y = offset + slope · x`.
    var left: StraightEdge?
    var right: StraightEdge?
    var top: StraightEdge?
    var bottom: StraightEdge?

    /// Share of a side's positions on its fitted line from which the side counts as straight:
    /// a print's cut edge has nearly all of them, text or a textured border far fewer. The photo
    /// step judges turns and bands on such sides, and the outline finder picks rectangles and
    /// clear sides by the same measure.
    static let straightShare = 0.8

    enum Side: String, CaseIterable, Sendable {
        case left, right, top, bottom

        /// Left and right run down the outline (their edges give x from y), top and bottom across.
        var isVertical: Bool { self == .left || self == .right }

        /// The side across the outline from this one.
        var opposite: Side {
            switch self {
            case .left: .right
            case .right: .left
            case .top: .bottom
            case .bottom: .top
            }
        }
    }

    /// The straight edge fitted to `side`.
    func edge(_ side: Side) -> StraightEdge? {
        switch side {
        case .left: left
        case .right: right
        case .top: top
        case .bottom: bottom
        }
    }

    /// The turn each fitted side shows, degrees clockwise on the upright side (a vertical side
    /// that leans left going down, a horizontal one that falls to the right), with its
    /// straightness.
    var sideTurns: [(degrees: Double, straightness: Double)] {
        Side.allCases.compactMap { side in
            edge(side).map { (side.isVertical ? -$0.degrees : $0.degrees, $0.straightness) }
        }
    }
}
