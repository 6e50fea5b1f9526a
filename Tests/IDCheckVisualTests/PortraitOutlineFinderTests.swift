import Foundation
@testable import IDCheckVisual
import Testing

/// The portrait's outline found without a specimen, on drawn patches where the truth is known:
/// a print glued inside the outline of the portrait it covers is found inside it, at its turn.
@Suite("Portrait outline without a specimen")
struct PortraitOutlineFinderTests {
    /// Pixels per millimetre of the patches (as the photo step looks at a side).
    static let resolution = 8.0

    /// A light page `width` × `height` mm with dark rectangles drawn in order, each given by its
    /// centre, size (mm) and turn (degrees, clockwise), edges antialiased by 4 × 4 samples.
    static func page(width: Double, height: Double,
                     rectangles: [(x: Double, y: Double, width: Double, height: Double, degrees: Double, grey: Float)]) -> GreyPatch {
        let w = Int(width * resolution), h = Int(height * resolution)
        var values = [Float](repeating: 215, count: w * h)
        for rectangle in rectangles {
            let angle = rectangle.degrees * .pi / 180, c = cos(angle), s = sin(angle)
            for y in 0..<h {
                for x in 0..<w {
                    var inside = 0
                    for sy in 0..<4 {
                        for sx in 0..<4 {
                            let px = (Double(x) + (Double(sx) + 0.5) / 4) / resolution - rectangle.x
                            let py = (Double(y) + (Double(sy) + 0.5) / 4) / resolution - rectangle.y
                            // Into the rectangle's own frame (turned back).
                            let u = c * px + s * py, v = -s * px + c * py
                            if abs(u) <= rectangle.width / 2 && abs(v) <= rectangle.height / 2 { inside += 1 }
                        }
                    }
                    let share = Float(inside) / 16
                    values[y * w + x] = values[y * w + x] * (1 - share) + rectangle.grey * share
                }
            }
        }
        return GreyPatch(width: w, height: h, values: values)
    }

    @Test("a print turned 0.6° glued inside the square outline of the portrait it covers is the rectangle found inside it")
    func printInsideOldOutline() throws {
        // The old portrait 34 × 44 mm, square to the page; the print 31 × 41 mm over it, turned.
        let patch = Self.page(width: 60, height: 70, rectangles: [(30, 35, 34, 44, 0, 150), (30, 35, 31, 41, 0.6, 80)])
        let outlines = try #require(PortraitOutlineFinder().find(in: patch, resolution: Self.resolution))
        let (outer, nested) = (outlines.outer, outlines.nested)
        #expect(abs(outer.width / Self.resolution - 34) < 1.5 && abs(outer.height / Self.resolution - 44) < 1.5)
        let outerTurns = outer.sideTurns.filter { $0.straightness >= 0.8 }.map(\.degrees)
        #expect(!outerTurns.isEmpty && outerTurns.allSatisfy { abs($0) < 0.1 }, "\(outer.sideTurns)")
        let inner = try #require(nested)
        // Its fitted sides are the print's: 31 mm apart across, 41 mm down.
        let left = try #require(inner.left), right = try #require(inner.right)
        let middle = inner.y + inner.height / 2
        #expect(abs((right.across(at: middle) - left.across(at: middle)) / Self.resolution - 31) < 0.5, "\(inner)")
        let innerTurns = inner.sideTurns.filter { $0.straightness >= 0.8 }.map(\.degrees)
        #expect(innerTurns.count >= 2 && innerTurns.allSatisfy { abs(abs($0) - 0.6) < 0.1 }, "\(inner.sideTurns)")
    }

    @Test("a portrait with nothing inside it: the rectangle inside has no edge of its own, no turn")
    func plainPortraitHasNoTurnInside() throws {
        // The coarse search finds the outline again a millimetre inside; its sides are then the
        // outline's own, square like them.
        let patch = Self.page(width: 60, height: 70, rectangles: [(30, 35, 34, 44, 0, 110)])
        let outlines = try #require(PortraitOutlineFinder().find(in: patch, resolution: Self.resolution))
        let (outer, nested) = (outlines.outer, outlines.nested)
        #expect(abs(outer.width / Self.resolution - 34) < 1.5)
        #expect((nested?.sideTurns ?? []).allSatisfy { abs($0.degrees) < 0.05 }, "\(String(describing: nested))")
    }

    @Test("a print turned 0.5° beside a column edge and above a rule: the largest rectangle takes them in, the one with the strongest edges is the print")
    func printInsideALargerRectangle() throws {
        // The print 31 × 41 mm; 4 mm right of it a thin dark rule runs down (the edge of a text
        // column), 4 mm under it another runs across (the line under a signature). Both are
        // lighter than the print's edges.
        let patch = Self.page(width: 70, height: 80, rectangles: [(30, 35, 31, 41, 0.5, 80),
                                                                   (49.75, 37, 0.5, 52, 0, 170),
                                                                   (32, 59.75, 38, 0.5, 0, 170)])
        let outlines = try #require(PortraitOutlineFinder().find(in: patch, resolution: Self.resolution))
        // The largest rectangle reaches the rules: its right and bottom sides are fitted on them.
        let outer = outlines.outer
        let outerRight = try #require(outer.right), outerBottom = try #require(outer.bottom)
        #expect(abs(outerRight.across(at: outer.y + outer.height / 2) / Self.resolution - 49.5) < 0.3, "\(outer)")
        #expect(abs(outerBottom.across(at: outer.x + outer.width / 2) / Self.resolution - 59.5) < 0.3, "\(outer)")
        let print = try #require(outlines.strongest)
        let left = try #require(print.left), right = try #require(print.right)
        let top = try #require(print.top), bottom = try #require(print.bottom)
        let middleX = print.x + print.width / 2, middleY = print.y + print.height / 2
        #expect(abs((right.across(at: middleY) - left.across(at: middleY)) / Self.resolution - 31) < 0.5, "\(print)")
        #expect(abs((bottom.across(at: middleX) - top.across(at: middleX)) / Self.resolution - 41) < 0.5, "\(print)")
        let turns = print.sideTurns.filter { $0.straightness >= 0.8 }.map(\.degrees)
        #expect(turns.count == 4 && turns.allSatisfy { abs($0 - 0.5) < 0.1 }, "\(print.sideTurns)")
        // The print, not the outline again: narrower by the 4 mm to the rule.
        #expect(print.width < outlines.outer.width - 2 * Self.resolution, "\(print)")
    }

    @Test("a plain portrait with no print inside and nothing beside it: no stronger rectangle inside")
    func plainPortraitHasNoStrongerRectangle() throws {
        let patch = Self.page(width: 60, height: 70, rectangles: [(30, 35, 34, 44, 0, 110)])
        let outlines = try #require(PortraitOutlineFinder().find(in: patch, resolution: Self.resolution))
        // Any rectangle inside is the outline again (within a millimetre), its edges square.
        if let strongest = outlines.strongest {
            let outer = outlines.outer
            #expect(abs(strongest.x - outer.x) <= Self.resolution && abs(strongest.y - outer.y) <= Self.resolution, "\(strongest)")
            #expect(abs(strongest.width - outer.width) <= Self.resolution && abs(strongest.height - outer.height) <= Self.resolution, "\(strongest)")
            #expect(strongest.sideTurns.allSatisfy { abs($0.degrees) < 0.05 }, "\(strongest)")
        }
    }
}
