import Testing
import IDCheckImaging

@Suite("Decoding real JPEG and PNG files")
struct DecodingTests {
    let colours = [Fixture.topLeft, Fixture.topRight, Fixture.bottomLeft, Fixture.bottomRight]

    @Test("colour files decode to the colours they were drawn with",
          arguments: ["rgb.jpg", "progressive.jpg", "cmyk.jpg", "rgb.png", "palette.png", "rgb16.png"])
    func colourFile(name: String) throws {
        let decoded = try ImageDecoder().decode(Fixture.bytes(name))
        #expect(decoded.image.width == 64 && decoded.image.height == 48)
        #expect(decoded.image.format == .rgb)
        #expect(decoded.warnings.isEmpty)
        for ((x, y), colour) in zip(Fixture.centres, colours) {
            #expect(close(decoded.image[x, y], colour, tolerance: name == "palette.png" ? 0 : 8),
                    "\(name) at \(x),\(y): \(String(describing: decoded.image[x, y])) expected \(colour)")
        }
    }

    @Test("grey files decode to their grey levels", arguments: ["gray.jpg", "gray.png"])
    func greyFile(name: String) throws {
        let decoded = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(Fixture.bytes(name))
        #expect(decoded.image.format == .gray)
        for ((x, y), level) in zip(Fixture.centres, Fixture.greys) {
            let sample = try #require(decoded.image.sample(x: x, y: y))
            #expect(abs(Int(sample) - Int(level)) <= 3, "\(name) at \(x),\(y)")
        }
    }

    @Test("colour decoded straight to grey matches the BT.601 luminance")
    func colourToGrey() throws {
        for name in ["rgb.jpg", "rgb.png", "cmyk.jpg"] {
            let decoded = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(Fixture.bytes(name))
            for ((x, y), colour) in zip(Fixture.centres, colours) {
                let sample = try #require(decoded.image.sample(x: x, y: y))
                #expect(abs(Int(sample) - Int(colour.luminance)) <= 8, "\(name) at \(x),\(y)")
            }
        }
    }

    @Test("file facts: format, colour model, depth, resolution, progressive")
    func fileFacts() throws {
        let jpeg = try ImageDecoder().decode(Fixture.bytes("rgb.jpg"))
        #expect(jpeg.fileFormat == .jpeg)
        #expect(jpeg.storedColourModel == "YCbCr")
        #expect(jpeg.dotsPerInch == DecodedImage.Resolution(horizontal: 300, vertical: 300))
        #expect(!jpeg.isProgressive)
        #expect(jpeg.scans == 1)
        let progressive = try ImageDecoder().decode(Fixture.bytes("progressive.jpg"))
        #expect(progressive.isProgressive)
        #expect((progressive.scans ?? 0) > 1)
        #expect(try ImageDecoder().decode(Fixture.bytes("cmyk.jpg")).storedColourModel == "CMYK")
        let png = try ImageDecoder().decode(Fixture.bytes("rgb.png"))
        #expect(png.fileFormat == .png)
        #expect(png.dotsPerInch == DecodedImage.Resolution(horizontal: 300, vertical: 300))
        #expect(try ImageDecoder().decode(Fixture.bytes("rgb16.png")).bitDepth == 16)
        #expect(try ImageDecoder().decode(Fixture.bytes("palette.png")).storedColourModel == "palette")
    }

    @Test("a 1-bit grey PNG expands to black and white")
    func oneBitPNG() throws {
        let decoded = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(Fixture.bytes("gray1.png"))
        #expect(decoded.bitDepth == 1)
        #expect(decoded.image.sample(x: 5, y: 5) == 0)
        #expect(decoded.image.sample(x: 60, y: 5) == 255)
    }

    @Test("transparency is composited over white")
    func alphaOverWhite() throws {
        let decoded = try ImageDecoder().decode(Fixture.bytes("rgba.png"))
        #expect(decoded.storedColourModel == "RGBA")
        #expect(decoded.image[48, 36] == Colour.white)              // fully transparent
        #expect(close(decoded.image[16, 36], Colour(gray: 127), tolerance: 1)) // half-transparent black
        #expect(decoded.image[16, 12] == Fixture.topLeft)            // opaque
    }

    @Test("DCT-domain scaling gives 1/2, 1/4, 1/8 of the size", arguments: DecodingOptions.Scale.allCases)
    func scaledDecode(scale: DecodingOptions.Scale) throws {
        var options = DecodingOptions(pixelFormat: .gray, scale: scale)
        options.appliesOrientation = false
        let decoded = try ImageDecoder(options: options).decode(Fixture.bytes("rgb.jpg"))
        #expect(decoded.image.width == 64 / scale.denominator)
        #expect(decoded.image.height == 48 / scale.denominator)
        #expect(decoded.storedWidth == 64)
        // The top-left quadrant is still the red one's luminance.
        let sample = try #require(decoded.image.sample(x: 0, y: 0))
        #expect(abs(Int(sample) - Int(Fixture.topLeft.luminance)) <= 10)
    }

    @Test("EXIF orientations 1–8 come out upright", arguments: 1...8)
    func orientation(value: Int) throws {
        let decoded = try ImageDecoder().decode(Fixture.bytes("orientation-\(value).jpg"))
        #expect(decoded.orientation.rawValue == value)
        #expect(decoded.orientationApplied == (value != 1))
        #expect(decoded.image.width == 40 && decoded.image.height == 24)
        // The red block is in the top-left corner of the upright picture, nowhere else.
        #expect(close(decoded.image[3, 3], Fixture.topLeft, tolerance: 12))
        #expect(close(decoded.image[36, 3], Colour(gray: 250), tolerance: 12))
        #expect(close(decoded.image[3, 20], Colour(gray: 250), tolerance: 12))
        #expect(close(decoded.image[36, 20], Colour(gray: 250), tolerance: 12))
    }

    @Test("orientation can be reported without being applied")
    func orientationReportedOnly() throws {
        var options = DecodingOptions()
        options.appliesOrientation = false
        let decoded = try ImageDecoder(options: options).decode(Fixture.bytes("orientation-6.jpg"))
        #expect(decoded.orientation == .right)
        #expect(!decoded.orientationApplied)
        #expect(decoded.image.width == 24 && decoded.image.height == 40)
    }
}

@Suite("Inverse DCT methods")
struct InverseTransformTests {
    @Test("the fast inverse DCT decodes a real JPEG within a few grey levels of the accurate one")
    func fastIsClose() throws {
        for name in ["gray.jpg", "rgb.jpg", "progressive.jpg"] {
            var options = DecodingOptions(pixelFormat: .gray)
            let accurate = try ImageDecoder(options: options).decode(Fixture.bytes(name)).image
            options.inverseTransform = .fast
            let fast = try ImageDecoder(options: options).decode(Fixture.bytes(name)).image
            #expect(fast.width == accurate.width && fast.height == accurate.height)
            let differences = zip(fast.pixels, accurate.pixels).map { abs(Int($0) - Int($1)) }
            #expect((differences.max() ?? 0) <= 6, "\(name)")
            let mean = Double(differences.reduce(0, +)) / Double(max(1, differences.count))
            #expect(mean < 1, "\(name): mean difference \(mean)")
        }
    }
}
