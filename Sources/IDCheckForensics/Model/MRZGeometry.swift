import IDCheckImaging
import IDCheckMRZ

/// Where the MRZ lies on an image: its outline and every character's box, so that a finding
/// about a field can point at the characters on the image.
public struct MRZGeometry: Sendable, Hashable {
    /// Which image of the document (0-based).
    public var page: Int
    /// The whole zone: 4 corners clockwise from the MRZ's own top-left.
    public var location: [Point]
    /// Per line, per character: 4 corners clockwise from the top-left.
    public var characterBoxes: [[[Point]]]

    public init(page: Int, location: [Point], characterBoxes: [[[Point]]]) {
        self.page = page
        self.location = location
        self.characterBoxes = characterBoxes
    }

    /// The polygon covering the characters of `span`: the first character's left edge to the
    /// last one's right edge; `nil` when the span lies outside the boxes.
    public func region(of span: MRZ.Span) -> [Point]? {
        guard span.line >= 0, span.line < characterBoxes.count, span.start >= 0, span.end > span.start else { return nil }
        let line = characterBoxes[span.line]
        guard span.end <= line.count, let first = line[span.start].first4, let last = line[span.end - 1].first4 else { return nil }
        return [first[0], last[1], last[2], first[3]]
    }

    /// The polygon of one character.
    public func region(of position: MRZ.Position) -> [Point]? {
        region(of: MRZ.Span(line: position.line, start: position.column, end: position.column + 1))
    }
}

extension Array where Element == Point {
    /// The polygon if it has the 4 corners a box must have.
    fileprivate var first4: [Point]? { count >= 4 ? Array(prefix(4)) : nil }
}
