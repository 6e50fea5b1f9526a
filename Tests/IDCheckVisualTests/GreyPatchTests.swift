import IDCheck
import IDCheckRender
@testable import IDCheckVisual
import Testing

/// The photo check's patch operations, which run eight pixels or eight shifts at a time, against
/// their plain definitions on cuts of a real rendering: the same values to the bit, so that the
/// registration's choice of shift cannot move.
@Suite("Grey patches")
struct GreyPatchTests {
    /// Cuts of a rendered UTO-P-2020 page: its portrait's corner (edges of the page included) and
    /// an odd-sized strip narrower than a vector with its margins.
    static func cuts() throws -> [GreyPatch] {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        let document = try VisualFixtures.render(model: "UTO-P-2020", seed: 7314, conditions: .ordinary, library: library)
        let page = document.images[0]
        return [
            GreyPatch(page.cropped(to: Rectangle(x: 0, y: 0, width: 173, height: 129))),
            GreyPatch(page.cropped(to: Rectangle(x: Double(page.width / 4), y: Double(page.height / 3), width: 231, height: 97))),
            GreyPatch(page.cropped(to: Rectangle(x: 40, y: 60, width: 13, height: 9))),
        ]
    }

    @Test("the box blur is its clamped definition to the bit", arguments: [1, 2, 3, 6, 20])
    func blurMatchesDefinition(radius: Int) throws {
        for patch in try Self.cuts() {
            let width = patch.width, height = patch.height
            func at(_ values: [Float], _ x: Int, _ y: Int) -> Float { values[min(height - 1, max(0, y)) * width + min(width - 1, max(0, x))] }
            var horizontal = [Float](repeating: 0, count: width * height), plain = horizontal
            let scale = 1 / Float(2 * radius + 1)
            for y in 0..<height {
                for x in 0..<width {
                    var sum: Float = 0
                    for k in -radius...radius { sum += at(patch.values, x + k, y) }
                    horizontal[y * width + x] = sum * scale
                }
            }
            for y in 0..<height {
                for x in 0..<width {
                    var sum: Float = 0
                    for k in -radius...radius { sum += at(horizontal, x, y + k) }
                    plain[y * width + x] = sum * scale
                }
            }
            let fast = patch.blurred(radius: radius).values
            #expect(fast.count == plain.count)
            #expect(zip(fast, plain).filter { $0 != $1 }.isEmpty, "\(width) × \(height): blurred values differ from the definition")
        }
    }

    @Test("a window of shifts gives each shift's own correlation to the bit, on and off the patch")
    func correlationsMatchSingleShifts() throws {
        let cuts = try Self.cuts()
        let page = cuts[1].highPass(radius: 3)
        // A window of the page, as a registration's reference is: a ring of it masked in.
        let window = page.cropped((x0: 40, y0: 20, x1: 190, y1: 80))
        var ring = [Bool](repeating: false, count: window.values.count)
        for y in 0..<window.height {
            for x in 0..<window.width where x < 30 || x >= window.width - 30 || y < 10 || y >= window.height - 10 {
                ring[y * window.width + x] = true
            }
        }
        // Shifts around the true one (40, 20): some running off the page (x past 81, y past 37),
        // and all on it with a last group of eight overlapping the one before (27...80).
        for dxs in [27...86, 27...80] {
            let dys = 14...40
            let grid = page.correlations(with: window, mask: ring, dx: dxs, dy: dys)
            var compared = 0, differing: [String] = []
            for (row, dy) in dys.enumerated() {
                for (column, dx) in dxs.enumerated() {
                    let single = page.correlation(with: window, mask: ring, dx: dx, dy: dy)
                    if grid[row][column] != single { differing.append("(\(dx), \(dy))") }
                    compared += 1
                }
            }
            #expect(compared == dxs.count * dys.count)
            #expect(differing.isEmpty, "shifts differing from the single correlation: \(differing.prefix(8))")
            // The window is found where it was cut.
            #expect(grid[20 - dys.lowerBound][40 - dxs.lowerBound].map { $0 > 0.999 } == true)
        }
        // Fewer shifts than a vector: on the patch, and off it on one side.
        for (xs, ys) in [(38...42, 19...21), (-2...2, -1...1)] {
            let few = page.correlations(with: window, mask: ring, dx: xs, dy: ys)
            for (row, dy) in ys.enumerated() {
                for (column, dx) in xs.enumerated() {
                    #expect(few[row][column] == page.correlation(with: window, mask: ring, dx: dx, dy: dy))
                }
            }
        }
    }
}
