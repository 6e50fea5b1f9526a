import IDCheckForensics
import IDCheckImaging
import IDCheckMRZ

/// One MRZ character cut upright out of its page at a fixed cap height, with the character the
/// zone says it is: what the font check compares with OCR-B.
struct MRZCharacterCell: Sendable {
    /// Line (0-based) and column of the character in the zone.
    var line: Int
    var column: Int
    /// The character as parsed (after corrections): which OCR-B shape it must have; `nil` when
    /// the text could not be read reliably.
    var character: Character?
    /// Grey image of the character's cell: one pitch wide, the line's band in the middle.
    var image: Image
    /// Rows of the cell image where the line's capitals start and end.
    var bandTop: Double
    var bandBottom: Double
    /// The line's cap height on the page, in page pixels: how much detail the scan kept.
    var pageCapHeight: Double
}

/// Cuts every character of the MRZ out of its page, template-free: the reader's character boxes
/// give the line's direction, pitch and cap height, so the cut follows skew and perspective.
enum MRZCharacterCells {
    /// Cap height the cells are brought to, in cell pixels: large enough that the 16-pixel grid
    /// of the shape comparison sees the strokes of a 10-pixel scan without aliasing.
    static let capHeight = 32.0

    /// The cells of the characters whose ink boxes on `page` are `boxes` (per line, per
    /// character), each labelled with its character in `lines` when the text is known; lines
    /// whose boxes do not match their text are left out.
    static func cut(page: Image, boxes: [[[Point]]], lines: [String]?) -> [MRZCharacterCell] {
        if let lines, lines.count != boxes.count { return [] }
        var cells: [MRZCharacterCell] = []
        for (index, lineBoxes) in boxes.enumerated() {
            let text: [Character?] = lines.map { Array($0[index]) } ?? Array(repeating: nil, count: lineBoxes.count)
            guard text.count == lineBoxes.count, lineBoxes.count >= 8, lineBoxes.allSatisfy({ $0.count >= 4 }) else { continue }
            cells += cut(line: index, text: text, boxes: lineBoxes, from: page)
        }
        return cells
    }

    /// The cells of one line of characters whose ink boxes are `boxes`.
    private static func cut(line: Int, text: [Character?], boxes: [[Point]], from page: Image) -> [MRZCharacterCell] {
        let centres = boxes.map { box in (box[0] + box[1] + box[2] + box[3]) * 0.25 }
        guard let first = centres.first, let last = centres.last else { return [] }
        let span = last - first
        guard span.length > 1 else { return [] }
        // The line's direction and the normal pointing down the page.
        let along = span * (1 / span.length)
        let down = Point(x: -along.y, y: along.x)
        let heights = boxes.map { box in dot(box[3] - box[0], down) }
        let count = boxes.count
        var cells: [MRZCharacterCell] = []
        cells.reserveCapacity(count)
        for column in 0..<count {
            // Local cap height, band and pitch from the neighbours: perspective changes them
            // along the line. Only full-height characters (not the filler) fix the band.
            let window = max(0, column - 5)...min(count - 1, column + 5)
            let localHeights = window.map { heights[$0] }.sorted()
            let cap = localHeights[localHeights.count * 3 / 4]
            guard cap > 4 else { continue }
            let tall = window.filter { heights[$0] >= 0.85 * cap }
            guard !tall.isEmpty else { continue }
            // Band positions measured along the normal from this character's centre.
            let tops = tall.map { dot(boxes[$0][0] - centres[column], down) - dot(centres[$0] - centres[column], down) }.sorted()
            let bottoms = tall.map { dot(boxes[$0][3] - centres[column], down) - dot(centres[$0] - centres[column], down) }.sorted()
            let top = tops[tops.count / 2], bottom = bottoms[bottoms.count / 2]
            let pitch = window.count > 1
                ? dot(centres[window.upperBound] - centres[window.lowerBound], along) / Double(window.count - 1)
                : cap * 0.7
            guard pitch > 1 else { continue }
            let scale = capHeight / max(1, bottom - top) // cell pixels per page pixel
            let width = Int((pitch * scale).rounded()), height = Int((2 * capHeight).rounded())
            // The cell's middle: the character's centre across the line, the band's middle down it.
            let middle = centres[column] + down * ((top + bottom) / 2)
            let step = 1 / scale
            let origin = middle - along * (Double(width) / 2 * step) - down * (Double(height) / 2 * step)
            let sampling = AffineSampling(origin: origin, xStep: along * step, yStep: down * step)
            // Cut first, grey after: converting a whole colour page would cost more than the check.
            let cut = page.warped(width: max(1, width), height: max(1, height), sampling: sampling)
            let image = cut.format == .gray ? cut : cut.converted(to: .gray)
            let bandTop = Double(height) / 2 - capHeight / 2
            cells.append(MRZCharacterCell(line: line, column: column, character: text[column], image: image,
                                          bandTop: bandTop, bandBottom: bandTop + capHeight, pageCapHeight: bottom - top))
        }
        return cells
    }

    private static func dot(_ a: Point, _ b: Point) -> Double { a.x * b.x + a.y * b.y }
}
