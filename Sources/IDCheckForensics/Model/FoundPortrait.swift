import IDCheckImaging

/// A portrait found on a document whose model is not in the library (no specimen says where it
/// is): its outline on the image and the turn of its straight edges against the paper's, when
/// they agree. The photo check judges the turn; the tampering check leaves the portrait's own
/// texture alone, as it does a model's photo zone.
public struct FoundPortrait: Sendable, Hashable {
    /// Which image (0-based).
    public var page: Int
    /// 4 corners clockwise from the top-left, pixels.
    public var region: [Point]
    /// Degrees clockwise against the paper's edges; `nil` when no side is straight or the straight
    /// and nearly straight ones disagree (no rigid print, or a sheared placement: no turn to judge).
    public var turnDegrees: Double?
    /// The straight sides' turns, degrees (the nearly straight sides that can veto a turn are
    /// not among them).
    public var sideTurns: [Double]
    /// Image pixels per millimetre of the document where the portrait was found: how finely its
    /// edges and the paper's could be fitted.
    public var pixelsPerMillimetre: Double

    public init(page: Int, region: [Point], turnDegrees: Double?, sideTurns: [Double], pixelsPerMillimetre: Double) {
        self.page = page
        self.region = region
        self.turnDegrees = turnDegrees
        self.sideTurns = sideTurns
        self.pixelsPerMillimetre = pixelsPerMillimetre
    }
}
