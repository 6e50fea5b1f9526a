import Foundation
import IDCheckImaging

/// The committed image fixtures (see Fixtures/make-fixtures.py for how each was made).
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/\(name)")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    /// Quadrant colours every fixture is drawn with.
    static let topLeft = Colour(red: 200, green: 30, blue: 30)
    static let topRight = Colour(red: 30, green: 180, blue: 60)
    static let bottomLeft = Colour(red: 40, green: 60, blue: 200)
    static let bottomRight = Colour(red: 250, green: 250, blue: 250)
    static let greys: [UInt8] = [0, 85, 170, 255]

    /// Centres of the four quadrants of a 64×48 fixture.
    static let centres = [(16, 12), (48, 12), (16, 36), (48, 36)]
}

/// Whether two colours differ by at most `tolerance` in every component (JPEG is lossy).
func close(_ a: Colour?, _ b: Colour, tolerance: Int = 6) -> Bool {
    guard let a else { return false }
    return abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
        && abs(Int(a.blue) - Int(b.blue)) <= tolerance
}
