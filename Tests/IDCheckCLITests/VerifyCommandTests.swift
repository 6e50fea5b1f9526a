import Foundation
import Testing

/// `idcheck verify` end to end: the real dev images, pages drawn with OCR-B (Dutch BSN valid and
/// invalid, watch lists good and broken, front and back together), JSON, redaction and HTML.
@Suite("idcheck verify")
struct VerifyCommandTests {
    static let at = "2025-06-01"

    static func json(_ run: CLIRun) throws -> [[String: Any]] {
        try run.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func codes(_ object: [String: Any]) -> [String: String] {
        var codes: [String: String] = [:]
        for indicator in object["indicators"] as? [[String: Any]] ?? [] {
            if let code = indicator["code"] as? String, let severity = indicator["severity"] as? String { codes[code] = severity }
        }
        return codes
    }

    @Test("the four dev images: no critical indicator; the only warnings are expiry and 'no bundled model fits'",
          .enabled(if: ScanCommandTests.devImages != nil))
    func devImages() throws {
        let folder = try #require(ScanCommandTests.devImages)
        let files = ["passport-td2.jpg", "passport-td2.png", "passport-td3.jpg", "passport-td3.png"].map { folder + "/" + $0 }
        let run = try CLIRunner.run(["verify", "--json", "--at", Self.at] + files)
        #expect(run.status == 1, "\(run.standardError)")
        let objects = try Self.json(run)
        #expect(objects.count == 4)
        for object in objects {
            #expect(object["schema"] as? String == "idcheck.verify/1")
            #expect(object["verdict"] as? String == "review")
            let codes = Self.codes(object)
            #expect(!codes.values.contains("critical"), "\(codes)")
            #expect(Set(codes.filter { $0.value == "warning" }.keys) == ["date.expired", "model.no-match"], "\(codes)")
            let model = try #require(object["model"] as? [String: Any])
            #expect(model["status"] as? String == "noMatchingModel")
        }
        // Before 2012-04-15 they were not expired: only the model warning is left.
        let early = try CLIRunner.run(["verify", "--json", "--at", "2010-01-01", files[3]])
        #expect(Set(Self.codes(try #require(try Self.json(early).first)).filter { $0.value == "warning" }.keys) == ["model.no-match"])
    }

    @Test("text: the verdict line first, then the indicators, what was not checked and the provenance",
          .enabled(if: ScanCommandTests.devImages != nil))
    func text() throws {
        let folder = try #require(ScanCommandTests.devImages)
        let run = try CLIRunner.run(["verify", "--at", Self.at, folder + "/passport-td3.png"])
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("REVIEW") == true)
        #expect(lines.dropFirst().first?.contains("date.expired") == true || lines.dropFirst().first?.contains("model.no-match") == true)
        #expect(run.standardOutput.contains("Not checked UV"))
        #expect(run.standardOutput.contains("the chip (ICAO 9303 Parts 10–12)"))
        #expect(run.standardOutput.contains("Provenance: sha256"))
        #expect(!run.standardOutput.contains("\u{1B}["), "no colours when not on a terminal")
    }

    @Test("a Dutch passport (no model in the library) with a valid BSN is consistent; an invalid BSN is suspect", arguments: [
        ("999999990", 0, "consistent"), ("999999991", 1, "suspect"),
    ])
    func dutchBSN(bsn: String, status: Int32, verdict: String) throws {
        let path = MRZPage.temporary("nld.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014", personal: bsn), to: path)
        let run = try CLIRunner.run(["verify", "--json", "--at", Self.at, path])
        #expect(run.status == status, "\(run.standardOutput)")
        let object = try #require(try Self.json(run).first)
        #expect(object["verdict"] as? String == verdict)
        let codes = Self.codes(object)
        #expect(codes["model.not-compared"] == "info")
        #expect((codes["personal-number.invalid"] == "critical") == (verdict == "suspect"))
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["checkDate"] as? String == Self.at)
        #expect((provenance["specimenLibrary"] as? [String: Any])?["sha256"] as? String != nil)
        #expect((object["notChecked"] as? [String])?.count == 5)
    }

    @Test("watch list: a listed document is suspect; a broken line stops with its line number")
    func watchList() throws {
        let page = MRZPage.temporary("listed.png"), good = MRZPage.temporary("good.csv"), broken = MRZPage.temporary("broken.csv")
        defer { for path in [page, good, broken] { try? FileManager.default.removeItem(atPath: path) } }
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014"), to: page)
        try "issuingState,documentNumber,date,source\nNLD,XX0000000,,SLTD\nNLD,SPECI2014,2025-01-10,SIS II\n".write(toFile: good, atomically: true, encoding: .utf8)
        let hit = try CLIRunner.run(["verify", "--json", "--at", Self.at, "--watchlist", good, page])
        #expect(hit.status == 1)
        let object = try #require(try Self.json(hit).first)
        #expect(Self.codes(object)["list.watchlist-hit"] == "critical")
        #expect((object["provenance"] as? [String: Any])?["watchList"] != nil)

        try "issuingState,documentNumber,date\nNLD,SPECI2014,2025-01-10\nNLD,SPECI2015,10/01/2025\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["verify", "--at", Self.at, "--watchlist", broken, page])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains(":3: date"), "\(refused.standardError)")
        #expect(refused.standardOutput.isEmpty)
    }

    @Test("--same-document: front without MRZ and back with one give one report over both images")
    func sameDocument() throws {
        let front = MRZPage.temporary("front.png"), back = MRZPage.temporary("back.png")
        defer { for path in [front, back] { try? FileManager.default.removeItem(atPath: path) } }
        try MRZPage.writeBlank(to: front)
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014"), to: back)
        let run = try CLIRunner.run(["verify", "--json", "--same-document", "--at", Self.at, front, back])
        #expect(run.status == 0, "\(run.standardOutput)")
        let objects = try Self.json(run)
        #expect(objects.count == 1)
        let inputs = try #require(objects.first?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["mrzFound"] as? Bool } == [false, true])
        // Separately, the front alone has no MRZ: review, exit 1.
        let alone = try CLIRunner.run(["verify", "--json", "--at", Self.at, front])
        #expect(alone.status == 1)
        #expect(Self.codes(try #require(try Self.json(alone).first))["mrz.not-found"] == "warning")
    }

    @Test("two documents with one number and two holders: the second is flagged")
    func reusedNumber() throws {
        let first = MRZPage.temporary("a.png"), second = MRZPage.temporary("b.png")
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014"), to: first)
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014", birth: "700101", surname: "JANSEN"), to: second)
        let run = try CLIRunner.run(["verify", "--json", "--at", Self.at, first, second])
        let objects = try Self.json(run)
        #expect(objects.count == 2)
        #expect(Self.codes(objects[0])["list.number-reused"] == nil)
        #expect(Self.codes(objects[1])["list.number-reused"] == "warning")
        #expect(run.status == 1)
    }

    @Test("--redact hides names, numbers and the birth date in JSON and text")
    func redact() throws {
        let path = MRZPage.temporary("redact.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014", personal: "999999991"), to: path)
        for format in [["--json"], []] {
            let run = try CLIRunner.run(["verify", "--redact", "--at", Self.at, path] + format)
            #expect(run.status == 1)
            for secret in ["SPECI2014", "VRIES", "ANNA", "999999991", "850312", "1985-03-12"] {
                #expect(!run.standardOutput.contains(secret), "\(secret) in \(run.standardOutput)")
            }
            #expect(run.standardOutput.contains("personal-number.invalid"))
        }
    }

    @Test("--html: one self-contained page, every value escaped; --annotate writes a PNG")
    func html() throws {
        let page = MRZPage.temporary("html.png"), html = MRZPage.temporary("report.html"), png = MRZPage.temporary("marked.png")
        defer { for path in [page, html, png] { try? FileManager.default.removeItem(atPath: path) } }
        // A name with characters that mean something in HTML cannot reach an MRZ, but the MRZ's own < can.
        try MRZPage.write(lines: MRZPage.td3(state: "NLD", number: "SPECI2014", personal: "999999991"), to: page)
        let run = try CLIRunner.run(["verify", "--at", Self.at, "--html", html, "--annotate", png, page])
        #expect(run.status == 1)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!doctype html>"))
        #expect(text.contains("P&lt;NLDDE&lt;VRIES&lt;&lt;ANNA"))
        #expect(!text.contains("P<NLD"))
        #expect(text.contains("data:image/jpeg;base64,"))
        #expect(!text.contains("src=\"http") && !text.contains("href=\"http"))
        #expect(text.contains("id=\"r1\"") && text.contains("href=\"#r1\""))
        #expect(text.contains("personal-number.invalid"))
        let info = try CLIRunner.run(["info", png])
        #expect(info.standardOutput.contains("PNG 1500×1050"))
    }

    @Test("an unreadable file: exit 2, an error report")
    func unreadable() throws {
        let path = MRZPage.temporary("broken.jpg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["verify", "--json", path])
        #expect(run.status == 2)
        let object = try #require(try Self.json(run).first)
        #expect(object["status"] as? String == "error")
    }
}
