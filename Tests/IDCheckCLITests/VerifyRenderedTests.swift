import Foundation
import Testing

/// `idcheck verify` on documents the project's renderer draws: a genuine UTO-P-2020 data page is
/// identified and consistent; a watch-listed one is suspect with the renderer's own watch list.
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
}
