import Foundation
import IDCheck
import Testing

/// `idcheck verify` on documents the project's renderer draws: a genuine UTO-P-2020 data page is
/// identified and consistent; a watch-listed one is suspect with the renderer's own watch list; a
/// region pasted onto a rendered scan is reported and tinted in the annotated image.
@Suite("idcheck verify on rendered specimens")
struct VerifyRenderedTests {
    @Test("genuine and watch-listed UTO-P-2020 passports", arguments: ["none", "watchlisted"])
    func rendered(forge: String) throws {
        let folder = NSTemporaryDirectory() + "idcheck-verify-render-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let render = try CLIRunner.run(["render", "--specimen", "UTO-P-2020", "--count", "2", "--seed", "41", "--forge", forge,
                                        "--conditions", "none", "--check-date", "2025-06-01", "--out", folder])
        #expect(render.status == 0, "\(render.standardError)")
        let labels = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        try #require(labels.count == 2)
        #expect(labels.allSatisfy { ($0["genuine"] as? Bool) == (forge == "none") })
        var list: [String] = []
        if FileManager.default.fileExists(atPath: folder + "/watchlist.csv") { list = ["--watchlist", folder + "/watchlist.csv"] }
        for label in labels {
            let file = try #require(label["file"] as? String)
            let run = try CLIRunner.run(["verify", "--json", "--at", "2025-06-01"] + list + [folder + "/" + file])
            let object = try #require(try VerifyCommandTests.json(run).first)
            let model = try #require(object["model"] as? [String: Any])
            #expect(model["id"] as? String == "UTO-P-2020", "\(file): \(model)")
            let codes = VerifyCommandTests.codes(object)
            if label["genuine"] as? Bool == true {
                #expect(object["verdict"] as? String == "consistent", "\(file): \(codes)")
                #expect(run.status == 0)
            } else {
                #expect(codes["list.watchlist-hit"] == "critical", "\(file): \(codes)")
                #expect(object["verdict"] as? String == "suspect")
            }
        }
    }

    @Test("a region pasted onto a scan is reported and tinted by the heat map in the annotated image")
    func heatMapOverPaste() throws {
        let folder = NSTemporaryDirectory() + "idcheck-verify-paste-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let render = try CLIRunner.run(["render", "--specimen", "UTO-P-2020", "--count", "1", "--seed", "7321", "--out", folder])
        #expect(render.status == 0, "\(render.standardError)")
        let line = try #require(try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8).split(separator: "\n").first)
        let label = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let file = try #require(label["file"] as? String)
        let printed = try #require(label["printed"] as? [[String: Any]])
        func polygon(_ field: String) throws -> [Point] {
            let entry = try #require(printed.first { $0["field"] as? String == field })
            return try #require(entry["polygon"] as? [[String: Double]]).map { Point(x: $0["x"] ?? 0, y: $0["y"] ?? 0) }
        }
        let scan = try ImageDecoder().decode(contentsOf: folder + "/" + file).image.converted(to: .rgb)
        let (forged, box) = try Self.paste(from: polygon("expiryDate"), onto: polygon("birthDate"), in: scan)
        let forgedPath = folder + "/forged.jpg", annotated = folder + "/annotated.png"
        try ImageEncoder.write(ImageEncoder.jpeg(forged, quality: 90), to: forgedPath)
        let run = try CLIRunner.run(["verify", "--json", "--at", "2025-06-30", "--annotate", annotated, forgedPath])
        let object = try #require(try VerifyCommandTests.json(run).first)
        #expect(VerifyCommandTests.codes(object)["tamper.local"] == "critical", "\(VerifyCommandTests.codes(object))")
        let original = try ImageDecoder().decode(contentsOf: forgedPath).image.converted(to: .rgb)
        let marked = try ImageDecoder().decode(contentsOf: annotated).image.converted(to: .rgb)
        try #require(original.width == marked.width && original.height == marked.height)
        // The heat tint (magenta) lowers green against both red and blue; the zone outlines
        // (blue), the findings (red) and the MRZ outline (green) do not.
        func tinted(_ x: Int, _ y: Int) -> Bool {
            guard let a = original[x, y], let b = marked[x, y] else { return false }
            let redOverGreen = (Int(b.red) - Int(b.green)) - (Int(a.red) - Int(a.green))
            let blueOverGreen = (Int(b.blue) - Int(b.green)) - (Int(a.blue) - Int(a.green))
            return redOverGreen > 4 && blueOverGreen > 4
        }
        var inside = 0, everywhere = 0
        let x0 = Int(box[0].x), x1 = Int(box[2].x), y0 = Int(box[0].y), y1 = Int(box[2].y)
        for y in 0..<original.height {
            for x in 0..<original.width where tinted(x, y) {
                everywhere += 1
                if x >= x0 && x <= x1 && y >= y0 && y <= y1 { inside += 1 }
            }
        }
        let insideShare = Double(inside) / Double(max(1, (x1 - x0 + 1) * (y1 - y0 + 1)))
        let pageShare = Double(everywhere) / Double(original.pixelCount)
        #expect(insideShare > 0.2 && insideShare > 10 * pageShare, "tinted inside \(insideShare), on the page \(pageShare)")
    }

    /// A forger's paste: an ellipse around the middle of one printed field, recompressed (JPEG
    /// 45) and grained (σ 4), put over the middle of another field. Returns the image and the
    /// ellipse's box.
    static func paste(from source: [Point], onto target: [Point], in scan: Image) throws -> (Image, [Point]) {
        var image = scan
        func centre(_ p: [Point]) -> Point { Point(x: p.map(\.x).reduce(0, +) / Double(p.count), y: p.map(\.y).reduce(0, +) / Double(p.count)) }
        let height = ((target[3].x - target[0].x) * (target[3].x - target[0].x) + (target[3].y - target[0].y) * (target[3].y - target[0].y)).squareRoot()
        let rx = height * 1.6, ry = height * 0.75
        let from = centre(source), to = centre(target)
        let cut = Rectangle(x: (from.x - rx).rounded(.down), y: (from.y - ry).rounded(.down), width: (2 * rx).rounded(.up), height: (2 * ry).rounded(.up))
        let patch = try ImageDecoder().decode(ImageEncoder.jpeg(image.cropped(to: cut), quality: 45)).image.converted(to: .rgb)
        // Grain: a sum of four uniforms from a fixed linear congruential sequence (variance 4/12 → σ 4).
        var state: UInt64 = 7321
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53 - 0.5
        }
        let ox = Int(to.x - rx), oy = Int(to.y - ry)
        for y in 0..<patch.height {
            for x in 0..<patch.width {
                let dx = (Double(x) - rx) / rx, dy = (Double(y) - ry) / ry
                guard dx * dx + dy * dy <= 1, let colour = patch[x, y] else { continue }
                let grain = (uniform() + uniform() + uniform() + uniform()) * 4 * (3.0).squareRoot()
                func shifted(_ v: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(v) + grain).rounded()))) }
                image.setPixel(x: ox + x, y: oy + y, to: Colour(red: shifted(colour.red), green: shifted(colour.green), blue: shifted(colour.blue)))
            }
        }
        let box = [Point(x: to.x - rx, y: to.y - ry), Point(x: to.x + rx, y: to.y - ry), Point(x: to.x + rx, y: to.y + ry), Point(x: to.x - rx, y: to.y + ry)]
        return (image, box)
    }
}
