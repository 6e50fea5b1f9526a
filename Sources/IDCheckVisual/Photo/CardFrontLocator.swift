import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a card's front lies on its own image when no model says so: the side of a TD1 card that
/// carries the portrait has no MRZ to start from, but the back's MRZ gives the card's size on the
/// scan (ICAO 9303 ID-1, 85.6 × 53.98 mm, at the back's pixels per millimetre; both sides come off
/// the same scanner). The front is then the rectangle of that size, turned a few degrees at
/// most, whose four sides are all tone steps (the card against the scanner's lid or a table):
/// steps of luminance, or where those find no card, of the paper's tone, in which its tint counts
/// too (pale security paper on a white lid).
///
/// A first guess, as the MRZ's is for the other side: ``DocumentOutline`` then fits each of the
/// paper's edges on its own (a photograph's perspective makes the card a quadrilateral).
struct CardFrontLocator: Sendable {
    /// Pixels per millimetre the search runs at.
    var resolution = 2.0
    /// Turns tried either way, degrees, and the step between them.
    var largestTurn = 6.0
    var turnStep = 0.5
    /// Positions tried, millimetres apart.
    var positionStep = 1.0
    /// Grey levels across an edge (over 2 mm) from which a sample counts as on an edge: a light
    /// card on a white lid steps by 8–15 levels.
    var minimumStep: Float = 5
    /// Share of each side's samples that must lie on an edge.
    var minimumEdgeShare = 0.6
    /// Corners left out (rounded on cards), millimetres.
    var cornerSkip = 5.0
    /// Largest image searched, in card areas: a card on an A4 flatbed is 13.5; the search grows
    /// with the area, so a larger image (a poster, a hostile file) is not searched.
    var largestImageArea = 16.0
    /// Where the luminance finds no card, it is searched again on the paper's tone: the
    /// luminance less this many times the chroma (``GreyPatch/init(paperToneOf:colourWeight:)``).
    /// A pale tinted residence permit on a white lid steps by 0–6 grey levels of luminance, under
    /// ``minimumStep``, and by 17–21 on the tone at 2. 0: luminance only. An image with no card
    /// on it is searched twice (a colour image: its luminance, then its tone).
    var colourWeight: Float = 2
    /// Where the card is not found lying as its back does (within ``largestTurn``), it is looked
    /// for a quarter turn round (standing on its short side): a front scanned sideways, or laid
    /// across the sheet beside its back on a photocopy. Which way up it stands cannot be told
    /// from its edges; the portrait's search covers the whole card either way.
    var searchesQuarterTurn = true

    /// The card's placement (relative side coordinates → image pixels) on `page`'s image, whose
    /// scale is `pixelsPerMillimetre`; `nil` when no rectangle of the card's size has edges all round.
    /// `excluded`: outlines (image pixels) of sides already placed on this image (the back, on a
    /// photocopy of both sides on one sheet), which the front found must not lie over.
    func nominalPlacement(on page: Examination.Page, pixelsPerMillimetre: Double, side: NominalMRZSide,
                          excluding excluded: [[Point]] = []) -> DocumentPlacement? {
        let image = page.image
        let cardArea = side.widthMillimetres * side.heightMillimetres * pixelsPerMillimetre * pixelsPerMillimetre
        guard pixelsPerMillimetre.isFinite, pixelsPerMillimetre > 0,
              Double(image.width) * Double(image.height) <= largestImageArea * cardArea else { return nil }
        let factor = max(1, Int(pixelsPerMillimetre / resolution))
        let scale = pixelsPerMillimetre / Double(factor)
        let cardWidth = side.widthMillimetres * scale, cardHeight = side.heightMillimetres * scale
        // The card by its luminance first; by its paper's tone where that finds none (a pale
        // tinted card on a white lid), so that every card found by its luminance stays placed
        // as it was.
        let coarseExcluded = excluded.map { outline in outline.map { $0 * (1 / Double(factor)) } }
        // The page's grey image, averaged down, as the MRZ reader and the alignment share it.
        let byLuminance = GreyPatch(GreyPage.of(page).downsampled(by: factor)).blurred(radius: 1)
        // Made only when the luminance finds no card.
        var byTone: GreyPatch?
        let toneSearched = colourWeight > 0 && image.format == .rgb
        var found: (score: Double, strength: Double, corner: Point, angle: Double)?
        for quarter in searchesQuarterTurn ? [0.0, 90] : [0] {
            found = bestRectangle(on: byLuminance, cardWidth: cardWidth, cardHeight: cardHeight, scale: scale, around: quarter,
                                  excluding: coarseExcluded)
            if found == nil, toneSearched {
                let tone = byTone ?? GreyPatch(paperToneOf: image.downsampled(by: factor), colourWeight: colourWeight).blurred(radius: 1)
                byTone = tone
                found = bestRectangle(on: tone, cardWidth: cardWidth, cardHeight: cardHeight, scale: scale, around: quarter,
                                      excluding: coarseExcluded)
            }
            if found != nil { break }
        }
        guard let best = found else { return nil }
        // Coarse pixels → full-size image pixels (a coarse pixel's centre is `factor` pixels' middle).
        let f = Double(factor)
        let ex = Point(x: cos(best.angle), y: sin(best.angle)) * (cardWidth * f)
        let ey = Point(x: -sin(best.angle), y: cos(best.angle)) * (cardHeight * f)
        let origin = (best.corner + Point(x: 0.5, y: 0.5)) * f
        return DocumentPlacement(matrix: [ex.x, ey.x, origin.x, ex.y, ey.y, origin.y, 0, 0, 1], method: "card-edges-coarse")
    }

    /// The corner and turn (radians) of the card-sized rectangle on `coarse`, turned within
    /// ``largestTurn`` of `quarter` degrees, whose sides are most often tone steps, the stronger
    /// steps and then the smaller turn among equals; none lying over one of `excluded` (coarse
    /// pixels: its centre inside it, or the other way round).
    private func bestRectangle(on coarse: GreyPatch, cardWidth: Double, cardHeight: Double, scale: Double, around quarter: Double,
                               excluding excluded: [[Point]]) -> (score: Double, strength: Double, corner: Point, angle: Double)? {
        let excludedCentres = excluded.map(\.centre)
        let upright = quarter == 0
        guard coarse.width > Int(upright ? cardWidth : cardHeight), coarse.height > Int(upright ? cardHeight : cardWidth) else { return nil }
        let quarterRadians = quarter * .pi / 180
        let reach = scale // one millimetre either side of an edge
        let skip = cornerSkip * scale, step = positionStep * scale
        var best: (score: Double, strength: Double, corner: Point, angle: Double)?
        var angle = -largestTurn
        while angle <= largestTurn + 1e-9 {
            let radians = quarterRadians + angle * .pi / 180
            let along = Point(x: cos(radians), y: sin(radians)), down = Point(x: -sin(radians), y: cos(radians))
            // Tone steps across each direction, over the whole coarse page, once per turn.
            let acrossRows = steps(coarse, direction: down * reach)
            let acrossColumns = steps(coarse, direction: along * reach)
            // The four corners of the turned card around the origin bound where it can start.
            let corners = [Point(x: 0, y: 0), along * cardWidth, along * cardWidth + down * cardHeight, down * cardHeight]
            let xs = corners.map(\.x), ys = corners.map(\.y)
            let minX = -xs.reduce(0, min), maxX = Double(coarse.width - 1) - xs.reduce(0, max)
            let minY = -ys.reduce(0, min), maxY = Double(coarse.height - 1) - ys.reduce(0, max)
            var y = minY
            while y <= maxY {
                var x = minX
                while x <= maxX {
                    let origin = Point(x: x, y: y)
                    if let (score, strength) = rectangleScore(origin: origin, along: along, down: down, width: cardWidth, height: cardHeight,
                                                              skip: skip, spacing: scale, acrossRows: acrossRows, acrossColumns: acrossColumns, patch: coarse) {
                        // Equal scores on a clean image: the stronger edges, then the smaller turn
                        // (the scan nearest to square), not merely the first tried.
                        let better = best.map {
                            score > $0.score || (score == $0.score && (strength > $0.strength
                                || (strength == $0.strength && abs(radians - quarterRadians) < abs($0.angle - quarterRadians))))
                        } ?? true
                        if better, !excluded.isEmpty {
                            // Not over a side already placed (checked only for a rectangle that would win: few).
                            let centre = origin + along * (cardWidth / 2) + down * (cardHeight / 2)
                            let overlaps = excluded.contains { centre.isInside(convexPolygon: $0) } || excludedCentres.contains { c in
                                let u = (c.x - origin.x) * along.x + (c.y - origin.y) * along.y
                                let v = (c.x - origin.x) * down.x + (c.y - origin.y) * down.y
                                return u >= 0 && u <= cardWidth && v >= 0 && v <= cardHeight
                            }
                            if overlaps { x += step; continue }
                        }
                        if better { best = (score, strength, origin, radians) }
                    }
                    x += step
                }
                y += step
            }
            angle += turnStep
        }
        return best
    }

    /// |I(p + d) − I(p − d)| at every pixel (0 where either end is off the patch).
    private func steps(_ patch: GreyPatch, direction d: Point) -> [Float] {
        let width = patch.width, height = patch.height
        var result = [Float](repeating: 0, count: width * height)
        let dx = Int(d.x.rounded()), dy = Int(d.y.rounded())
        patch.values.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { out in
                for y in max(0, abs(dy))..<max(max(0, abs(dy)), height - abs(dy)) {
                    for x in max(0, abs(dx))..<max(max(0, abs(dx)), width - abs(dx)) {
                        out[y * width + x] = abs(values[(y + dy) * width + x + dx] - values[(y - dy) * width + x - dx])
                    }
                }
            }
        }
        return result
    }

    /// The smallest share of on-edge samples over the rectangle's four sides, and the mean step
    /// along them; `nil` as soon as a side has too few (most places fail on the first side).
    private func rectangleScore(origin: Point, along: Point, down: Point, width: Double, height: Double, skip: Double, spacing: Double,
                                acrossRows: [Float], acrossColumns: [Float], patch: GreyPatch) -> (Double, Double)? {
        var smallestShare = 1.0, total = 0.0, count = 0.0
        // Top and bottom run along `along` (steps across rows); left and right along `down`
        // (no array of sides: this runs up to a million times a page).
        for index in 0..<4 {
            let horizontal = index < 2
            let side = (start: index == 1 ? origin + down * height : index == 3 ? origin + along * width : origin,
                        direction: horizontal ? along : down, length: horizontal ? width : height,
                        map: horizontal ? acrossRows : acrossColumns)
            // A sample a millimetre (`spacing`) apart; the side fails as soon as more samples
            // are off an edge than its share allows.
            let planned = Int(((side.length - 2 * skip) / spacing).rounded(.down)) + 1
            guard planned > 0 else { return nil }
            let allowedMisses = planned - Int((minimumEdgeShare * Double(planned)).rounded(.up))
            var onEdge = 0, misses = 0
            for k in 0..<planned {
                let p = side.start + side.direction * (skip + Double(k) * spacing)
                // Rounded to the nearest pixel without a libm call (`rounded()` is one per sample).
                let x = Int((p.x + 0.5).rounded(.down)), y = Int((p.y + 0.5).rounded(.down))
                var value: Float = 0
                if x >= 0, y >= 0, x < patch.width, y < patch.height { value = side.map[y * patch.width + x] }
                if value >= minimumStep { onEdge += 1 } else { misses += 1 }
                if misses > allowedMisses { return nil }
                total += Double(value)
                count += 1
            }
            smallestShare = min(smallestShare, Double(onEdge) / Double(planned))
        }
        return (smallestShare, total / max(1, count))
    }
}
