import Foundation
import IDCheck
import Testing

/// `idcheck verify` on one image showing two documents, as an intake desk photocopies a family's
/// papers on one sheet: each document is examined and reported on its own, not taken for one
/// document whose "pages" disagree.
@Suite("idcheck verify on a sheet of several documents")
struct VerifySheetOfDocumentsTests {
    @Test("a passport page and a card's back on one sheet, square or turned against each other: two reports, each consistent, each with its own annotated image",
          arguments: [0.0, 4.0, -5.0])
    func twoDocumentsOnOneSheet(cardTurn: Double) throws {
        let folder = NSTemporaryDirectory() + "idcheck-sheet-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Flat 300 dpi scans, so that both lie on the sheet at one scale, as on a photocopier.
        var images: [Image] = []
        for model in ["UTO-P-2020", "UTO-ID-2021"] {
            let out = folder + "/" + model
            let render = try CLIRunner.run(["render", "--specimen", model, "--count", "1", "--seed", "31", "--conditions", "none",
                                            "--check-date", "2025-06-30", "--out", out])
            #expect(render.status == 0, "\(render.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") }.sorted()
            // The passport's data page; the card's back (its MRZ side).
            let file = try #require(files.first { model == "UTO-P-2020" || $0.contains("back") })
            images.append(try ImageDecoder().decode(contentsOf: out + "/" + file).image)
        }
        // The card turned on the sheet (as two documents on a photocopier's glass lie): the reader
        // must find its MRZ along its own direction, not only along the passport's.
        if cardTurn != 0, let card = images.last {
            // On a canvas 150 px larger each way, so that no corner of the card is cut off.
            let width = card.width + 150, height = card.height + 150
            let mapping = Homography.translation(Double(card.width) / 2, Double(card.height) / 2).after(.rotation(cardTurn * .pi / 180))
                .after(.translation(-Double(width) / 2, -Double(height) / 2))
            images[images.count - 1] = card.warped(width: width, height: height, mapping: mapping)
        }
        let sheet = Image.stacked(images, gap: 80).sheet
        let path = folder + "/sheet.png"
        try Data(ImageEncoder.png(sheet)).write(to: URL(fileURLWithPath: path))

        let run = try CLIRunner.run(["verify", "--json", "--at", "2025-06-30", "--annotate", folder + "/marked.png", path])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let reports = try run.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        try #require(reports.count == 2)
        let formats = reports.compactMap { ($0["mrz"] as? [String: Any])?["format"] as? String }
        #expect(formats == ["td3", "td1"], "top to bottom")
        for (index, report) in reports.enumerated() {
            #expect(report["verdict"] as? String == "consistent")
            let onImage = try #require(report["documentOnImage"] as? [String: Int])
            #expect(onImage == ["number": index + 1, "of": 2])
            let codes = (report["indicators"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(!codes.contains("document.another-on-image"), "each document has its report")
            #expect(FileManager.default.fileExists(atPath: folder + "/marked-\(index + 1).png"))
        }

        let text = try CLIRunner.run(["verify", "--at", "2025-06-30", path])
        #expect(text.standardOutput.contains("(document 1 of 2 on the image)"))
        #expect(text.standardOutput.contains("(document 2 of 2 on the image)"))

        // Batch writes a line per document, as verify reports them.
        let results = folder + "/batch.jsonl"
        let batch = try CLIRunner.run(["batch", "--at", "2025-06-30", "--out", results, path])
        #expect(batch.status == 0, "\(batch.standardError)")
        let lines = try Self.lines(of: results)
        try #require(lines.count == 2)
        for (index, line) in lines.enumerated() {
            #expect(line["verdict"] as? String == "consistent")
            #expect(line["documentOnImage"] as? [String: Int] == ["number": index + 1, "of": 2])
        }
        #expect(lines.compactMap { ($0["mrz"] as? [String: Any])?["format"] as? String } == ["td3", "td1"])
        guard cardTurn == 0 else { return }
        let summary = try CLIRunner.run(["summarize", "--json", results])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(summary.standardOutput.utf8)) as? [String: Any])
        #expect(figures["files"] as? Int == 1 && figures["lines"] as? Int == 2 && figures["documentsSharingAFile"] as? Int == 2, "\(figures)")

        // A power cut that left only the first document's line: the file is done again, whole.
        let written = try String(contentsOfFile: results, encoding: .utf8)
        let firstLine = try #require(written.split(separator: "\n").first)
        try Data((firstLine + "\n").utf8).write(to: URL(fileURLWithPath: results))
        let resumed = try CLIRunner.run(["batch", "--at", "2025-06-30", "--out", results, path])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("left unfinished"))
        let redone = try Self.lines(of: results)
        #expect(redone.compactMap { ($0["documentOnImage"] as? [String: Int])?["number"] } == [1, 2], "both documents' lines again")
        #expect(redone.compactMap { $0["verdict"] as? String } == ["consistent", "consistent"])
        // Both lines there: nothing left to do.
        let again = try CLIRunner.run(["batch", "--at", "2025-06-30", "--out", results, path])
        #expect(again.standardOutput.contains("0 lines written, 1 files already done"), "\(again.standardOutput)")
    }

    private static func lines(of path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("a card whose MRZ check digits were broken, photocopied beside a genuine passport page, gets a report of its own: suspect")
    func forgedBesideGenuine() throws {
        let folder = NSTemporaryDirectory() + "idcheck-sheet-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var images: [Image] = []
        for (model, seed, forge) in [("UTO-P-2020", "6", "none"), ("UTO-ID-2021", "5", "mrz-altered-check-digit-broken")] {
            let out = folder + "/" + model
            let render = try CLIRunner.run(["render", "--specimen", model, "--count", "1", "--seed", seed, "--forge", forge,
                                            "--conditions", "none", "--check-date", "2025-06-30", "--out", out])
            #expect(render.status == 0, "\(render.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }.sorted()
            let file = try #require(files.first { model == "UTO-P-2020" || $0.contains("back") })
            images.append(try ImageDecoder().decode(contentsOf: out + "/" + file).image)
        }
        let path = folder + "/sheet.png"
        try Data(ImageEncoder.png(Image.stacked(images, gap: 80).sheet)).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["verify", "--json", "--at", "2025-06-30", path])
        #expect(run.status == 1, "a document is suspect")
        let verdicts = try run.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["verdict"] as? String
        }
        #expect(verdicts == ["consistent", "suspect"], "the genuine passport page above, the forged card below")
    }
}

