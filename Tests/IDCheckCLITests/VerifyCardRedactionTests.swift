import Foundation
import IDCheck
import Testing

/// `--redact` on a card given as front and back: the front carries the photo and the names but
/// no MRZ; once the alignment finds the front, its personal zones are masked, and the rest of
/// the front stays visible for the examiner. The same on a photocopy of both sides on one
/// sheet, where what lies outside the sides found is greyed out too.
@Suite("idcheck verify --redact on a card's front")
struct VerifyCardRedactionTests {
    /// One rendered UTO-ID-2021 card (seed 17): its folder, labels (front first) and files.
    func renderCard() throws -> (folder: String, labels: [[String: Any]], files: [String]) {
        let folder = NSTemporaryDirectory() + "idcheck-card-redaction-\(UUID().uuidString)"
        let render = try CLIRunner.run(["render", "--specimen", "UTO-ID-2021", "--count", "1", "--seed", "17", "--max-dpi", "300",
                                        "--check-date", "2025-06-30", "--out", folder])
        #expect(render.status == 0, "\(render.standardError)")
        let labels = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let files = labels.compactMap { $0["file"] as? String }.map { folder + "/" + $0 }
        #expect(files.count == 2)
        return (folder, labels, files)
    }

    /// The bounding box of zone `id` in `label`, shifted by `offset`.
    func box(of id: String, in label: [String: Any]?, offset: Point = Point(x: 0, y: 0)) throws -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        let zones = try #require(label?["zones"] as? [[String: Any]])
        let zone = try #require(zones.first { $0["id"] as? String == id })
        let polygon = try #require(zone["polygon"] as? [[String: Double]])
        let xs = polygon.compactMap { $0["x"] }.map { $0 + offset.x }, ys = polygon.compactMap { $0["y"] }.map { $0 + offset.y }
        return (Int(xs.min() ?? 0), Int(ys.min() ?? 0), Int(xs.max() ?? 0), Int(ys.max() ?? 0))
    }

    /// The darkest pixel (its brightest channel) inside the middle of `box` (a fifth in from each
    /// side, off the annotation's outlines) of `image`: ink shows as dark, a mask as 200 (the
    /// heat map's tint over it keeps a channel bright).
    func darkest(_ box: (x0: Int, y0: Int, x1: Int, y1: Int), on image: Image) -> Int {
        let insetX = (box.x1 - box.x0) / 5, insetY = (box.y1 - box.y0) / 5
        var darkest = 255
        for y in (box.y0 + insetY)...(box.y1 - insetY) {
            for x in (box.x0 + insetX)...(box.x1 - insetX) { if let c = image[x, y] { darkest = min(darkest, Int(max(c.red, c.green, c.blue))) } }
        }
        return darkest
    }

    @Test("the front's photo and surname are masked, its title is not")
    func frontMasked() throws {
        let (folder, labels, files) = try renderCard()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/annotated.png"
        let run = try CLIRunner.run(["verify", "--redact", "--same-document", "--at", "2025-06-30", "--annotate", out] + files)
        #expect(run.status == 0, "\(run.standardError)")
        let front = try ImageDecoder().decode(contentsOf: folder + "/annotated-1.png").image
        for id in ["photo", "surname"] {
            let b = try box(of: id, in: labels.first)
            let (x, y) = ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
            let colour = try #require(front[x, y])
            #expect(colour == Colour(gray: 200), "\(id) at \(x),\(y) shows \(colour)")
        }
        // The page is not greyed out as a whole: the title's ink shows.
        #expect(darkest(try box(of: "title", in: labels.first), on: front) < 150, "the title is masked too")
    }

    @Test("both sides photocopied on one sheet: the front's names and photo are masked, and the sheet around the card")
    func sheetMasked() throws {
        let (folder, labels, files) = try renderCard()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sides = try files.map { try ImageDecoder().decode(contentsOf: $0).image }
        let (sheet, offsets) = Image.stacked(sides, gap: 60)
        let sheetPath = folder + "/sheet.png"
        try Data(ImageEncoder.png(sheet)).write(to: URL(fileURLWithPath: sheetPath))
        let out = folder + "/redacted.png"
        let run = try CLIRunner.run(["verify", "--redact", "--json", "--at", "2025-06-30", "--annotate", out, sheetPath])
        #expect(run.status == 0, "\(run.standardError)")
        let redacted = try ImageDecoder().decode(contentsOf: out).image
        for id in ["photo", "surname", "givenNames", "birthDate", "documentNumber"] {
            #expect(darkest(try box(of: id, in: labels.first, offset: offsets[0]), on: redacted) >= 190, "the front's \(id) shows")
        }
        #expect(darkest(try box(of: "title", in: labels.first, offset: offsets[0]), on: redacted) < 150, "the front's title is masked too")
        // The gap between the two scans belongs to neither side: grey, not the sheet's white.
        let gapRow = Int(offsets[1].y) - 30
        #expect(redacted[sheet.width / 2, gapRow] == Colour(gray: 200))
    }

}
