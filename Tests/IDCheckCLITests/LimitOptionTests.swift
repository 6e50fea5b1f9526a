import Foundation
import IDCheck
import Testing

/// The decoding limits are the user's to set on every command that reads images: each refuses a
/// file over `--max-file-bytes` or `--max-pixels` with exit 2 and names the limit, and refuses a
/// limit that is not positive as a usage error.
@Suite("--max-pixels and --max-file-bytes on every image command")
struct LimitOptionTests {
    static let commands = ["info", "scan", "verify"]

    /// A 64×48 grey PNG (3072 pixels, a few hundred bytes).
    static func image() throws -> String {
        let path = NSTemporaryDirectory() + "idcheck-limits-\(UUID().uuidString).png"
        try ImageEncoder.write(try ImageEncoder.png(Image(width: 64, height: 48, format: .gray, fill: 200)), to: path)
        return path
    }

    @Test("a file over --max-file-bytes is refused unread", arguments: commands)
    func fileBytes(_ command: String) throws {
        let path = try Self.image()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLIRunner.run([command, "--max-file-bytes", "50", path])
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect((run.standardOutput + run.standardError).contains("more than the limit of 50"))
    }

    @Test("an image over --max-pixels is refused", arguments: commands)
    func pixels(_ command: String) throws {
        let path = try Self.image()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLIRunner.run([command, "--max-pixels", "1000", path])
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect((run.standardOutput + run.standardError).contains("more than the limit of 1000 pixels"))
    }

    @Test("a limit that is not positive is a usage error", arguments: commands)
    func usage(_ command: String) throws {
        #expect(try CLIRunner.run([command, "--max-pixels", "0", "x.png"]).status == 64)
        #expect(try CLIRunner.run([command, "--max-file-bytes", "0", "x.png"]).status == 64)
    }
}
