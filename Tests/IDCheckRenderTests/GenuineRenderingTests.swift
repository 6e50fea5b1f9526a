import Foundation
import Testing
import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens
@testable import IDCheckRender

let library: SpecimenLibrary? = {
    guard let directory = SpecimenLibrary.Location.bundled() else { return nil }
    return try? SpecimenLibrary(location: .init(directory: directory, source: .bundled), strict: true, requireReferenceImages: false)
}()

func renderer() throws -> DocumentRenderer {
    DocumentRenderer(library: try #require(library), checkDate: try #require(DocumentRenderer.defaultCheckDate))
}

@Suite("Rendering genuine documents")
struct GenuineRenderingTests {
    static let models = ["UTO-P-2020", "UTO-P-2014", "UTO-ID-2021", "UTO-RP-2019", "UTO-V-2018"]

    @Test("the MRZ in the labels parses with every check digit valid", arguments: models)
    func labelsParse(model: String) throws {
        let renderer = try renderer()
        for index in 0..<6 {
            let document = try renderer.render(specimenID: model, seed: 11, index: index, count: 6, forge: .none, conditions: .none)
            let mrz = try #require(document.files.compactMap(\.label.mrz).first)
            let zone = try MRZ.parse(lines: mrz.lines, options: .init(referenceDate: renderer.checkDate))
            #expect(zone.format == mrz.format)
            #expect(zone.checks.allSatisfy { $0.passes }, "\(mrz.lines)")
            #expect(document.files.allSatisfy { $0.label.genuine })
        }
    }

    @Test("the rendered MRZ zone is dark where the label says text is, and the margin above it is not",
          arguments: [ScanConditions.Preset.none, .ordinary])
    func mrzInkWhereLabelled(preset: ScanConditions.Preset) throws {
        let renderer = try renderer()
        let document = try renderer.render(specimenID: "UTO-P-2020", seed: 5, index: 0, count: 1, forge: .none, conditions: preset)
        let file = try #require(document.files.first)
        let mrz = try #require(file.label.mrz)
        let image = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(file.bytes).image
        #expect(image.width == file.label.scan.imageWidth && image.height == file.label.scan.imageHeight)
        // Darkest pixels along each labelled baseline band versus a band one character height above the MRZ.
        func darkShare(_ polygon: [Point], shiftUp: Double) -> Double {
            let xs = polygon.map(\.x), ys = polygon.map(\.y)
            var dark = 0, total = 0
            for y in Int(ys.min()! - shiftUp)..<Int(ys.max()! - shiftUp) {
                for x in Int(xs.min()!)..<Int(xs.max()!) {
                    guard let v = image.sample(x: x, y: y) else { continue }
                    total += 1
                    if v < 110 { dark += 1 }
                }
            }
            return Double(dark) / Double(max(1, total))
        }
        let inside = darkShare(mrz.polygon, shiftUp: 0)
        #expect(inside > 0.08, "ink share inside the MRZ polygon: \(inside)")
        #expect(mrz.characterHeight > 10)
        if preset == .none {
            // Between the two lines there is no ink: the gap runs from a fifth below line 1's
            // baseline to a fifth above line 2's cap top.
            let top = mrz.polygon[0].y, height = mrz.polygon[3].y - mrz.polygon[0].y
            let spacing = height - mrz.characterHeight
            let gapTop = top + mrz.characterHeight + 0.2 * (spacing - mrz.characterHeight)
            let gapBottom = top + spacing - 0.2 * (spacing - mrz.characterHeight)
            let gap = [Point(x: mrz.polygon[0].x, y: gapTop), Point(x: mrz.polygon[1].x, y: gapTop),
                       Point(x: mrz.polygon[1].x, y: gapBottom), Point(x: mrz.polygon[0].x, y: gapBottom)]
            let between = darkShare(gap, shiftUp: 0)
            #expect(between < 0.01, "between the lines \(between), inside \(inside)")
            let ink = darkShare([Point(x: mrz.polygon[0].x, y: top), Point(x: mrz.polygon[1].x, y: top),
                                 Point(x: mrz.polygon[1].x, y: top + mrz.characterHeight), Point(x: mrz.polygon[0].x, y: top + mrz.characterHeight)], shiftUp: 0)
            #expect(ink > 0.15, "ink share on line 1: \(ink)")
        }
    }

    @Test("the same seed gives the same bytes, another seed other bytes")
    func reproducible() throws {
        let renderer = try renderer()
        let a = try renderer.render(specimenID: "UTO-ID-2021", seed: 42, index: 3, count: 10, forge: .none, conditions: .hard)
        let b = try renderer.render(specimenID: "UTO-ID-2021", seed: 42, index: 3, count: 10, forge: .none, conditions: .hard)
        let c = try renderer.render(specimenID: "UTO-ID-2021", seed: 43, index: 3, count: 10, forge: .none, conditions: .hard)
        #expect(a.files.map(\.bytes) == b.files.map(\.bytes))
        #expect(a.files.map(\.bytes) != c.files.map(\.bytes))
        #expect(a.files.map(\.name) == ["UTO-ID-2021-000003-front.jpg", "UTO-ID-2021-000003-back.jpg"])
    }

    @Test("printed fields in the labels agree with the MRZ on genuine documents")
    func printedAgreesWithMRZ() throws {
        let renderer = try renderer()
        let document = try renderer.render(specimenID: "UTO-P-2020", seed: 9, index: 1, count: 2, forge: .none, conditions: .none)
        let label = try #require(document.files.first?.label)
        let mrz = try #require(label.mrz)
        let number = try #require(label.printed.first { $0.field == .documentNumber })
        #expect(mrz.lines[1].hasPrefix(number.text))
        let transliterated = MRZ.Transliteration.mrz(label.data.surname).text
        #expect(mrz.lines[0].dropFirst(5).hasPrefix(transliterated.prefix(20)))
        #expect(label.zones.contains { $0.kind == .ghostImage })
    }

    @Test("unknown birth days are written << in the MRZ and XX in print")
    func unknownBirthDays() throws {
        let renderer = try renderer()
        var found = false
        for index in 0..<60 where !found {
            let document = try renderer.render(specimenID: "UTO-RP-2019", seed: 2, index: index, count: 60, forge: .none, conditions: .none)
            guard let label = document.files.first?.label, label.data.birthDate.day == nil else { continue }
            found = true
            let lines = try #require(document.files.compactMap(\.label.mrz).first).lines
            #expect(lines[1].prefix(6).hasSuffix("<<"))
            let printed = document.files.flatMap(\.label.printed).first { $0.field == .birthDate }
            #expect(printed?.text.hasPrefix("XX") == true)
        }
        #expect(found)
    }
}
