import IDCheckSpecimens

/// One side of the identified model as found on one of the document's images: which image, where
/// the side lies on it and how well it was aligned. The visual checks look at a zone through the
/// view of the side that holds it (a card's photo is on the front, its MRZ on the back).
public struct SideView: Sendable {
    /// Which image of the document (0-based).
    public var page: Int
    /// The specimen side's name (`front`, `back`).
    public var side: String
    public var placement: DocumentPlacement
    public var alignment: AlignmentQuality

    public init(page: Int, side: String, placement: DocumentPlacement, alignment: AlignmentQuality) {
        self.page = page
        self.side = side
        self.placement = placement
        self.alignment = alignment
    }
}

extension Examination {
    /// The zones of `kind` of the identified model, each with the view of the side that holds it,
    /// for the sides found on the images (aligned or not: check `alignment.aligned`).
    public func zones(of kind: Specimen.Zone.Kind) -> [(zone: Specimen.Zone, view: SideView)] {
        guard let model else { return [] }
        var result: [(zone: Specimen.Zone, view: SideView)] = []
        for side in model.sides {
            guard let view = sides.first(where: { $0.side == side.name }) else { continue }
            for zone in side.zones where zone.kind == kind { result.append((zone, view)) }
        }
        return result
    }
}
