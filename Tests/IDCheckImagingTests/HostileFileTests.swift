import Foundation
import IDCheckImaging
import Testing

/// The committed corpus of malformed and hostile files (Fixtures/hostile/, made by
/// Fixtures/make-hostile.py): truncations, bit flips, header bombs, enormous metadata, chunks out
/// of order, broken Huffman tables, scan floods, decompression bombs. Each file must give the typed
/// error its manifest entry names, or a flagged (warned or truncated) image — never a crash. The
/// limits are checked by the error that comes, not by how long it took.
@Suite("Hostile files give a typed error or a flagged image")
struct HostileFileTests {
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var expect: [String]
        var why: String
        var options: Options?

        struct Options: Decodable, Sendable {
            var maxPixels: Int?
            var maxProgressiveScans: Int?
        }

        var testDescription: String { file }
    }

    struct Manifest: Decodable {
        var files: [Entry]
    }

    static let entries: [Entry] = {
        do {
            let data = try Data(contentsOf: Fixture.url("hostile/manifest.json"))
            return try JSONDecoder().decode(Manifest.self, from: data).files
        } catch {
            return []
        }
    }()

    /// What decoding a file came to, in the manifest's words.
    static func outcome(_ bytes: [UInt8], options: DecodingOptions) -> String {
        do {
            let decoded = try ImageDecoder(options: options).decode(bytes)
            return decoded.warnings.isEmpty && !decoded.isTruncated ? "image" : "flagged"
        } catch {
            return error.code
        }
    }

    @Test("the manifest lists every file in the folder, and the corpus is not empty")
    func manifestIsComplete() throws {
        #expect(Self.entries.count > 100)
        let folder = Fixture.url("hostile").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "manifest.json" }
        #expect(Set(files) == Set(Self.entries.map(\.file)))
    }

    @Test("each hostile file", arguments: entries)
    func hostileFile(_ entry: Entry) throws {
        let bytes = try Fixture.bytes("hostile/" + entry.file)
        var options = DecodingOptions()
        if let maxPixels = entry.options?.maxPixels { options.maxPixels = maxPixels }
        if let scans = entry.options?.maxProgressiveScans { options.maxProgressiveScans = scans }
        for format in [Image.PixelFormat.gray, .rgb] {
            options.pixelFormat = format
            let outcome = Self.outcome(bytes, options: options)
            if entry.expect != ["any"] {
                #expect(entry.expect.contains(outcome), "\(entry.file) (\(entry.why)) as \(format): \(outcome), expected \(entry.expect)")
            }
        }
        // Accepting truncated files must not turn any of them into a crash either.
        options.acceptsTruncated = true
        _ = Self.outcome(bytes, options: options)
    }

    @Test("the limit's error names the limit that refused the file")
    func limitErrors() throws {
        var options = DecodingOptions()
        options.maxPixels = 16_000_000
        #expect(throws: ImageDecodingError.tooManyPixels(width: 6000, height: 6000, limit: 16_000_000)) {
            _ = try ImageDecoder(options: options).decode(try Fixture.bytes("hostile/png-ratio-bomb-6000x6000.png"))
        }
        #expect(throws: ImageDecodingError.tooManyScans(limit: 100)) {
            _ = try ImageDecoder().decode(try Fixture.bytes("hostile/jpeg-3000-scans.jpg"))
        }
        #expect(throws: ImageDecodingError.tooManyPixels(width: 65500, height: 65500, limit: 100_000_000)) {
            _ = try ImageDecoder().decode(try Fixture.bytes("hostile/jpeg-sof-65500x65500.jpg"))
        }
        #expect(throws: ImageDecodingError.tooManyPixels(width: 100_000, height: 100_000, limit: 100_000_000)) {
            _ = try ImageDecoder().decode(try Fixture.bytes("hostile/png-ihdr-100000x100000.png"))
        }
    }

    @Test("a 9 MB text chunk is skipped by libpng's chunk limit, the image still decodes")
    func enormousPNGText() throws {
        var bytes = try Fixture.bytes("gray.png")
        let payload = Array("Comment".utf8) + [0] + [UInt8](repeating: 0x41, count: 9 << 20)
        let type = Array("tEXt".utf8)
        let crc = Self.tableCRC32(type + payload)
        let chunk = bigEndian(UInt32(payload.count)) + type + payload + bigEndian(crc)
        bytes.insert(contentsOf: chunk, at: 33) // after the signature and IHDR
        let outcome = Self.outcome(bytes, options: DecodingOptions())
        #expect(outcome == "flagged" || outcome == "image")
    }

    @Test("13 MB of APPn segments decode under the default file limit and are refused under a small one")
    func enormousJPEGMetadata() throws {
        let base = try Fixture.bytes("rgb.jpg")
        var segment: [UInt8] = [0xFF, 0xE2, 0xFF, 0xFF]
        segment += [UInt8](repeating: 0x58, count: 0xFFFF - 2)
        let bytes = Array(base[0..<2]) + Array((0..<200).map { _ in segment }.joined()) + Array(base[2...])
        #expect(Self.outcome(bytes, options: DecodingOptions()) == "image")
        var options = DecodingOptions()
        options.maxFileBytes = 1 << 20
        #expect(Self.outcome(bytes, options: options) == "file-too-large")
    }

    /// Table-driven CRC-32 (the bitwise one in BadInputTests is too slow for megabytes in debug).
    static func tableCRC32(_ bytes: [UInt8]) -> UInt32 {
        let table: [UInt32] = (0..<256).map { index in
            var crc = UInt32(index)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            return crc
        }
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return ~crc
    }

    func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
