import Foundation
import IDCheck
import Testing

/// `--redact` on a card given as front and back: the front carries the photo and the names but
/// no MRZ; once the alignment finds the front, its personal zones are masked, and the rest of
/// the front stays visible for the examiner.
@Suite("idcheck verify --redact on a card's front")
struct VerifyCardRedactionTests {
    @Test("the front's photo and surname are masked, its title is not")
    func frontMasked() throws {
        let folder = NSTemporaryDirectory() + "idcheck-card-redaction-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let render = try CLIRunner.run(["render", "--specimen", "UTO-ID-2021", "--count", "1", "--seed", "17", "--max-dpi", "300",
                                        "--check-date", "2025-06-30", "--out", folder])
        #expect(render.status == 0, "\(render.standardError)")
        let labels = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let files = labels.compactMap { $0["file"] as? String }.map { folder + "/" + $0 }
        #expect(files.count == 2)
        let out = folder + "/annotated.png"
        let run = try CLIRunner.run(["verify", "--redact", "--same-document", "--at", "2025-06-30", "--annotate", out] + files)
        #expect(run.status == 0, "\(run.standardError)")
        let front = try ImageDecoder().decode(contentsOf: folder + "/annotated-1.png").image
        let zones = try #require(labels.first?["zones"] as? [[String: Any]])
        func box(of id: String) throws -> (x0: Int, y0: Int, x1: Int, y1: Int) {
            let zone = try #require(zones.first { $0["id"] as? String == id })
            let polygon = try #require(zone["polygon"] as? [[String: Double]])
            let xs = polygon.compactMap { $0["x"] }, ys = polygon.compactMap { $0["y"] }
            return (Int(xs.min() ?? 0), Int(ys.min() ?? 0), Int(xs.max() ?? 0), Int(ys.max() ?? 0))
        }
        func centre(of id: String) throws -> (Int, Int) {
            let b = try box(of: id)
            return ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
        }
        for id in ["photo", "surname"] {
            let (x, y) = try centre(of: id)
            let colour = try #require(front[x, y])
            #expect(colour == Colour(gray: 200), "\(id) at \(x),\(y) shows \(colour)")
        }
        // The page is not greyed out as a whole: the title's ink shows.
        let title = try box(of: "title")
        var darkest = 255
        for y in title.y0...title.y1 { for x in title.x0...title.x1 { if let c = front[x, y] { darkest = min(darkest, Int(c.green)) } } }
        #expect(darkest < 150, "the title is masked too")
    }
}
