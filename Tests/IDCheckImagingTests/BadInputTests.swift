import Testing
import IDCheckImaging
import Foundation

/// Broken, hostile and wrong-format files: each must give a typed error, never a crash or a
/// silently wrong image.
@Suite("Bad input gives a typed error")
struct BadInputTests {
    func decodeError(_ bytes: [UInt8], options: DecodingOptions = DecodingOptions()) -> ImageDecodingError? {
        do {
            _ = try ImageDecoder(options: options).decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() {
        #expect(decodeError([]) == .empty)
    }

    @Test func randomBytes() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        guard case .unrecognisedFormat = decodeError(bytes) else {
            Issue.record("random bytes were not refused as unrecognised")
            return
        }
    }

    @Test func textFileNamedJPEG() throws {
        let path = "/tmp/idcheck-test-\(UInt32.random(in: 0...UInt32.max)).jpg"
        try ImageEncoder.write(Array("P<UTOERIKSSON<<ANNA<MARIA\n".utf8), to: path)
        defer { unlink(path) }
        do {
            _ = try ImageDecoder().decode(contentsOf: path)
            Issue.record("a text file decoded as an image")
        } catch {
            guard case .unrecognisedFormat(let firstBytes) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(firstBytes.hasPrefix("50 3c 55 54 4f"))
            #expect(error.description.contains("JPEG and PNG"))
        }
    }

    /// A JPEG large enough that half of it is entropy-coded data, not headers.
    func scanSizedJPEG() throws -> [UInt8] {
        var generator = SplitMix64(seed: 3)
        var image = Image(width: 320, height: 240, format: .rgb)
        image.withUnsafeMutableBytes { pixels in
            for index in pixels.indices { pixels[index] = UInt8(truncatingIfNeeded: generator.next()) | 0x80 }
        }
        return try ImageEncoder.jpeg(image, quality: 90)
    }

    @Test("a JPEG cut in half is a truncation error, not a grey-filled image")
    func truncatedJPEG() throws {
        let bytes = try scanSizedJPEG()
        let half = Array(bytes.prefix(bytes.count / 2))
        guard case .truncated(.jpeg, let message) = decodeError(half) else {
            Issue.record("half a JPEG was not reported as truncated: \(String(describing: decodeError(half)))")
            return
        }
        #expect(message.contains("Premature end"))
    }

    @Test("a truncated JPEG may be accepted as a flagged partial image")
    func truncatedJPEGAccepted() throws {
        let bytes = try scanSizedJPEG()
        var options = DecodingOptions()
        options.acceptsTruncated = true
        let decoded = try ImageDecoder(options: options).decode(Array(bytes.prefix(bytes.count / 2)))
        #expect(decoded.isTruncated)
        #expect(!decoded.warnings.isEmpty)
        // The missing rows are written too (the decoder does not fill the image first): the
        // bottom row is the same flat grey on every decode, in colour and in grey.
        for format in [Image.PixelFormat.rgb, .gray] {
            options.pixelFormat = format
            let first = try ImageDecoder(options: options).decode(Array(bytes.prefix(bytes.count / 2))).image
            let again = try ImageDecoder(options: options).decode(Array(bytes.prefix(bytes.count / 2))).image
            #expect(first.pixels == again.pixels)
            let bottom = first.pixels.suffix(first.stride)
            #expect(Set(bottom).count == 1, "\(format): bottom row \(Set(bottom).sorted())")
        }
    }

    @Test("a PNG cut short is truncated")
    func truncatedPNG() throws {
        let bytes = try Fixture.bytes("rgb.png")
        guard case .truncated(.png, _) = decodeError(Array(bytes.prefix(bytes.count - 20))) else {
            Issue.record("a short PNG was not reported as truncated")
            return
        }
    }

    @Test("a PNG whose image data fails its CRC is corrupt")
    func brokenCRC() throws {
        var bytes = try Fixture.bytes("rgb.png")
        let idat = try #require(find(Array("IDAT".utf8), in: bytes))
        let length = Int(bytes[idat - 4]) << 24 | Int(bytes[idat - 3]) << 16 | Int(bytes[idat - 2]) << 8 | Int(bytes[idat - 1])
        bytes[idat + 4 + length] ^= 0x55 // the stored CRC of the image data
        guard case .corrupt(.png, _, let message) = decodeError(bytes) else {
            Issue.record("a broken CRC was not reported as corruption: \(String(describing: decodeError(bytes)))")
            return
        }
        #expect(message.lowercased().contains("crc"))
    }

    @Test("a JPEG header claiming 65500×65500 is refused before allocation")
    func headerBombJPEG() throws {
        var bytes = try Fixture.bytes("rgb.jpg")
        let sof = try #require(find([0xFF, 0xC0], in: bytes))
        bytes[sof + 5] = 0xFF; bytes[sof + 6] = 0xDC // height 65500
        bytes[sof + 7] = 0xFF; bytes[sof + 8] = 0xDC // width 65500
        #expect(decodeError(bytes) == .tooManyPixels(width: 65500, height: 65500, limit: 100_000_000))
    }

    @Test("a PNG header claiming a huge size is refused before allocation")
    func headerBombPNG() throws {
        var bytes = try Fixture.bytes("rgb.png")
        // IHDR width and height (big endian) at offsets 16 and 20; fix the chunk CRC so that only
        // the limit can refuse it.
        bytes.replaceSubrange(16..<24, with: [0, 0, 0xC0, 0, 0, 0, 0xC0, 0])
        let crc = CRC32.checksum(bytes[12..<29])
        bytes.replaceSubrange(29..<33, with: [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)])
        #expect(decodeError(bytes) == .tooManyPixels(width: 49152, height: 49152, limit: 100_000_000))
    }

    @Test("the pixel limit is the user's to set")
    func configuredPixelLimit() throws {
        var options = DecodingOptions()
        options.maxPixels = 1000
        #expect(decodeError(try Fixture.bytes("rgb.jpg"), options: options) == .tooManyPixels(width: 64, height: 48, limit: 1000))
        #expect(decodeError(try Fixture.bytes("rgb.png"), options: options) == .tooManyPixels(width: 64, height: 48, limit: 1000))
    }

    @Test("a progressive JPEG with thousands of scans is refused")
    func scanFlood() throws {
        #expect(decodeError(try Fixture.bytes("many-scans.jpg")) == .tooManyScans(limit: 100))
    }

    @Test("the scan limit is the user's to set")
    func configuredScanLimit() throws {
        var options = DecodingOptions()
        options.maxProgressiveScans = 2
        #expect(decodeError(try Fixture.bytes("progressive.jpg"), options: options) == .tooManyScans(limit: 2))
    }

    @Test("a JPEG without a frame header is corrupt")
    func jpegWithoutSOF() throws {
        let bytes = try Fixture.bytes("rgb.jpg")
        let sof = try #require(find([0xFF, 0xC0], in: bytes))
        var withoutSOF = bytes
        let length = Int(bytes[sof + 2]) << 8 | Int(bytes[sof + 3])
        withoutSOF.removeSubrange(sof..<(sof + 2 + length))
        guard case .corrupt(.jpeg, _, _) = decodeError(withoutSOF) else {
            Issue.record("a JPEG without SOF was not reported as corrupt: \(String(describing: decodeError(withoutSOF)))")
            return
        }
    }

    @Test("files over the byte limit are not read")
    func fileTooLarge() throws {
        var options = DecodingOptions()
        options.maxFileBytes = 100
        let path = Fixture.url("rgb.jpg").path
        #expect(throws: ImageDecodingError.fileTooLarge(bytes: 773, limit: 100)) {
            _ = try ImageDecoder(options: options).decode(contentsOf: path)
        }
    }

    @Test("a missing file is an unreadable-file error")
    func missingFile() {
        #expect(throws: ImageDecodingError.unreadableFile(path: "/nonexistent/scan.jpg", reason: "No such file or directory")) {
            _ = try ImageDecoder().decode(contentsOf: "/nonexistent/scan.jpg")
        }
    }

    @Test("other formats are recognised and named as not supported yet")
    func unsupportedFormats() {
        let samples: [(ImageFileFormat, [UInt8])] = [
            (.tiff, Array("II*\u{0}".utf8) + [8, 0, 0, 0]),
            (.tiff, Array("MM\u{0}*".utf8) + [0, 0, 0, 8]),
            (.pdf, Array("%PDF-1.7\n".utf8)),
            (.gif, Array("GIF89a".utf8) + [1, 0, 1, 0]),
            (.webp, Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)),
            (.heic, [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0]),
        ]
        for (format, bytes) in samples {
            let error = decodeError(bytes)
            #expect(error == .unsupportedFormat(format))
            #expect(error?.description.contains("\(format.rawValue) files are not supported yet; supported: JPEG and PNG") == true)
        }
    }

    @Test("every prefix of a JPEG and a PNG gives an image or a typed error")
    func everyPrefix() throws {
        for name in ["rgb.jpg", "progressive.jpg", "rgb.png", "rgba.png"] {
            let bytes = try Fixture.bytes(name)
            for length in 0..<bytes.count {
                _ = decodeError(Array(bytes.prefix(length))) // must return, never crash
            }
        }
    }

    @Test("single bit flips anywhere give an image or a typed error")
    func bitFlips() throws {
        for name in ["rgb.jpg", "rgb.png"] {
            let bytes = try Fixture.bytes(name)
            for index in bytes.indices {
                var flipped = bytes
                flipped[index] ^= 0x10
                _ = decodeError(flipped)
            }
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }
}

/// A small deterministic generator for test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// CRC-32 as PNG uses it, for building test files with valid checksums.
enum CRC32 {
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
