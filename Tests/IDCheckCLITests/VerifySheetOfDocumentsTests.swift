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
        var images = try Self.mrzSides(of: [("UTO-P-2020", 31, "none"), ("UTO-ID-2021", 31, "none")], in: folder)
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

    @Test("a genuine card's back photocopied just above a genuine passport page: no tampering found where the passport's blocks shift the whole sheet's statistics")
    func cardJustAbovePassport() throws {
        let folder = NSTemporaryDirectory() + "idcheck-sheet-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = try Self.mrzSides(of: [("UTO-ID-2021", 31, "none"), ("UTO-P-2020", 31, "none")], in: folder)
        // The gaps at which the card's MRZ was taken for a paste while the card's blocks were
        // compared with the whole sheet's (its own pixels are the same at every gap).
        for gap in [10, 26, 42] {
            let path = folder + "/sheet-\(gap).png"
            try Data(ImageEncoder.png(Image.stacked(images, gap: gap).sheet)).write(to: URL(fileURLWithPath: path))
            let run = try CLIRunner.run(["verify", "--json", "--at", "2025-06-30", path])
            #expect(run.status == 0, "gap \(gap): \(run.standardOutput)")
            let reports = try run.standardOutput.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            #expect(reports.compactMap { ($0["mrz"] as? [String: Any])?["format"] as? String } == ["td1", "td3"], "gap \(gap)")
            for report in reports {
                let codes = (report["indicators"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                #expect(report["verdict"] as? String == "consistent" && !codes.contains("tamper.local"), "gap \(gap): \(codes)")
            }
        }
    }

    /// One document of each model rendered flat at 300 dpi (as a photocopier's glass holds them,
    /// at one scale), its MRZ side decoded: a passport's data page, a card's back.
    private static func mrzSides(of documents: [(model: String, seed: Int, forge: String)], in folder: String) throws -> [Image] {
        try documents.map { document in
            let out = folder + "/" + document.model
            let render = try CLIRunner.run(["render", "--specimen", document.model, "--count", "1", "--seed", "\(document.seed)",
                                            "--forge", document.forge, "--conditions", "none", "--check-date", "2025-06-30", "--out", out])
            #expect(render.status == 0, "\(render.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".png") }.sorted()
            let file = try #require(files.first { document.model.hasPrefix("UTO-P-") || $0.contains("back") })
            return try ImageDecoder().decode(contentsOf: out + "/" + file).image
        }
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
        let images = try Self.mrzSides(of: [("UTO-P-2020", 6, "none"), ("UTO-ID-2021", 5, "mrz-altered-check-digit-broken")], in: folder)
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

