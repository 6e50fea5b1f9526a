import Testing
import IDCheckImaging

@Suite("Text rendering through FreeType")
struct TextRenderingTests {
    static let ocrB = Result { try SystemFonts.load(.ocrB) }
    static let sans = Result { try SystemFonts.load(.dejaVuSans) }

    @Test("OCR-B loads with its declared family name")
    func ocrBLoads() throws {
        let font = try Self.ocrB.get()
        #expect(font.familyName.uppercased().contains("OCR"))
    }

    @Test("OCR-B '0' and 'O' render to different bitmaps")
    func zeroAndOhDiffer() throws {
        let font = try Self.ocrB.get()
        let zero = try font.glyph(for: "0", sizeInPixels: 40)
        let oh = try font.glyph(for: "O", sizeInPixels: 40)
        #expect(zero.isDefined && oh.isDefined)
        #expect(zero.width > 5 && zero.height > 20)
        // Compare on a common canvas: count pixels whose coverage differs clearly.
        var differing = 0
        for y in 0..<max(zero.height, oh.height) {
            for x in 0..<max(zero.width, oh.width)
            where abs(Int(zero.coverage(x: x, y: y)) - Int(oh.coverage(x: x, y: y))) > 96 { differing += 1 }
        }
        #expect(differing > 20)
    }

    @Test("OCR-B is monospaced over the MRZ alphabet")
    func monospaced() throws {
        let font = try Self.ocrB.get()
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
        let advances = Set(try alphabet.unicodeScalars.map { try font.glyph(for: $0, sizeInPixels: 32).advance })
        #expect(advances.count == 1)
    }

    @Test("a drawn string's ink lies inside its measured box", arguments: ["P<UTOERIKSSON<<ANNA<MARIA", "Ærøskøbing Ñandú Жанна Ελένη"])
    func inkInsideMeasuredBox(text: String) throws {
        let font = try Self.sans.get()
        var image = Image(width: 700, height: 80, format: .gray)
        let origin = Point(x: 20, y: 50)
        let layout = try image.draw(text: text, at: origin, font: font, sizeInPixels: 24)
        let box = try #require(layout.inkBounds)
        #expect(box.width <= layout.advance + 4)
        #expect(abs(try font.width(of: text, sizeInPixels: 24) - layout.advance) < 1e-9)
        var inside = 0, outside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.sample(x: x, y: y)! < 250 {
                let px = Double(x) - origin.x, py = Double(y) - origin.y
                if px >= box.x && px < box.x + box.width && py >= box.y && py < box.y + box.height { inside += 1 } else { outside += 1 }
            }
        }
        #expect(inside > 200)
        #expect(outside == 0)
        // Every glyph of these strings exists in DejaVu Sans.
        #expect(layout.glyphs.allSatisfy { $0.glyph.isDefined })
    }

    @Test("coloured text on an RGB image blends towards the colour")
    func colouredText() throws {
        let font = try Self.sans.get()
        var image = Image(width: 60, height: 40, format: .rgb)
        try image.draw(text: "H", at: Point(x: 10, y: 32), font: font, sizeInPixels: 30, colour: .red)
        let reds = image.pixels.indices.filter { $0 % 3 == 0 }.filter { image.pixels[$0] > 200 && image.pixels[$0 + 1] < 60 }
        #expect(reds.count > 30)
    }

    @Test("a missing font file gives the typed error")
    func missingFile() {
        #expect(throws: FontLoadingError.missingFile(path: "/nonexistent/font.ttf")) {
            _ = try FontFace(path: "/nonexistent/font.ttf")
        }
    }

    @Test("a file that is not a font gives the typed error")
    func notAFont() throws {
        let path = Fixture.url("rgb.png").path
        #expect {
            _ = try FontFace(path: path)
        } throws: { error in
            guard case FontLoadingError.notAFont(let failing, _) = error else { return false }
            return failing == path
        }
    }

    @Test("glyphs render the same from several threads at once")
    func concurrentRendering() async throws {
        let font = try Self.ocrB.get()
        let expected = try font.glyph(for: "8", sizeInPixels: 21.5)
        let results = await withTaskGroup(of: GlyphBitmap?.self) { group in
            for index in 0..<16 {
                group.addTask { try? font.glyph(for: index % 2 == 0 ? "8" : "B", sizeInPixels: index % 2 == 0 ? 21.5 : 17 + Double(index)) }
            }
            var all: [GlyphBitmap?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 != nil })
        #expect(results.compactMap { $0 }.filter { $0.codePoint == 0x38 }.allSatisfy { $0 == expected })
    }
}
