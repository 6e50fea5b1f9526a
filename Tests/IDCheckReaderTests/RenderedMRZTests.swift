import Foundation
import Testing
import IDCheckImaging
import IDCheckMRZ
@testable import IDCheckReader

/// MRZs drawn with the real OCR-B font on a page, then turned, skewed, shrunk and JPEG-compressed
/// the way scans and photos are: the reader must find and read every one exactly.
@Suite("Reading rendered MRZs")
struct RenderedMRZTests {
    static let samples: [[String]] = [
        ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
        ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"],
        ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"],
        ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"],
    ]

    /// A light page with a faint pattern and one MRZ, OCR-B characters `size` pixels high.
    static func page(lines: [String], characterHeight: Double) throws -> Image {
        let font = try SystemFonts.load(.ocrB)
        let emSize = characterHeight / 0.70
        let pitch = characterHeight * 1.05
        let width = Int(Double(lines[0].count) * pitch + 8 * characterHeight)
        let height = Int(Double(lines.count) * characterHeight * 1.8 + 14 * characterHeight)
        var image = Image(width: width, height: height, format: .rgb, fill: 236)
        for y in stride(from: 0, to: height, by: 6) {
            image.drawLine(from: Point(x: 0, y: Double(y)), to: Point(x: Double(width), y: Double(y) + 40),
                           colour: Colour(red: 200, green: 215, blue: 235), lineWidth: 1)
        }
        // Some visual-zone text above, as on a document.
        try image.draw(text: "UTOPIA PASSPORT ERIKSSON ANNA MARIA", at: Point(x: 4 * characterHeight, y: 4 * characterHeight),
                       font: SystemFonts.load(.dejaVuSans), sizeInPixels: emSize, colour: Colour(gray: 40))
        for (index, line) in lines.enumerated() {
            let baseline = Double(height) - 4 * characterHeight - Double(lines.count - 1 - index) * characterHeight * 1.8
            for (column, character) in line.enumerated() {
                let glyph = try font.glyph(for: character.unicodeScalars.first ?? "<", sizeInPixels: emSize)
                let x = 4 * characterHeight + Double(column) * pitch + (pitch - glyph.advance) / 2
                image.draw(glyph: glyph, penX: x, baselineY: baseline, colour: Colour(gray: 20))
            }
        }
        return image.converted(to: .gray)
    }

    /// `image` turned by `degrees` about its centre on a larger white page.
    static func rotated(_ image: Image, degrees: Double) -> Image {
        let radians = degrees * .pi / 180
        let side = Int(Double(max(image.width, image.height)) * 1.25)
        let unit = Point(x: cos(radians), y: -sin(radians)), normal = Point(x: sin(radians), y: cos(radians))
        let centre = Point(x: Double(image.width) / 2, y: Double(image.height) / 2)
        let origin = centre - unit * (Double(side) / 2) - normal * (Double(side) / 2)
        return image.warped(width: side, height: side, sampling: AffineSampling(origin: origin, xStep: unit, yStep: normal), fill: 245)
    }

    func read(_ image: Image) -> [MRZReading] {
        MRZReader(referenceDate: MRZ.CalendarDate(year: 2010, month: 1, day: 1)!).read(image)
    }

    @Test("each ICAO example reads exactly at 300 dpi size", arguments: samples)
    func upright(lines: [String]) throws {
        let readings = read(try Self.page(lines: lines, characterHeight: 28))
        #expect(readings.count == 1)
        #expect(readings.first?.lines == lines, "\(readings.first?.recognisedLines ?? [])")
        #expect(readings.first?.zone?.isValid == true)
    }

    @Test("all four orientations", arguments: [0, 1, 2, 3])
    func quarterTurns(turns: Int) throws {
        let lines = Self.samples[0]
        let image = try Self.page(lines: lines, characterHeight: 24).rotated(quarterTurns: turns)
        let reading = try #require(read(image).first)
        #expect(reading.lines == lines)
        let difference = abs(reading.angle - Double(turns * 90)).truncatingRemainder(dividingBy: 360)
        #expect(min(difference, 360 - difference) < 3, "angle \(reading.angle)")
    }

    @Test("skew up to 15 degrees either way", arguments: [-15.0, -7.0, 4.0, 12.0])
    func skew(degrees: Double) throws {
        let lines = Self.samples[1]
        let image = Self.rotated(try Self.page(lines: lines, characterHeight: 26), degrees: degrees)
        let reading = try #require(read(image).first)
        #expect(reading.lines == lines, "\(reading.recognisedLines)")
    }

    @Test("small characters (12 px) after JPEG quality 40")
    func smallAndCompressed() throws {
        let lines = Self.samples[2]
        let image = try Self.page(lines: lines, characterHeight: 12)
        let jpeg = try ImageDecoder(options: DecodingOptions(pixelFormat: .gray)).decode(ImageEncoder.jpeg(image, quality: 40)).image
        let reading = try #require(read(jpeg).first)
        #expect(reading.lines == lines, "\(reading.recognisedLines)")
    }

    /// `image` as photographed at an angle: its far (right) side shrunk to `far` of its height
    /// and pushed in, so that the lines converge and the characters narrow along them.
    static func photographed(_ image: Image, far: Double, tilt: Double) throws -> Image {
        let w = Double(image.width), h = Double(image.height)
        let inset = h * (1 - far) / 2
        // Where the page's corners land in the photo (clockwise from the top-left).
        let quad = [Point(x: 30, y: 30 + tilt), Point(x: 30 + w * 0.9, y: 30 + inset - tilt),
                    Point(x: 30 + w * 0.9, y: 30 + h - inset - tilt), Point(x: 30, y: 30 + h + tilt)]
        let corners = [Point(x: 0, y: 0), Point(x: w, y: 0), Point(x: w, y: h), Point(x: 0, y: h)]
        let photoToPage = try #require(Homography.mapping(quad, to: corners))
        return image.warped(width: image.width + 60, height: image.height + 60 + Int(2 * abs(tilt)), mapping: photoToPage, fill: 90)
    }

    @Test("a document photographed at an angle: converging lines, characters narrowing along them")
    func perspective() throws {
        for (lines, tilt) in [(Self.samples[0], 25.0), (Self.samples[1], -20.0)] {
            let page = try Self.page(lines: lines, characterHeight: 15)
            let image = try Self.photographed(page, far: 0.78, tilt: tilt)
            let reading = try #require(read(image).first)
            #expect(reading.lines == lines, "\(reading.recognisedLines)")
        }
    }

    @Test("a page without an MRZ gives no reading")
    func noMRZ() throws {
        var image = Image(width: 900, height: 600, format: .gray, fill: 240)
        try image.draw(text: "Nothing machine readable here, only ordinary text.", at: Point(x: 40, y: 200),
                       font: SystemFonts.load(.dejaVuSans), sizeInPixels: 30, colour: .black)
        #expect(read(image).isEmpty)
    }

    @Test("two documents on one page: both MRZs, top to bottom")
    func twoDocuments() throws {
        let first = try Self.page(lines: Self.samples[0], characterHeight: 20)
        let second = try Self.page(lines: Self.samples[2], characterHeight: 20)
        var page = Image(width: max(first.width, second.width) + 40, height: first.height + second.height + 60, format: .gray, fill: 250)
        page.draw(second, atX: 20, y: 20)
        page.draw(first, atX: 20, y: second.height + 40)
        let readings = read(page)
        #expect(readings.map(\.lines) == [Self.samples[2], Self.samples[0]])
    }
}

/// The reader locates a page at a reduced size first: what it finds there must not cost a reading.
@Suite("Locating on a reduced page")
struct LocatingLevelTests {
    /// The ICAO examples expire in 2012; the benchmark's renderings were checked on 2025-06-30.
    func reader(year: Int = 2010) -> MRZReader {
        let date = year == 2010 ? MRZ.CalendarDate(year: 2010, month: 1, day: 1)! : MRZ.CalendarDate(year: year, month: 6, day: 30)!
        return MRZReader(referenceDate: date)
    }

    @Test("a page is first located at the power of two that brings it nearest 450 pixels")
    func firstLevel() {
        let reader = reader()
        #expect(reader.locatingFactor(width: 1800, height: 1250) == 4)
        #expect(reader.locatingFactor(width: 1334, height: 880) == 4)
        #expect(reader.locatingFactor(width: 600, height: 400) == 1)
        #expect(reader.locatingFactor(width: 3417, height: 2893) == 8)
    }

    @Test("characters 6 px high on the first level, JPEG quality 35: read exactly, as at full size",
          arguments: [RenderedMRZTests.samples[0], RenderedMRZTests.samples[3]])
    func smallOnTheFirstLevel(lines: [String]) throws {
        // 12-pixel characters in two lines of 44 make a page 650 pixels wide, which the reader
        // first halves: 6 pixels on the level it locates on.
        let page = try RenderedMRZTests.page(lines: lines, characterHeight: 12)
        let jpeg = try ImageDecoder(options: DecodingOptions(pixelFormat: .gray)).decode(ImageEncoder.jpeg(page, quality: 35)).image
        let reader = reader()
        #expect(reader.locatingFactor(width: jpeg.width, height: jpeg.height) == 2)
        let reading = try #require(reader.read(jpeg).first)
        #expect(reading.lines == lines, "\(reading.recognisedLines)")
        let passes = reading.checksPass
        #expect(passes)
    }

    /// Hard-bucket renderings (see Fixtures/README.md) that are misread when cut out where the
    /// half-size page puts them.
    static let roughlyLocated: [(file: String, lines: [String])] = [
        ("UTO-P-2014-000016-front.jpg", ["P<UTOLEFEVRE<<LUCJA<<<<<<<<<<<<<<<<<<<<<<<<<", "P7088807<5UTO0201221M2911124<<<<<<<<<<<<<<<0"]),
        ("UTO-V-2018-000129-front.jpg", ["V<UTOPAPADOPOYLOS<<<<<<<<<<<<<<<<<<<<<<<<<<<", "6020058038CYP4401133F2605030<<<<<<<<<<<<<<<<"]),
    ]

    static func fixture(_ name: String) throws -> Image {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/\(name)")
        let bytes = [UInt8](try Data(contentsOf: url))
        var options = DecodingOptions(pixelFormat: .gray)
        options.inverseTransform = .fast // as `idcheck scan` decodes
        return try ImageDecoder(options: options).decode(bytes).image
    }

    @Test("an MRZ located with characters under 8 pixels on the half-size page is read from the full page",
          arguments: roughlyLocated.indices)
    func lookedAtAgain(index: Int) throws {
        let (file, lines) = Self.roughlyLocated[index]
        let image = try Self.fixture(file)
        #expect(reader().locatingFactor(width: image.width, height: image.height) == 2)
        let reading = try #require(reader(year: 2025).read(image).first)
        #expect(reading.lines == lines, "\(reading.recognisedLines)")
        let passes = reading.checksPass
        #expect(passes)
    }

    @Test("a name line of 22 fillers whose ink repeats 2.7% slower than the pitch: no cell slips by the line's end")
    func fillerPeriod() throws {
        let image = try Self.fixture("UTO-P-2014-000261-mrz.png")
        let reading = try #require(reader(year: 2025).read(image).first)
        #expect(reading.lines == ["P<UTOMUELLER<<GUENTHER<<<<<<<<<<<<<<<<<<<<<<", "P7777923<5UTO4709080F2812276<<<<<<<<<<<<<<<6"],
                "\(reading.recognisedLines)")
    }

    @Test("large characters are cut out at 24 pixels by default, small ones enlarged to 32")
    func stripHeight() {
        #expect(MRZStrip.characterHeight(forPrinted: 40) == 24)
        #expect(MRZStrip.characterHeight(forPrinted: 24) == 24)
        #expect(MRZStrip.characterHeight(forPrinted: 18) == 32)
        #expect(MRZStrip.characterHeight(forPrinted: 10) == 32)
        // The visual checks' reader cuts every character at 32.
        #expect(MRZStrip.characterHeight(forPrinted: 40, large: MRZReader.fineStripHeight) == 32)
        #expect(MRZStrip.characterHeight(forPrinted: 60, large: MRZReader.fineStripHeight) == 32)
    }
}
