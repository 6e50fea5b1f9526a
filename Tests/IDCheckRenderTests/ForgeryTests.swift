import Foundation
import Testing
import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens
@testable import IDCheckRender

@Suite("Rendering forgeries")
struct ForgeryTests {
    func first(_ kind: ForgeryKind, model: String = "UTO-P-2020", count: Int = 8) throws -> (RenderedDocument, RenderedDocument) {
        let renderer = try renderer()
        // Index 3: with number-reused, odd documents reuse the number of the genuine one before them.
        let forged = try renderer.render(specimenID: model, seed: 77, index: 3, count: count, forge: .kind(kind), conditions: .none)
        let genuine = try renderer.render(specimenID: model, seed: 77, index: 3, count: count, forge: .none, conditions: .none)
        return (forged, genuine)
    }

    func zone(_ document: RenderedDocument) throws -> MRZ.Zone {
        let lines = try #require(document.files.compactMap(\.label.mrz).first).lines
        return try MRZ.parse(lines: lines, options: .init(referenceDate: try #require(DocumentRenderer.defaultCheckDate)))
    }

    @Test("every kind is labelled with its identifier and the zones it touches", arguments: ForgeryKind.allCases)
    func labelled(kind: ForgeryKind) throws {
        let model = kind == .otherModelLayout ? "UTO-ID-2021" : "UTO-P-2020"
        let (forged, genuine) = try first(kind, model: model)
        let label = try #require(forged.files.first?.label)
        #expect(!label.genuine)
        #expect(label.forgery?.kinds == [kind])
        #expect(label.forgery?.zones.isEmpty == false)
        // The holder is the same as in the genuine rendering of this index: only the forgery differs.
        #expect(label.data.surname == genuine.files.first?.label.data.surname)
        if kind != .watchlisted {
            #expect(forged.files.map(\.bytes) != genuine.files.map(\.bytes))
        }
    }

    @Test("altered MRZ data with the old check digits fails a check digit")
    func brokenCheckDigit() throws {
        let (forged, _) = try first(.mrzAlteredCheckDigitBroken)
        #expect(try zone(forged).checks.contains { !$0.passes })
    }

    @Test("altered MRZ data with recomputed check digits passes every check but differs from the print")
    func recomputedCheckDigits() throws {
        let (forged, genuine) = try first(.mrzAlteredCheckDigitRecomputed)
        #expect(try zone(forged).checks.allSatisfy { $0.passes })
        #expect(forged.files[0].label.mrz?.lines != genuine.files[0].label.mrz?.lines)
        #expect(forged.files[0].label.printed.map(\.text) == genuine.files[0].label.printed.map(\.text))
    }

    @Test("a visual zone disagreeing with the MRZ prints another value in the labelled zone")
    func vizMismatch() throws {
        let (forged, genuine) = try first(.vizMRZMismatch)
        let zoneID = try #require(forged.files[0].label.forgery?.zones.first)
        let printed = forged.files.flatMap(\.label.printed).first { $0.zone == zoneID }
        let original = genuine.files.flatMap(\.label.printed).first { $0.zone == zoneID }
        #expect(printed?.text != original?.text)
        #expect(forged.files[0].label.mrz?.lines == genuine.files[0].label.mrz?.lines)
    }

    @Test("another model's layout is named in the labels")
    func otherLayout() throws {
        let (forged, _) = try first(.otherModelLayout)
        #expect(forged.files[0].label.model == "UTO-P-2020")
        #expect(forged.files[0].label.layoutModel == "UTO-P-2014")
    }

    @Test("a reused number belongs to another document of the same run")
    func reusedNumber() throws {
        let renderer = try renderer()
        let forged = try renderer.render(specimenID: "UTO-ID-2021", seed: 5, index: 5, count: 10, forge: .kind(.numberReused), conditions: .none)
        let detail = try #require(forged.files[0].label.forgery?.details.first)
        let other = try #require(detail.components(separatedBy: "belongs to document ").last?.split(separator: " ").first.flatMap { Int($0) })
        #expect(other == 4)
        let owner = try renderer.render(specimenID: "UTO-ID-2021", seed: 5, index: other, count: 10, forge: .kind(.numberReused), conditions: .none)
        #expect(owner.files[0].label.genuine)
        #expect(owner.files[0].label.data.documentNumber == forged.files[0].label.data.documentNumber)
        #expect(owner.files[0].label.data.surname != forged.files[0].label.data.surname || owner.files[0].label.data.givenNames != forged.files[0].label.data.givenNames)
    }

    @Test("a watch-listed document yields its watch-list entry")
    func watchlisted() throws {
        let (forged, _) = try first(.watchlisted)
        let entry = try #require(forged.watchlist.first)
        #expect(entry.documentNumber == forged.files[0].label.data.documentNumber)
        #expect(entry.csvLine.hasPrefix("UTO,"))
    }

    @Test("an MRZ in the wrong font is drawn in the named font and differs from OCR-B")
    func wrongFont() throws {
        let (forged, _) = try first(.mrzWrongFont)
        let font = try #require(forged.files[0].label.mrz?.font)
        #expect(font != "OCRB.otf")
    }

    @Test("a splice changes pixels only near its labelled region")
    func splice() throws {
        let (forged, genuine) = try first(.splicedRegion)
        let region = try #require(forged.files[0].label.forgery?.regions.first)
        let a = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(forged.files[0].bytes).image
        let b = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(genuine.files[0].bytes).image
        let xs = region.map(\.x), ys = region.map(\.y)
        var inside = 0, outside = 0
        for y in 0..<a.height {
            for x in 0..<a.width where abs(Int(a.sample(x: x, y: y) ?? 0) - Int(b.sample(x: x, y: y) ?? 0)) > 0 {
                if Double(x) >= xs.min()! - 2 && Double(x) <= xs.max()! + 2 && Double(y) >= ys.min()! - 2 && Double(y) <= ys.max()! + 2 { inside += 1 } else { outside += 1 }
            }
        }
        #expect(inside > 20)
        #expect(outside == 0)
    }

    @Test("a splice's label says whether the pasted region changed the print or showed what was there")
    func spliceSaysWhetherThePrintChanged() throws {
        let renderer = try renderer()
        // Seed 9106 (the visual benchmark's splices): document 16 pastes another surname's
        // letters over SHEVCHENKO's last ones; document 3 pastes blank pattern past the end of
        // a short surname.
        for (model, index, changed) in [("UTO-P-2014", 16, true), ("UTO-RP-2019", 3, false)] {
            let forged = try renderer.render(specimenID: model, seed: 9106, index: index, count: 1, forge: .kind(.splicedRegion), conditions: .none)
            let genuine = try renderer.render(specimenID: model, seed: 9106, index: index, count: 1, forge: .none, conditions: .none)
            let label = try #require(forged.files.first { $0.label.forgery != nil }?.label)
            let details = try #require(label.forgery?.details.first)
            #expect(details.hasSuffix(changed ? "print changed" : "print unchanged (the donor shows the same there)"), "\(details)")
            // What the label says, seen on the pixels: ink that differs by more than grain and
            // recompression can make, inside the region.
            let page = try #require(forged.files.firstIndex { $0.label.forgery != nil })
            let a = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(forged.files[page].bytes).image
            let b = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(genuine.files[page].bytes).image
            let region = try #require(label.forgery?.regions.first)
            var differing = 0
            for y in 0..<a.height {
                for x in 0..<a.width where Point(x: Double(x), y: Double(y)).isInside(convexPolygon: region) {
                    if abs(Int(a.sample(x: x, y: y) ?? 0) - Int(b.sample(x: x, y: y) ?? 0)) > 100 { differing += 1 }
                }
            }
            #expect(changed ? differing > 200 : differing < 12, "\(model) \(index): \(differing) pixels differ")
        }
    }

    @Test("mix forges about half of the documents")
    func mix() throws {
        let renderer = try renderer()
        var forged = 0
        for index in 0..<40 {
            var random = SplitMix64(seed: 9, index: UInt64(index), stream: DocumentRenderer.Stream.forgery.rawValue)
            let applicable = ForgeryPlan.applicableKinds(for: try #require(library?["UTO-P-2020"]), library: try #require(library), count: 40)
            if ForgeryPlan.choose(.mix, applicable: applicable, random: &random, index: index, models: 1) != nil { forged += 1 }
        }
        #expect((10...30).contains(forged))
        _ = renderer
    }
}
