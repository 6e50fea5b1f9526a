import IDCheckImaging

/// A portrait found on a document whose model is not in the library (no specimen says where it
/// is): its outline on the image, the turn of its straight edges against the paper's, when they
/// agree, and the darkest band just outside them. The photo check judges the turn and the band;
/// the tampering check leaves the portrait's own texture alone, as it does a model's photo zone.
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
    /// The darkest band found just outside one of the portrait's straight sides where the side
    /// across from it shows none as dark: the shadow of a print standing off the page, or the
    /// margin of a portrait a smaller print covers; `nil` when no side was measured.
    public var seam: Seam?

    /// A dark band along one side of a found portrait, just outside its edge.
    public struct Seam: Sendable, Hashable {
        /// `left`, `right`, `top` or `bottom`, on the upright document.
        public var side: String
        /// Grey levels darker than both the paper beyond the band and the print inside the edge,
        /// as the band keeps it along three quarters of the side.
        public var depth: Double

        public init(side: String, depth: Double) {
            self.side = side
            self.depth = depth
        }
    }

    public init(page: Int, region: [Point], turnDegrees: Double?, sideTurns: [Double], pixelsPerMillimetre: Double, seam: Seam? = nil) {
        self.page = page
        self.region = region
        self.turnDegrees = turnDegrees
        self.sideTurns = sideTurns
        self.pixelsPerMillimetre = pixelsPerMillimetre
        self.seam = seam
    }
}
