import IDCheckForensics
import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// The side that carries the MRZ as ICAO 9303 sizes it for each MRZ format, for the checks that
/// run without an identified model: the side's physical size and where the MRZ lies on it.
///
/// Facts used (ICAO 9303 Parts 3–7): MRZ characters are set at a pitch of 2.54 mm, the lines are
/// centred across the document, and the zone sits at the bottom edge; on the formats' sizes
/// (TD3 and MRV-A 125 × 88 and 120 × 80 mm, TD2 and MRV-B 105 × 74 mm, TD1 85.6 × 53.98 mm) the middle of the lines lies
/// about 9.5 mm above the bottom edge (9.2–9.7 mm on the library's five models, TD1 backs included).
struct NominalMRZSide: Sendable {
    var widthMillimetres: Double
    var heightMillimetres: Double
    var charactersPerLine: Int
    /// The middle of the MRZ's lines above the side's bottom edge.
    var linesMiddleAboveBottom = 9.5

    /// Character pitch of the MRZ.
    static let pitchMillimetres = 2.54

    /// Whether the portrait is on this side too (not on TD1 cards: it is on the front).
    var carriesPortrait: Bool

    /// The nominal side of an ICAO format; `nil` for the national formats.
    init?(format: MRZ.Format) {
        switch format {
        case .td3: (widthMillimetres, heightMillimetres, charactersPerLine, carriesPortrait) = (125, 88, 44, true)
        case .mrvA: (widthMillimetres, heightMillimetres, charactersPerLine, carriesPortrait) = (120, 80, 44, true)
        case .td2, .mrvB: (widthMillimetres, heightMillimetres, charactersPerLine, carriesPortrait) = (105, 74, 36, true)
        case .td1: (widthMillimetres, heightMillimetres, charactersPerLine, carriesPortrait) = (85.6, 53.98, 30, false)
        case .frenchIdentityCard, .swissDrivingLicence: return nil
        }
    }

    /// The side's placement on the image from the MRZ's outline (4 corners clockwise from its
    /// top-left, first cell's left edge to last cell's right): the outline's width over the lines'
    /// nominal length fixes scale and angle, square pixels the height, the outline's centre the
    /// position. A first guess: ``DocumentOutline`` finds the paper's edges near it.
    func placement(mrzOutline outline: [Point]) -> DocumentPlacement? {
        guard outline.count == 4 else { return nil }
        let across = ((outline[1] - outline[0]) + (outline[2] - outline[3])) * 0.5
        guard across.length > 1 else { return nil }
        let perMillimetre = across * (1 / (Double(charactersPerLine) * Self.pitchMillimetres))
        let ex = perMillimetre * widthMillimetres
        let ey = Point(x: -perMillimetre.y, y: perMillimetre.x) * heightMillimetres
        let centre = (outline[0] + outline[1] + outline[2] + outline[3]) * 0.25
        let origin = centre - ex * 0.5 - ey * (1 - linesMiddleAboveBottom / heightMillimetres)
        return DocumentPlacement(matrix: [ex.x, ey.x, origin.x, ex.y, ey.y, origin.y, 0, 0, 1], method: "mrz-nominal")
    }

    /// The nominal side of the examination's MRZ, the MRZ's place on the images and the side's
    /// placement from the MRZ's outline: where the checks without a model start.
    static func placed(in examination: Examination) -> (side: NominalMRZSide, geometry: MRZGeometry, placement: DocumentPlacement)? {
        guard let format = examination.zone?.format, let side = NominalMRZSide(format: format), let geometry = examination.mrzGeometry,
              let placement = side.placement(mrzOutline: geometry.location) else { return nil }
        return (side, geometry, placement)
    }

    /// Image pixels per millimetre along the MRZ's lines.
    func pixelsPerMillimetre(mrzOutline outline: [Point]) -> Double {
        guard outline.count == 4 else { return 0 }
        return (outline[1] - outline[0]).length / (Double(charactersPerLine) * Self.pitchMillimetres)
    }
}
