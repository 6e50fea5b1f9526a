/// A per-block suspicion map of one image: how foreign each block's noise statistics are to the
/// rest of the image, 0 (like its peers) to 1 (as foreign as a region the tampering rule reports).
///
/// Carried on the ``Examination`` so that the annotated image and the HTML report can draw it
/// as a heat map; the tampering rule reads it to find the regions it reports.
public struct TamperingMap: Sendable, Hashable, Codable {
    /// Which image of the document (0-based) the map covers.
    public var page: Int
    /// Side of one square block in image pixels; block (column, row) covers
    /// x ∈ [column × blockSize, (column + 1) × blockSize), likewise y.
    public var blockSize: Int
    public var columns: Int
    public var rows: Int
    /// Row-major, `columns × rows` values in 0…1.
    public var scores: [Float]

    public init(page: Int, blockSize: Int, columns: Int, rows: Int, scores: [Float]) {
        self.page = page
        self.blockSize = max(1, blockSize)
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let count = self.columns * self.rows
        self.scores = scores.count == count ? scores : [Float](repeating: 0, count: count)
    }

    /// The score of a block, 0 outside the map.
    public func score(column: Int, row: Int) -> Float {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return scores[row * columns + column]
    }

    /// The score at an image pixel (of the block containing it).
    public func score(x: Int, y: Int) -> Float {
        guard x >= 0, y >= 0 else { return 0 }
        return score(column: x / blockSize, row: y / blockSize)
    }

    /// The highest score in the map.
    public var maximum: Float { scores.max() ?? 0 }
}
