import Foundation
import Testing

/// `idcheck batch --max-file-bytes`: a file over the limit is an error line of its own, and the
/// limit is one of the options a resumed run must keep.
@Suite("idcheck batch limits")
struct BatchLimitTests {
    @Test("a file over --max-file-bytes is a file-too-large line; a rerun with another limit refuses")
    func fileTooLarge() throws {
        let folder = NSTemporaryDirectory() + "idcheck-batch-limits-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows: [UInt8] = []
        for _ in 0..<40 { rows.append(0); rows += [UInt8](repeating: 250, count: 60) }
        let png = PNGBuilder.greyscale(width: 60, height: 40, rows: rows)
        try Data(png).write(to: URL(fileURLWithPath: folder + "/in/page.png"))
        let out = folder + "/results.jsonl"
        let run = try CLIRunner.run(["batch", folder + "/in", "--out", out, "--scan", "--max-file-bytes", "100"])
        #expect(run.status == 0, "\(run.standardError)")
        let line = try String(contentsOfFile: out, encoding: .utf8)
        #expect(line.contains("file-too-large"))
        let rerun = try CLIRunner.run(["batch", folder + "/in", "--out", out, "--scan", "--max-file-bytes", "200"])
        #expect(rerun.status == 64)
        #expect(rerun.standardError.contains("--max-file-bytes"))
    }
}
