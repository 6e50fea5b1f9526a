import Foundation
import Testing

/// `idcheck scan` on the real dev images (skipped when ../shared is absent) and on images without
/// an MRZ, run as a user types it.
@Suite("idcheck scan")
struct ScanCommandTests {
    static let devImages: String? = {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/dev-images/passport-td3.jpg")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.deletingLastPathComponent().path }
        }
        return nil
    }()

    @Test("reads the TD3 dev image, prints the report and draws the boxes", .enabled(if: devImages != nil))
    func readsPassport() throws {
        let folder = try #require(Self.devImages)
        let annotated = NSTemporaryDirectory() + "idcheck-scan-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: annotated) }
        let run = try CLIRunner.run(["scan", "--at", "2010-01-01", "--annotate", annotated, folder + "/passport-td3.jpg"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("✓ valid MRZ — TD3"))
        #expect(run.standardOutput.contains("L898902C36UTO7408122F1204159ZE184226B<<<<<10"))
        #expect(run.standardOutput.contains("found at"))
        let info = try CLIRunner.run(["info", annotated])
        #expect(info.standardOutput.contains("PNG 1334×880"))
    }

    @Test("--json for two images: two idcheck.scan/1 lines", .enabled(if: devImages != nil))
    func json() throws {
        let folder = try #require(Self.devImages)
        let run = try CLIRunner.run(["scan", "--json", "--at", "2010-01-01", folder + "/passport-td2.png", folder + "/passport-td3.png"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["schema"] as? String == "idcheck.scan/1")
        #expect(first["status"] as? String == "read")
        let mrz = try #require((first["mrzs"] as? [[String: Any]])?.first)
        #expect(mrz["recognisedLines"] as? [String] != nil)
        #expect((mrz["location"] as? [[Double]])?.count == 4)
        let report = try #require(mrz["report"] as? [String: Any])
        #expect(report["lines"] as? [String] == ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"])
    }

    @Test("an image without an MRZ: 'no MRZ found', exit 1")
    func noMRZ() throws {
        let path = NSTemporaryDirectory() + "idcheck-blank-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rows: [UInt8] = []
        for _ in 0..<40 { rows.append(0); rows += [UInt8](repeating: 250, count: 60) }
        try Data(PNGBuilder.greyscale(width: 60, height: 40, rows: rows)).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["scan", path])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("no MRZ found"))
    }

    @Test("an unreadable file: exit 2")
    func unreadable() throws {
        let path = NSTemporaryDirectory() + "idcheck-text-\(UUID().uuidString).jpg"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["scan", path])
        #expect(run.status == 2)
    }
}
