import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// A zone of the questioned image and the same zone of the specimen's reference, cut out around
/// it at one working size and registered on the static print around the zone (pattern, overprint,
/// labels): whatever error the side's placement has there is taken out by a local shift.
struct ZoneRegistration: Sendable {
    /// Working width of the zone itself, pixels.
    var zoneWidth = 160
    /// Margin cut around the zone, as a fraction of its size, whose static print registers it.
    var margin = 0.2
    /// The coarse search works on blocks of this many working pixels…
    var coarseFactor = 4
    /// …and shifts up to this many blocks (a fifth of the zone's width either way); the fine
    /// search then shifts up to `fineRadius` working pixels around the coarse result.
    var coarseRadius = 8
    /// A block and a half: the coarse search, which sees the zone's edge, can settle on the edge
    /// of a print stuck a little off the zone.
    var fineRadius = 6

    struct Registered {
        /// The questioned cut, registered: same frame as `reference`.
        var questioned: GreyPatch
        var reference: GreyPatch
        /// The zone inside the frame: x0, y0, x1, y1 (end-exclusive) pixels.
        var zone: (x0: Int, y0: Int, x1: Int, y1: Int)
        /// Correlation of the fine print around the zone after registration.
        var ringCorrelation: Double
    }

    /// Cuts and registers `box` of `side`; `nil` when the zone is not on the image or nothing
    /// static surrounds it.
    func register(_ box: Specimen.Box, side: Specimen.Side, image: Image, placement: DocumentPlacement, reference: Image) -> Registered? {
        let zoneHeight = max(8, Int((Double(zoneWidth) * box.height / box.width * sideAspect(placement: placement)).rounded()))
        let marginX = Int((Double(zoneWidth) * margin).rounded()), marginY = Int((Double(zoneHeight) * margin).rounded())
        // Whole coarse blocks, so that the coarse copies line up with the fine ones.
        let width = (zoneWidth + 2 * marginX) / coarseFactor * coarseFactor, height = (zoneHeight + 2 * marginY) / coarseFactor * coarseFactor
        let unitX = box.width / Double(zoneWidth), unitY = box.height / Double(zoneHeight)
        let frame = Specimen.Box(x: box.x - unitX * Double(marginX), y: box.y - unitY * Double(marginY),
                                 width: unitX * Double(width), height: unitY * Double(height))
        let r = coarseFactor * coarseRadius + fineRadius
        let searched = Specimen.Box(x: frame.x - unitX * Double(r), y: frame.y - unitY * Double(r),
                                    width: unitX * Double(width + 2 * r), height: unitY * Double(height + 2 * r))
        // The zone must be on the image (its surroundings may run off it: they are blank there).
        if placement.region(of: box).contains(where: { $0.x < 0 || $0.y < 0 || $0.x > Double(image.width) || $0.y > Double(image.height) }) {
            return nil
        }
        let questioned = GreyPatch(AlignedSide(image: image, placement: placement).patch(searched, width: width + 2 * r, height: height + 2 * r))
        let referencePlacement = DocumentPlacement(matrix: [Double(reference.width), 0, 0, 0, Double(reference.height), 0, 0, 0, 1], method: "reference")
        let referenceCut = GreyPatch(AlignedSide(image: reference, placement: referencePlacement).patch(frame, width: width, height: height))
        // What registers: the side's static print, not the zone's inside nor anything personal
        // near it, nor what lies beyond the side's edge. The fine ring also leaves out the zone's
        // own edge (a pasted print's edge lies a little off it); the coarse mask keeps it.
        let kinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .field, .signature, .mrz]
        let personal = side.zones.filter { kinds.contains($0.kind) && $0.box != box }.map(\.box)
        var ring = [Bool](repeating: false, count: width * height)
        var coarseMask = [Bool](repeating: false, count: width * height)
        for y in 0..<height {
            let v = frame.y + (Double(y) + 0.5) * unitY
            for x in 0..<width {
                let u = frame.x + (Double(x) + 0.5) * unitX
                guard u > 0.002, u < 0.998, v > 0.002, v < 0.998,
                      !personal.contains(where: { u >= $0.x - 2 * unitX && u <= $0.x + $0.width + 2 * unitX && v >= $0.y - 2 * unitY && v <= $0.y + $0.height + 2 * unitY })
                else { continue }
                // A photo stuck over the zone may overhang it by a few per cent, with a shadow.
                let clearX = box.width * 0.1, clearY = box.height * 0.06
                let outside = u < box.x - clearX || u > box.x + box.width + clearX || v < box.y - clearY || v > box.y + box.height + clearY
                let deepInside = u > box.x + box.width * 0.1 && u < box.x + box.width * 0.9 && v > box.y + box.height * 0.1 && v < box.y + box.height * 0.9
                ring[y * width + x] = outside
                coarseMask[y * width + x] = !deepInside
            }
        }
        guard ring.filter({ $0 }).count >= width * height / 10 else { return nil }
        // Coarse: block means, high-passed over a few blocks (the light's gradient out).
        let c = coarseFactor
        let cw = width / c, ch = height / c
        var smallMask = [Bool](repeating: false, count: cw * ch)
        for y in 0..<ch { for x in 0..<cw { smallMask[y * cw + x] = coarseMask[(y * c + c / 2) * width + x * c + c / 2] } }
        let qSmall = questioned.shrunk(by: c).highPass(radius: 3), refSmall = referenceCut.shrunk(by: c).highPass(radius: 3)
        let border = r / c
        let coarseShifts = (border - coarseRadius)...(border + coarseRadius)
        let coarseValues = qSmall.correlations(with: refSmall, mask: smallMask, dx: coarseShifts, dy: coarseShifts)
        var coarse: (dx: Int, dy: Int, c: Double)?
        for dy in -coarseRadius...coarseRadius {
            for dx in -coarseRadius...coarseRadius {
                if let value = coarseValues[dy + coarseRadius][dx + coarseRadius], value > (coarse?.c ?? -2) { coarse = (dx, dy, value) }
            }
        }
        guard let coarse else { return nil }
        // Fine: the working pixels' fine print around the coarse shift.
        // Softened a pixel: lines a pixel wide still overlap when scale or turn are a little off.
        let q = questioned.highPass(radius: 3).blurred(radius: 1), ref = referenceCut.highPass(radius: 3).blurred(radius: 1)
        var best: (dx: Int, dy: Int, c: Double)?
        // Coarse block offsets count from block `border`, whose first pixel is `c·border`, not `r`.
        let centreX = c * (border + coarse.dx) - r, centreY = c * (border + coarse.dy) - r
        let fineValues = q.correlations(with: ref, mask: ring, dx: (r + centreX - fineRadius)...(r + centreX + fineRadius),
                                        dy: (r + centreY - fineRadius)...(r + centreY + fineRadius))
        for dy in centreY - fineRadius...centreY + fineRadius {
            for dx in centreX - fineRadius...centreX + fineRadius {
                if let value = fineValues[dy - centreY + fineRadius][dx - centreX + fineRadius], value > (best?.c ?? -2) { best = (dx, dy, value) }
            }
        }
        guard let best else { return nil }
        var registered = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width { registered[y * width + x] = questioned[x + r + best.dx, y + r + best.dy] }
        }
        return Registered(questioned: GreyPatch(width: width, height: height, values: registered), reference: referenceCut,
                          zone: (marginX, marginY, marginX + zoneWidth, marginY + zoneHeight), ringCorrelation: best.c)
    }

    /// Height over width of one relative unit on the image (a side's relative y unit is shorter
    /// than its x unit on a landscape document): working pixels stay square.
    private func sideAspect(placement: DocumentPlacement) -> Double {
        let m = placement.matrix
        let ex = Point(x: m[0], y: m[3]).length, ey = Point(x: m[1], y: m[4]).length
        return ex > 0 ? ey / ex : 1
    }
}
