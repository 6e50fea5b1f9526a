import Testing
import IDCheckImaging

@Suite("Encoding and drawing")
struct EncodingAndDrawingTests {
    @Test("PNG round trip is lossless and keeps the resolution")
    func pngRoundTrip() throws {
        var image = Image(width: 50, height: 30, format: .rgb)
        image.fill(Rectangle(x: 10, y: 5, width: 20, height: 10), colour: .blue)
        let bytes = try ImageEncoder.png(image, dotsPerInch: 600)
        let decoded = try ImageDecoder().decode(bytes)
        #expect(decoded.image == image)
        #expect(decoded.dotsPerInch == DecodedImage.Resolution(horizontal: 600, vertical: 600))
    }

    @Test("JPEG round trip stays close and keeps the resolution", arguments: [false, true])
    func jpegRoundTrip(progressive: Bool) throws {
        var image = Image(width: 64, height: 64, format: .gray)
        image.fill(Rectangle(x: 0, y: 0, width: 32, height: 64), colour: .black)
        let bytes = try ImageEncoder.jpeg(image, quality: 92, progressive: progressive, dotsPerInch: 300)
        let decoded = try ImageDecoder(options: .init(pixelFormat: .gray)).decode(bytes)
        #expect(decoded.isProgressive == progressive)
        #expect(decoded.dotsPerInch?.horizontal == 300)
        #expect(try #require(decoded.image.sample(x: 8, y: 30)) < 10)
        #expect(try #require(decoded.image.sample(x: 56, y: 30)) > 245)
    }

    @Test func encodingAnEmptyImageIsAnError() {
        #expect(throws: ImageEncodingError.emptyImage) { _ = try ImageEncoder.png(Image(width: 0, height: 0, format: .gray)) }
    }

    @Test("a polygon fill covers its inside and nothing outside")
    func polygonFill() {
        var image = Image(width: 20, height: 20, format: .gray)
        image.fill(polygon: [Point(x: 2, y: 2), Point(x: 18, y: 2), Point(x: 2, y: 18)], colour: .black)
        #expect(image.sample(x: 4, y: 4) == 0)
        #expect(image.sample(x: 16, y: 16) == 255)
        let black = image.pixels.filter { $0 == 0 }.count
        #expect(abs(black - 128) <= 16) // half of a 16×16 square
    }

    @Test("alpha blending mixes with what is underneath")
    func alphaBlend() {
        var image = Image(width: 4, height: 4, format: .rgb, fill: 0)
        image.fill(Rectangle(x: 0, y: 0, width: 4, height: 4), colour: .white, alpha: 0.5)
        #expect(image[1, 1] == Colour(gray: 128))
    }

    @Test("a line is drawn between its ends with its width, clipped to the image")
    func line() {
        var image = Image(width: 30, height: 30, format: .rgb)
        image.drawLine(from: Point(x: -10, y: 15), to: Point(x: 40, y: 15), colour: .red, lineWidth: 3)
        #expect(image[0, 15] == .red && image[29, 15] == .red && image[15, 14] == .red)
        #expect(image[15, 10] == .white)
        image.stroke(Rectangle(x: 5, y: 5, width: 10, height: 10), colour: .blue, lineWidth: 1)
        #expect(image[5, 10] == .blue && image[10, 10] == .white)
    }

    @Test("orientation transforms compose back to the original")
    func rotations() {
        var image = Image(width: 5, height: 3, format: .gray)
        image.setPixel(x: 0, y: 0, to: .black)
        let turned = image.rotated(quarterTurns: 1)
        #expect(turned.width == 3 && turned.height == 5)
        #expect(turned.sample(x: 2, y: 0) == 0) // top-left went to the top-right
        #expect(turned.rotated(quarterTurns: 3) == image)
        #expect(image.rotated(quarterTurns: 2).sample(x: 4, y: 2) == 0)
    }

    @Test("downsampling averages blocks; cropping and conversion keep values")
    func operations() {
        var image = Image(width: 8, height: 8, format: .gray, fill: 0)
        image.fill(Rectangle(x: 0, y: 0, width: 8, height: 2), colour: .white)
        let small = image.downsampled(by: 4)
        #expect(small.width == 2 && small.height == 2)
        #expect(small.sample(x: 0, y: 0) == 128)
        #expect(small.sample(x: 0, y: 1) == 0)
        let crop = image.cropped(to: Rectangle(x: 6, y: 1, width: 10, height: 2))
        #expect(crop.width == 2 && crop.height == 2 && crop.sample(x: 0, y: 0) == 255 && crop.sample(x: 0, y: 1) == 0)
        let rgb = Image(width: 1, height: 1, format: .rgb, fill: 0)
        var red = rgb
        red.setPixel(x: 0, y: 0, to: Fixture.topLeft)
        #expect(red.converted(to: .gray).sample(x: 0, y: 0) == Fixture.topLeft.luminance)
        #expect(red.converted(to: .gray).converted(to: .rgb)[0, 0] == Colour(gray: Fixture.topLeft.luminance))
    }
}

@Suite("Points and polygons")
struct ConvexPolygonTests {
    @Test("inside a convex polygon, whichever way round its corners run")
    func inside() {
        let square = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10)]
        let tilted = [Point(x: 5, y: 0), Point(x: 10, y: 5), Point(x: 5, y: 10), Point(x: 0, y: 5)]
        for polygon in [square, Array(square.reversed()), tilted, Array(tilted.reversed())] {
            #expect(Point(x: 5, y: 5).isInside(convexPolygon: polygon))
            #expect(!Point(x: 11, y: 5).isInside(convexPolygon: polygon))
            #expect(!Point(x: 5, y: -0.5).isInside(convexPolygon: polygon))
        }
        #expect(Point(x: 10, y: 5).isInside(convexPolygon: square))  // on an edge
        #expect(!Point(x: 1, y: 1).isInside(convexPolygon: tilted))  // inside the box, outside the diamond
        #expect(!Point(x: 0, y: 0).isInside(convexPolygon: [Point(x: 0, y: 0), Point(x: 1, y: 1)]))
    }
}
