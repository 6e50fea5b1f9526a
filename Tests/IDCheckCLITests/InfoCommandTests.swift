import Foundation
import Testing

/// `idcheck info` run as a user types it, on real files written by libjpeg and libpng.
@Suite("idcheck info")
final class InfoCommandTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "idcheck-info-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes a small real image with the tool's own encoders via `idcheck`-independent means:
    /// a PNG built byte by byte (so this test does not trust the encoder it indirectly checks).
    func writeGreyPNG(_ name: String, width: Int = 4, height: Int = 3) throws -> String {
        var raw: [UInt8] = []
        for y in 0..<height { raw.append(0); for x in 0..<width { raw.append(UInt8((x * 60 + y * 10) & 0xFF)) } }
        let png = PNGBuilder.greyscale(width: width, height: height, rows: raw)
        let path = "\(folder)/\(name)"
        try Data(png).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("describes a PNG and exits 0")
    func describesPNG() throws {
        let path = try writeGreyPNG("page.png")
        let run = try CLIRunner.run(["info", path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("page.png: PNG 4×3, grey, 8-bit, no resolution stated"))
    }

    @Test("--json writes one idcheck.info/1 object per file with the input's SHA-256")
    func json() throws {
        let first = try writeGreyPNG("a.png")
        let second = try writeGreyPNG("b.png", width: 7, height: 2)
        let run = try CLIRunner.run(["info", "--json", first, second])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "idcheck.info/1")
        #expect(object["width"] as? Int == 7)
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["path"] as? String == second)
        #expect((input["sha256"] as? String)?.count == 64)
    }

    @Test("a corrupt file among good ones: the good ones are reported, exit 2")
    func corruptFile() throws {
        let good = try writeGreyPNG("good.png")
        let text = "\(folder)/notes.jpg"
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: text))
        let run = try CLIRunner.run(["info", good, text])
        #expect(run.status == 2)
        #expect(run.standardOutput.contains("good.png: PNG 4×3"))
        #expect(run.standardOutput.contains("notes.jpg: error: not an image format IDCheck knows"))
    }

    @Test("a missing file is exit 2 with the reason")
    func missingFile() throws {
        let run = try CLIRunner.run(["info", "--json", "\(folder)/absent.jpg"])
        #expect(run.status == 2)
        #expect(run.standardOutput.contains("\"code\":\"unreadable-file\""))
    }

    @Test("no file is a usage error (64)")
    func usage() throws {
        let run = try CLIRunner.run(["info"])
        #expect(run.status == 64)
    }

    @Test("--version and --help")
    func versionAndHelp() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0 && version.standardOutput.contains("0.1"))
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("Exit status"))
        #expect(help.standardOutput.contains("info"))
    }
}

/// Builds minimal valid PNG files byte by byte (stored deflate blocks, real CRCs and Adler-32).
enum PNGBuilder {
    static func greyscale(width: Int, height: Int, rows: [UInt8]) -> [UInt8] {
        var header: [UInt8] = []
        header += be32(UInt32(width)) + be32(UInt32(height)) + [8, 0, 0, 0, 0]
        // zlib stream with one stored (uncompressed) block.
        var zlib: [UInt8] = [0x78, 0x01, 0x01]
        let length = UInt16(rows.count)
        zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        zlib += rows
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in rows { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        zlib += be32(b << 16 | a)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return be32(UInt32(data.count)) + body + be32(~crc)
    }

    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
