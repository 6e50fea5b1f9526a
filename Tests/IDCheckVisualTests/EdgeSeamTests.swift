import IDCheckForensics
@testable import IDCheckVisual
import Testing

/// The dark band just outside a found portrait's edge, on drawn patches where the truth is known:
/// a shadow along two sides of a print is a seam there, the same band all round (a frame printed
/// around the portrait) is none, and a print with neither has none.
@Suite("Seams along a portrait's edges")
struct EdgeSeamTests {
    /// A print 35 × 45 mm centred on a 60 × 70 mm page (grey 215): a white rim 1 mm wide (235)
    /// around a portrait of grey 222, over a band of grey 130 the size of the print grown by
    /// `grow` mm and shifted by `shift` mm (none when `nil`), and `marks` drawn on the page first.
    static func print(band: (shift: (x: Double, y: Double), grow: Double)?,
                      marks: [(x: Double, y: Double, width: Double, height: Double, degrees: Double, grey: Float)] = []) -> GreyPatch {
        var rectangles = marks
        if let band {
            rectangles.append((30 + band.shift.x, 35 + band.shift.y, 35 + band.grow, 45 + band.grow, 0, 130))
        }
        rectangles += [(30, 35, 35, 45, 0, 235), (30, 35, 33, 43, 0, 222)]
        return PortraitOutlineFinderTests.page(width: 60, height: 70, rectangles: rectangles)
    }

    /// The deepest seam of the portrait found on `patch` as the step without a model judges it
    /// (or `step`).
    static func seam(on patch: GreyPatch, step: PortraitWithoutModelStep = PortraitWithoutModelStep()) throws -> FoundPortrait.Seam? {
        let resolution = PortraitOutlineFinderTests.resolution
        let outer = try #require(PortraitOutlineFinder().find(in: patch, resolution: resolution)).outer
        // The print's edges are fitted, 35 mm apart (the coarse rectangle lies a little outside).
        let left = try #require(outer.left), right = try #require(outer.right)
        let across = (right.across(at: outer.y + outer.height / 2) - left.across(at: outer.y + outer.height / 2)) / resolution
        #expect(abs(across - 35) < 0.3, "\(across) mm")
        return step.deepestSeam(of: outer, on: patch)
    }

    @Test("a shadow 0.4 mm wide along two edges is a seam on one of them, as deep as the shadow is dark",
          arguments: [(0.4, ["right", "bottom"]), (-0.4, ["left", "top"])])
    func shadowIsASeam(shift: Double, sides: [String]) throws {
        let seam = try #require(try Self.seam(on: Self.print(band: ((shift, shift), 0))))
        #expect(sides.contains(seam.side), "\(seam)")
        // The band is 85 grey levels under the paper beyond it; the edge's antialiasing and the
        // fit's sub-pixel place take a little of it.
        #expect(seam.depth > 60 && seam.depth <= 85, "\(seam)")
        #expect(seam.depth >= PhotoRule(references: SpecimenReferences(library: nil)).smallestSeamDepth)
    }

    @Test("the same band all round the print, a frame printed around a portrait, is no seam")
    func frameAllRoundIsNoSeam() throws {
        let frame = Self.print(band: ((0, 0), 0.8))
        #expect(try Self.seam(on: frame) == nil)
        // Each side alone shows the band as deep as a shadow: the opposite side's rules it out.
        var anySide = PortraitWithoutModelStep()
        anySide.largestOppositeSeamShare = .infinity
        #expect(try (Self.seam(on: frame, step: anySide)?.depth ?? 0) > 60)
    }

    @Test("a print with no band outside it has no seam")
    func plainPrintHasNoSeam() throws {
        let patch = Self.print(band: nil)
        let seam = try Self.seam(on: patch)
        #expect((seam?.depth ?? 0) < 5, "\(String(describing: seam))")
        // Every side was measured: none is darker just outside than the paper beyond.
        let outer = try #require(PortraitOutlineFinder().find(in: patch, resolution: PortraitOutlineFinderTests.resolution)).outer
        for side in PortraitOutline.Side.allCases {
            let depth = try #require(EdgeSeam().depth(along: side, of: outer, on: patch, pixelsPerMillimetre: PortraitOutlineFinderTests.resolution))
            #expect(depth < 5, "\(side): \(depth)")
        }
    }

    @Test("a dashed line along an edge, as a heading's letters along a portrait's top, is no seam: a band must be dark all along")
    func dashedLineIsNoSeam() throws {
        // Dashes 0.5 mm high and 1 mm long every 2.5 mm, touching the print's top edge: dark on
        // two fifths of the side, as deep there as a shadow.
        let dashes = stride(from: 13.0, through: 47.0, by: 2.5).map { (x: $0, y: 12.25, width: 1.0, height: 0.5, degrees: 0.0, grey: Float(130)) }
        let patch = Self.print(band: nil, marks: dashes)
        let outer = try #require(PortraitOutlineFinder().find(in: patch, resolution: PortraitOutlineFinderTests.resolution)).outer
        let top = try #require(EdgeSeam().depth(along: .top, of: outer, on: patch, pixelsPerMillimetre: PortraitOutlineFinderTests.resolution))
        #expect(top < 5, "\(top)")
        // Kept along a quarter of the side only, the dashes are as deep as a shadow.
        var anyStretch = EdgeSeam()
        anyStretch.keptAlong = 0.25
        let atTheDashes = try #require(anyStretch.depth(along: .top, of: outer, on: patch, pixelsPerMillimetre: PortraitOutlineFinderTests.resolution))
        #expect(atTheDashes > 40, "\(atTheDashes)")
    }
}
