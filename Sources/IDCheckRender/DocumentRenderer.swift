import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// One image file of a rendered document: its name, its encoded bytes and its truth.
public struct RenderedFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public var label: RenderLabel
}

/// A rendered document: one file per side, and a watch-list entry when the forgery needs one.
public struct RenderedDocument: Sendable {
    public var files: [RenderedFile]
    public var watchlist: [WatchlistEntry]
}

/// The renderer's entry point: fictional documents of a model, genuine or forged, scanned under
/// drawn conditions, with their full truth.
///
/// Document `index` of a run seeded with `seed` depends on nothing else, so runs can be split,
/// parallelised and resumed, and the same seed always gives the same bytes.
public struct DocumentRenderer: Sendable {
    public let library: SpecimenLibrary
    public let checkDate: MRZ.CalendarDate

    /// The default check date: fixed, so that renders do not change with the day they are made.
    public static let defaultCheckDate = MRZ.CalendarDate(year: 2025, month: 6, day: 30)

    public init(library: SpecimenLibrary, checkDate: MRZ.CalendarDate) {
        self.library = library
        self.checkDate = checkDate
    }

    /// Random streams of one document: independent, so that adding a forgery does not change the
    /// holder, and regenerating another document's holder (number reuse) is cheap.
    enum Stream: UInt64 { case identity = 0, forgery = 1, portrait = 2, scan = 3, splice = 4 }

    /// Renders document `index` (of `count` in the run) of model `specimenID`.
    public func render(specimenID: String, seed: UInt64, index: Int, count: Int, forge: ForgeryChoice,
                       conditions preset: ScanConditions.Preset) throws(RenderError) -> RenderedDocument {
        try render(specimens: [specimenID], seed: seed, index: index, count: count, forge: forge, conditions: preset)
    }

    /// Renders document `index` of a run over several models: document `i` is of model
    /// `specimens[i % specimens.count]`.
    ///
    /// `maxDotsPerInch` caps the drawn scan resolution (small samples); the other conditions are
    /// drawn as usual, so the same seed gives the same documents apart from their size.
    public func render(specimens ids: [String], seed: UInt64, index: Int, count: Int, forge: ForgeryChoice,
                       conditions preset: ScanConditions.Preset, maxDotsPerInch: Double? = nil) throws(RenderError) -> RenderedDocument {
        guard !ids.isEmpty else { throw .unknownSpecimen("") }
        let specimenID = ids[index % ids.count]
        guard let specimen = library[specimenID] else { throw .unknownSpecimen(specimenID) }
        guard specimen.rendering != nil else { throw .notRenderable(specimenID) }
        func stream(_ s: Stream, _ i: Int = index) -> SplitMix64 { SplitMix64(seed: seed, index: UInt64(i), stream: s.rawValue) }

        var identityRandom = stream(.identity)
        let generator = IdentityGenerator(specimen: specimen, checkDate: checkDate)
        let data = try generator.make(using: &identityRandom)
        var portraitRandom = stream(.portrait)
        let portrait = Portrait.random(using: &portraitRandom)
        var print = SidePrint(data: data, mrzLines: try data.mrzLines(format: specimen.mrzFormat), portrait: portrait,
                              ghostPortrait: portrait, signatureSeed: portraitRandom.next())

        var forgeryRandom = stream(.forgery)
        let applicable = ForgeryPlan.applicableKinds(for: specimen, library: library, count: count)
        let kind = ForgeryPlan.choose(forge, applicable: applicable, random: &forgeryRandom, index: index, models: ids.count)
        var effect: Forger.Effect?
        if let kind {
            let forger = Forger(specimen: specimen, library: library, checkDate: checkDate)
            // Number reuse draws the other document from a stream of its own.
            var reuseRandom = stream(.splice, index)
            reuseRandom = SplitMix64(seed: reuseRandom.next(), index: 1)
            effect = try forger.apply(kind, to: &print, random: &forgeryRandom) { () throws(RenderError) -> (number: String, document: Int)? in
                try reusableNumber(specimen: specimen, models: ids.count, seed: seed, index: index, count: count, forge: forge,
                                   applicable: applicable, random: &reuseRandom)
            }
        }
        let layout = effect?.layout ?? specimen

        var scanRandom = stream(.scan)
        var conditions = ScanConditions.draw(preset, using: &scanRandom)
        if let cap = maxDotsPerInch, conditions.placement != .cropped { conditions.dotsPerInch = min(conditions.dotsPerInch, cap) }
        let renderDPI = Self.renderResolution(for: conditions)
        var files: [RenderedFile] = []
        for (sideIndex, side) in layout.sides.enumerated() {
            var flat = try SideRenderer.render(layout, sideIndex: sideIndex, print: print, dotsPerInch: renderDPI)
            var regions: [[Point]] = []
            if let zoneID = effect?.spliceZone, let zone = side.zone(zoneID) {
                var spliceRandom = stream(.splice)
                let (region, detail) = try Splicer.splice(zone: zone, sideIndex: sideIndex, specimen: layout, into: &flat, print: print,
                                                          generator: generator, dotsPerInch: renderDPI, random: &spliceRandom)
                regions.append(region)
                effect?.details.append(detail)
            }
            if effect?.kind == .photoSubstituted, let outline = flat.pastedPhotoOutline {
                regions.append(outline)
            }
            let scanned = ScanSimulator.scan(flat, conditions: conditions, random: &scanRandom)
            let bytes: [UInt8]
            do {
                if let quality = conditions.jpegQuality {
                    bytes = try ImageEncoder.jpeg(scanned.image, quality: quality, dotsPerInch: Int(conditions.dotsPerInch.rounded()))
                } else {
                    bytes = try ImageEncoder.png(scanned.image, dotsPerInch: Int(conditions.dotsPerInch.rounded()))
                }
            } catch {
                throw .output(error.description)
            }
            let name = "\(specimen.id)-\(Self.padded(index))-\(side.name).\(conditions.jpegQuality == nil ? "png" : "jpg")"
            let t = scanned.transform
            let w = Double(flat.image.width), h = Double(flat.image.height)
            var mrzTruth: RenderLabel.MRZTruth?
            if let placement = flat.mrz {
                // Lengths along the text: the transform's local scale at the MRZ.
                let a = t.apply(placement.baselines[0][0]), b = t.apply(placement.baselines[0][1])
                let along = ((b - a).length) / ((placement.baselines[0][1] - placement.baselines[0][0]).length)
                mrzTruth = .init(format: specimen.mrzFormat, lines: print.mrzLines, polygon: t.apply(placement.polygon),
                                 characterHeight: (placement.characterHeight * along * 100).rounded() / 100,
                                 pitch: (placement.pitch * along * 100).rounded() / 100, font: print.mrzFont)
            }
            let label = RenderLabel(
                file: name, document: index, seed: seed, model: specimen.id, layoutModel: layout.id, side: side.name,
                genuine: effect == nil, checkDate: checkDate.iso, mrz: mrzTruth, data: print.data,
                printed: flat.fields.map { var f = $0; f.polygon = t.apply(f.polygon); return f },
                zones: side.zones.map { zone in
                    .init(id: zone.id, kind: zone.kind,
                          polygon: t.apply(Rectangle(x: zone.box.x * w, y: zone.box.y * h, width: zone.box.width * w, height: zone.box.height * h).corners))
                },
                documentPolygon: t.apply(Rectangle(x: 0, y: 0, width: w, height: h).corners),
                portrait: print.portrait, ghostPortrait: side.zones(of: .ghostImage).isEmpty ? nil : print.ghostPortrait,
                scan: .init(conditions: conditions, imageWidth: scanned.image.width, imageHeight: scanned.image.height,
                            format: conditions.jpegQuality == nil ? "png" : "jpeg", transform: t, renderDotsPerInch: renderDPI),
                forgery: effect.map { .init(kinds: [$0.kind], zones: $0.zones, details: $0.details, regions: regions.map { t.apply($0) }) })
            files.append(RenderedFile(name: name, bytes: bytes, label: label))
        }
        return RenderedDocument(files: files, watchlist: effect?.watchlist.map { [$0] } ?? [])
    }

    /// The resolution the flat side is drawn at: the smallest of a few fixed levels at or above
    /// the scan's (so the paper cache is reused and the warp only ever shrinks a little).
    static func renderResolution(for conditions: ScanConditions) -> Double {
        if conditions.placement == .cropped { return conditions.dotsPerInch }
        return [150.0, 200, 300, 400, 600].first { $0 >= conditions.dotsPerInch - 0.5 } ?? 600
    }

    /// The number of another document of this run whose own number is left as generated.
    private func reusableNumber(specimen: Specimen, models: Int, seed: UInt64, index: Int, count: Int, forge: ForgeryChoice,
                                applicable: [ForgeryKind], random: inout SplitMix64) throws(RenderError) -> (number: String, document: Int)? {
        // Documents of the same model: index ≡ other (mod models).
        let sameModel = (count - 1 - index % models) / models + 1
        guard sameModel > 1 else { return nil }
        let changesNumber: Set<ForgeryKind> = [.numberReused, .mrzAlteredCheckDigitRecomputed]
        var candidates: [Int] = []
        if forge == .kind(.numberReused) {
            candidates = [index - models]  // the genuine holder just before (see ForgeryPlan.choose)
        }
        for _ in 0..<32 { candidates.append(index % models + models * random.int(0...(sameModel - 1))) }
        for other in candidates {
            guard other != index, other >= 0, other < count else { continue }
            var otherForgery = SplitMix64(seed: seed, index: UInt64(other), stream: Stream.forgery.rawValue)
            if let kind = ForgeryPlan.choose(forge, applicable: applicable, random: &otherForgery, index: other, models: models),
               changesNumber.contains(kind) { continue }
            var identity = SplitMix64(seed: seed, index: UInt64(other), stream: Stream.identity.rawValue)
            let data = try IdentityGenerator(specimen: specimen, checkDate: checkDate).make(using: &identity)
            return (data.documentNumber, other)
        }
        return nil
    }

    static func padded(_ index: Int) -> String {
        let text = String(index)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }
}

extension DocumentRenderer {
    /// A watch-list entry for a number of the model that no rendered document carries (numbers
    /// are drawn from a stream no document uses), so that a list is not only the run's hits.
    public func decoyWatchlistEntry(specimenID: String, random: inout SplitMix64) -> WatchlistEntry? {
        guard let specimen = library[specimenID], let pattern = try? DocumentNumberPattern(specimen.rules.documentNumberPattern) else { return nil }
        let listed = checkDate.adding(days: -random.int(1...1500))
        return WatchlistEntry(issuingState: specimen.issuingState, documentNumber: pattern.generate(using: &random),
                              date: random.chance(0.7) ? listed.iso : nil, source: random.chance(0.5) ? "SLTD" : nil)
    }
}
