import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// `tamper.local`: a region whose noise statistics are foreign to the rest of its image — pasted
/// from another image with its own grain and compression — found on the heat maps of
/// ``TamperingMapStep``. Template-free: runs on any image; where the model is placed on the page,
/// only regions on the document count and the printed field under the region is named. Without
/// an identified model only regions on the MRZ's side count, off the portrait found there, as a
/// warning (``unknownModelArea(_:page:)``).
public struct TamperingRule: IndicatorRule {
    public let name = "tampering"
    public var comparesVisualFeatures: Bool { true }

    /// Map score from which blocks join a region (on the map's logarithmic scale: deviation √(2 × alarm)).
    public var joinScore: Float = 0.5
    /// Blocks at full score a region needs: a single block can be a speck of dust or a glyph's serif.
    public var saturatedBlocks = 2
    /// Largest region reported, as a fraction of the page's blocks: larger foreign areas are
    /// whole photos or textured backgrounds, which the photo checks judge.
    public var largestFraction = 0.03
    /// Without a model: how far inside the nominal side a region must lie, millimetres.
    public var unknownModelInset = 5.0

    public init() {}

    public func evaluate(_ examination: Examination) -> [Indicator] {
        var indicators: [Indicator] = []
        // A character of a printed field that no character of the model's font explains, among
        // clear ones: a paste cutting through the print joins halves of two characters. In a name,
        // a stretch that does not spell it between letters that do (the donor's letters), or ink
        // after a name printed whole (a longer name's letters pasted past its end).
        for glyph in examination.foreignGlyphs {
            let field = glyph.field.words
            let message: String
            switch glyph.kind {
            case .character:
                message = "Character \(glyph.position + 1) of the printed \(field) matches no character of the model's font while the others match it: print pasted in or retouched there."
            case .nameStretch:
                message = "Characters \(glyph.position + 1)–\(glyph.position + glyph.count) of the printed \(field) do not spell the name while the letters around them do: print pasted in or retouched there."
            case .inkAfterName:
                message = "The printed \(field) goes on after the name, which it shows whole and which the MRZ holds whole: print pasted in or added there."
            case .characterStretch:
                message = "Characters \(glyph.position + 1)–\(glyph.position + glyph.count) of the printed \(field) match no characters of the model's font at their places while the characters either side do: print pasted in or retouched there."
            case .joinedCharacters:
                let parts = glyph.joined.map { " (the left of “\($0.left)” joined to the right of “\($0.right)”)" } ?? ""
                message = "Character \(glyph.position + 1) of the printed \(field) is two characters cut and joined\(parts) while the others match the model's font: print pasted in there, its edge through that character."
            }
            indicators.append(Indicator(
                code: .tamperLocal,
                message: message,
                evidence: Indicator.Evidence(page: glyph.page, region: glyph.region, field: glyph.field.rawValue, score: glyph.cost)))
        }
        for map in examination.tamperingMaps {
            // Without a model only the side the MRZ places counts (``unknownModelArea``).
            let unknownModel = examination.model == nil
            let area = unknownModel ? unknownModelArea(examination, page: map.page) : nil
            if unknownModel && area == nil { continue }
            // The sides of the model aligned on this image (two on a photocopy of a card's front
            // and back), else the MRZ's estimate of its side.
            let views = examination.sides.filter { $0.page == map.page && $0.alignment.aligned }
            let estimate = examination.mrzGeometry?.page == map.page ? examination.placement : nil
            for region in regions(in: map) {
                let size = Double(map.blockSize)
                let x0 = Double(region.minColumn) * size, x1 = Double(region.maxColumn + 1) * size
                let y0 = Double(region.minRow) * size, y1 = Double(region.maxRow + 1) * size
                let centre = Point(x: (x0 + x1) / 2, y: (y0 + y1) / 2)
                // The side the region lies on (the first aligned one when it lies on none: then off the document).
                let view = views.first { centre.isInside(convexPolygon: $0.placement.outline) } ?? views.first
                let placement = view?.placement ?? estimate
                let side = view.flatMap { v in examination.model?.sides.first { $0.name == v.side } }
                    ?? (estimate != nil ? examination.model?.mrzSide : nil)
                if let area, !centre.isInside(convexPolygon: area.document) || area.portraits.contains(where: { centre.isInside(convexPolygon: $0) }) {
                    continue
                }
                // Off the document (the table it lies on, the scanner's lid) nothing is forged.
                if let placement, !centre.isInside(convexPolygon: placement.outline) { continue }
                // The portrait, ghost image, emblem and signature are each unlike the rest of the
                // page by nature (and the photo has its own check): no verdict on their texture.
                if let placement, TamperingRule.insideOwnTexture(centre, side: side, placement: placement) { continue }
                let polygon = [Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1)]
                let field = placement.flatMap { TamperingRule.field(at: centre, side: side, placement: $0) }
                let place = field.map { " over the printed field \($0)" } ?? ""
                // Without a model the side's own textured zones (ghost image, emblem) are not known:
                // a warning for an examiner to look at, not a verdict.
                indicators.append(Indicator(
                    code: .tamperLocal, severity: unknownModel ? .warning : nil,
                    message: "A region\(place) has noise statistics foreign to the rest of the image (\(region.blocks) blocks): pasted from another image or retouched"
                        + (unknownModel ? " (judged without a specimen: the model is not in the library)." : "."),
                    evidence: Indicator.Evidence(page: map.page, region: polygon, field: field, score: Double(region.meanScore))))
            }
        }
        return indicators
    }

    /// Where a noise region counts when no model is identified: on the page that shows the MRZ,
    /// inside the side that ICAO 9303 sizes around it (``NominalMRZSide``), a few millimetres in
    /// from its edges (the nominal side is that far off; the table or lid beyond is not forged),
    /// and outside the portraits found without a specimen (their texture is their own). Other
    /// pages (a card's front) give no place to tell the document from its ground: `nil`.
    func unknownModelArea(_ examination: Examination, page: Int) -> (document: [Point], portraits: [[Point]])? {
        guard let (side, geometry, placement) = NominalMRZSide.placed(in: examination), geometry.page == page else { return nil }
        let inset = unknownModelInset
        let document = placement.region(of: Specimen.Box(x: inset / side.widthMillimetres, y: inset / side.heightMillimetres,
                                                         width: 1 - 2 * inset / side.widthMillimetres, height: 1 - 2 * inset / side.heightMillimetres))
        let portraits = examination.foundPortraits.filter { $0.page == page }.map { portrait in
            // The print's rim and shadow lie just outside its edges.
            portrait.region.grown(by: 1.1)
        }
        return (document, portraits)
    }

    struct Region {
        var minColumn: Int, maxColumn: Int, minRow: Int, maxRow: Int
        var blocks: Int
        var saturated: Int
        var meanScore: Float
    }

    /// Connected groups (8-neighbourhood) of blocks at `joinScore` or more with enough saturated blocks.
    func regions(in map: TamperingMap) -> [Region] {
        let columns = map.columns, rows = map.rows
        let largest = max(16, Int(Double(columns * rows) * largestFraction))
        var seen = [Bool](repeating: false, count: columns * rows)
        var found: [Region] = []
        for start in 0..<(columns * rows) where !seen[start] && map.scores[start] >= joinScore {
            var stack = [start]
            seen[start] = true
            var region = Region(minColumn: start % columns, maxColumn: start % columns, minRow: start / columns, maxRow: start / columns,
                                blocks: 0, saturated: 0, meanScore: 0)
            var total: Float = 0
            while let index = stack.popLast() {
                let column = index % columns, row = index / columns
                region.blocks += 1
                total += map.scores[index]
                if map.scores[index] >= 1 { region.saturated += 1 }
                region.minColumn = min(region.minColumn, column); region.maxColumn = max(region.maxColumn, column)
                region.minRow = min(region.minRow, row); region.maxRow = max(region.maxRow, row)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let c = column + dx, r = row + dy
                        guard c >= 0, r >= 0, c < columns, r < rows else { continue }
                        let next = r * columns + c
                        if !seen[next] && map.scores[next] >= joinScore {
                            seen[next] = true
                            stack.append(next)
                        }
                    }
                }
            }
            region.meanScore = total / Float(region.blocks)
            if region.saturated >= saturatedBlocks && region.blocks <= largest { found.append(region) }
        }
        return found
    }

    /// The printed field of `side` whose zone contains `point`, if any.
    static func field(at point: Point, side: Specimen.Side?, placement: DocumentPlacement) -> String? {
        guard let side else { return nil }
        for zone in side.zones where zone.kind == .field {
            if point.isInside(convexPolygon: placement.region(of: zone.box)) { return zone.id }
        }
        return nil
    }

    /// Zone kinds whose texture is their own: a portrait, its ghost, the emblem's rosette, a
    /// signature, and the issuer's overprint across the photo's border.
    static let ownTextureKinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .emblem, .signature]

    /// Whether `point` lies in one of `side`'s own-texture zones, grown by a tenth of their size
    /// (the overprint and seals cross the photo's border).
    static func insideOwnTexture(_ point: Point, side: Specimen.Side?, placement: DocumentPlacement) -> Bool {
        guard let side else { return false }
        for zone in side.zones where ownTextureKinds.contains(zone.kind) {
            let box = zone.box
            let grown = Specimen.Box(x: box.x - box.width * 0.1, y: box.y - box.height * 0.1,
                                     width: box.width * 1.2, height: box.height * 1.2)
            if point.isInside(convexPolygon: placement.region(of: grown)) { return true }
        }
        return false
    }
}
