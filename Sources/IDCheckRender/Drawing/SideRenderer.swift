import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// What is on one side of a document before it is scanned: the data to print and how.
public struct SidePrint: Sendable {
    public var data: DocumentData
    /// The MRZ lines to print (normally generated from `data`; forgeries may print others).
    public var mrzLines: [String]
    /// Printed text that differs from `data` for some zones (zone id → text), for forgeries.
    public var printedOverrides: [String: String] = [:]
    public var portrait: Portrait
    /// The person the ghost image shows (the holder; a substituted photo leaves it unchanged).
    public var ghostPortrait: Portrait
    /// The font file of the MRZ (`OCRB.otf` on genuine documents).
    public var mrzFont: String = "OCRB.otf"
    /// Seed of the signature's scribble.
    public var signatureSeed: UInt64
    /// A substituted photo: `portrait` printed separately and stuck over the issuer's print of
    /// `ghostPortrait` (the holder), covering the overprint; `nil` on genuine documents.
    public var pastedPhoto: PastedPhoto?

    public init(data: DocumentData, mrzLines: [String], portrait: Portrait, ghostPortrait: Portrait, signatureSeed: UInt64) {
        self.data = data
        self.mrzLines = mrzLines
        self.portrait = portrait
        self.ghostPortrait = ghostPortrait
        self.signatureSeed = signatureSeed
    }
}

/// One rendered side, upright and flat, with where everything went (pixels of this image).
public struct RenderedSide: Sendable {
    public var image: Image
    public let pixelsPerMillimetre: Double
    public let cornerRadius: Double
    public var fields: [PrintedFieldTruth]
    public var mrz: MRZPlacement?
    /// The outline of a pasted photo (4 corners clockwise from its top-left), pixels of this image.
    public var pastedPhotoOutline: [Point]? = nil
}

/// A printed field as drawn: zone, text, and the box its value was drawn in.
public struct PrintedFieldTruth: Sendable, Hashable, Codable {
    public let zone: String
    public let field: Specimen.PrintedField
    public let mrzField: MRZ.Field?
    public let text: String
    /// Corners of the zone's box (clockwise from top-left), pixels of the flat side before scanning.
    public var polygon: [Point]
}

/// Where the MRZ was drawn on the flat side.
public struct MRZPlacement: Sendable, Hashable, Codable {
    /// Corners around the characters (clockwise from top-left): from the first cell's left to the
    /// last cell's right, from the first line's cap top to the last line's baseline.
    public var polygon: [Point]
    /// Cap height (the height of `H`, `0`) in pixels.
    public var characterHeight: Double
    /// Distance between character cells in pixels.
    public var pitch: Double
    /// The baselines, left and right end, one per line.
    public var baselines: [[Point]]
}

/// Draws a side of a model from its specimen description and its rendering style.
public enum SideRenderer {
    /// Renders side `sideIndex` of `specimen` at `dotsPerInch`.
    public static func render(_ specimen: Specimen, sideIndex: Int, print: SidePrint, dotsPerInch: Double) throws(RenderError) -> RenderedSide {
        guard let style = specimen.rendering else { throw .notRenderable(specimen.id) }
        let side = specimen.sides[sideIndex]
        let ppmm = dotsPerInch / 25.4
        let (width, height) = specimen.size.pixels(dotsPerInch: dotsPerInch)
        let w = Double(width), h = Double(height)
        let paper = PaperCache.shared.paper(for: specimen, sideIndex: sideIndex, width: width, height: height, pixelsPerMillimetre: ppmm)
        var image = paper
        let ink = Colour(hex: style.ink), accent = Colour(hex: style.accent)
        var fields: [PrintedFieldTruth] = []
        var mrz: MRZPlacement?
        func rect(_ box: Specimen.Box) -> Rectangle { Rectangle(x: box.x * w, y: box.y * h, width: box.width * w, height: box.height * h) }

        for zone in side.zones {
            let r = rect(zone.box)
            switch zone.kind {
            case .backgroundPattern:
                break // the pattern is already on the paper; the zone only says no data is printed there
            case .emblem:
                Emblem.draw(in: r, colour: accent, into: &image, pixelsPerMillimetre: ppmm)
            case .staticText:
                let font = try FontCache.shared.face(zone.text?.font ?? style.titleFont)
                let colour = zone.text?.colour.map { Colour(hex: $0) } ?? accent
                try drawText(zone.label ?? "", in: r, font: font, size: (zone.text?.size ?? 0.05) * h, colour: colour, into: &image)
            case .photo:
                // The issuer prints the holder; a substituted photo is stuck on afterwards.
                let holder = print.pastedPhoto == nil ? print.portrait : print.ghostPortrait
                let photo = holder.render(width: max(1, Int(r.width.rounded())), height: max(1, Int(r.height.rounded())))
                image.draw(photo, atX: Int(r.x.rounded()), y: Int(r.y.rounded()))
            case .ghostImage:
                let ghost = print.ghostPortrait.render(width: max(1, Int(r.width.rounded())), height: max(1, Int(r.height.rounded())))
                blendGhost(ghost, at: r, tint: accent, into: &image)
            case .signature:
                var random = SplitMix64(seed: print.signatureSeed)
                Signature.draw(in: r, into: &image, random: &random, pixelsPerMillimetre: ppmm)
            case .field:
                guard let printed = zone.field else { continue }
                if let label = zone.label, !label.isEmpty {
                    let labelFont = try FontCache.shared.face(style.labelFont)
                    let labelSize = (zone.text?.size ?? 0.04) * h * 0.55
                    try drawText(label, in: Rectangle(x: r.x, y: r.y - labelSize * 1.05, width: w - r.x - 2, height: labelSize),
                                 font: labelFont, size: labelSize, colour: accent, into: &image, baselineFraction: 0.8)
                }
                let text = print.printedOverrides[zone.id] ?? print.data.printed(printed, dateFormat: zone.dateFormat)
                let font = try FontCache.shared.face(zone.text?.font ?? style.valueFont)
                let colour = zone.text?.colour.map { Colour(hex: $0) } ?? ink
                try drawText(text, in: r, font: font, size: (zone.text?.size ?? 0.04) * h, colour: colour, into: &image)
                fields.append(PrintedFieldTruth(zone: zone.id, field: printed, mrzField: zone.mrzField, text: text, polygon: r.corners))
            case .mrz:
                mrz = try drawMRZ(print.mrzLines, in: r, emSize: (zone.text?.size ?? 0.04) * h, fontName: print.mrzFont, into: &image)
            }
        }
        // The overprint goes on last in the issuer's pass, over the portrait's border; a pasted
        // photo goes on after the document is finished, over everything.
        var pastedOutline: [Point]?
        for zone in side.zones(of: .photo) {
            PhotoOverprint.draw(over: rect(zone.box), specimen: specimen, paper: paper, into: &image, pixelsPerMillimetre: ppmm)
            if let pasted = print.pastedPhoto {
                pastedOutline = pasted.draw(print.portrait, over: rect(zone.box), into: &image, pixelsPerMillimetre: ppmm)
            }
        }
        return RenderedSide(image: image, pixelsPerMillimetre: ppmm, cornerRadius: style.cornerRadius * h, fields: fields, mrz: mrz,
                            pastedPhotoOutline: pastedOutline)
    }

    /// Draws `text` left-aligned in `r`, baseline at `baselineFraction` of its height; a text too
    /// wide for the box is set smaller until it fits, as issuers do with long names.
    static func drawText(_ text: String, in r: Rectangle, font: FontFace, size: Double, colour: Colour, into image: inout Image,
                         baselineFraction: Double = 0.82) throws(RenderError) {
        guard !text.isEmpty else { return }
        do {
            var size = size
            let width = try font.width(of: text, sizeInPixels: size)
            if width > r.width, width > 0 { size = max(size * 0.5, size * r.width / width) }
            try image.draw(text: text, at: Point(x: r.x, y: r.y + r.height * baselineFraction), font: font, sizeInPixels: size, colour: colour)
        } catch {
            throw .font(error.description)
        }
    }

    /// The MRZ on a fixed pitch: each character centred in its cell (the zone's width divided by
    /// the line length), lines evenly spaced over the zone's height.
    static func drawMRZ(_ lines: [String], in r: Rectangle, emSize: Double, fontName: String, into image: inout Image) throws(RenderError) -> MRZPlacement {
        let font = try FontCache.shared.face(fontName)
        let reference = try FontCache.shared.face("OCRB.otf")
        let longest = max(1, lines.map(\.count).max() ?? 1)
        let pitch = r.width / Double(longest)
        let spacing = r.height / Double(max(1, lines.count))
        do {
            // Cap height of OCR-B at this size fixes where lines sit; other fonts (forgeries) are
            // scaled to the same cap height so that only their shapes differ.
            let capHeight = Double(try reference.glyph(for: "H", sizeInPixels: emSize).top)
            let ownCap = Double(max(1, try font.glyph(for: "H", sizeInPixels: emSize).top))
            let size = fontName == "OCRB.otf" ? emSize : emSize * capHeight / ownCap
            var baselines: [[Point]] = []
            for (index, line) in lines.enumerated() {
                let baseline = r.y + spacing * (Double(index) + 0.5) + capHeight / 2
                for (column, scalar) in line.unicodeScalars.enumerated() {
                    let glyph = try font.glyph(for: scalar, sizeInPixels: size)
                    let penX = r.x + pitch * Double(column) + (pitch - glyph.advance) / 2
                    image.draw(glyph: glyph, penX: penX, baselineY: baseline, colour: Colour(gray: 18))
                }
                baselines.append([Point(x: r.x, y: baseline), Point(x: r.x + pitch * Double(longest), y: baseline)])
            }
            let top = (baselines.first?[0].y ?? r.y) - capHeight
            let bottom = baselines.last?[0].y ?? r.maxY
            let right = r.x + pitch * Double(longest)
            return MRZPlacement(polygon: [Point(x: r.x, y: top), Point(x: right, y: top), Point(x: right, y: bottom), Point(x: r.x, y: bottom)],
                                characterHeight: capHeight, pitch: pitch, baselines: baselines)
        } catch {
            throw .font(error.description)
        }
    }

    /// The ghost image: a faint, tinted, grey version of the portrait that lets the pattern show through.
    static func blendGhost(_ portrait: Image, at r: Rectangle, tint: Colour, into image: inout Image) {
        let gray = portrait.converted(to: .gray)
        let x0 = Int(r.x.rounded()), y0 = Int(r.y.rounded())
        // The photo's plain background drops out: only what is darker than it is printed.
        let background = Double(gray.sample(x: gray.width / 2, y: 1) ?? 235)
        for y in 0..<gray.height {
            for x in 0..<gray.width {
                guard let value = gray.sample(x: x, y: y) else { continue }
                let darkness = max(0, background - Double(value)) / max(1, background)
                guard darkness > 0.02 else { continue }
                image.blendPixel(x: x0 + x, y: y0 + y, colour: tint.scaled(0.6), alpha: min(0.6, 0.12 + 0.6 * darkness))
            }
        }
    }
}

extension Rectangle {
    var maxY: Double { y + height }
}
