extension Array where Element == Point {
    /// The mean of the polygon's corners (the origin for none).
    public var centre: Point { reduce(Point(x: 0, y: 0), +) * (1 / Double(Swift.max(1, count))) }

    /// The polygon scaled by `factor` about its ``centre``.
    public func grown(by factor: Double) -> [Point] {
        let centre = self.centre
        return map { centre + ($0 - centre) * factor }
    }

    /// Whether the convex polygon lies over `other`: either's centre inside the other.
    public func overlaps(_ other: [Point]) -> Bool {
        centre.isInside(convexPolygon: other) || other.centre.isInside(convexPolygon: self)
    }
}

extension Array where Element == [Point] {
    /// Per cell of a grid laid over the image from its top-left corner (`columns` × `rows` cells of
    /// `cellWidth` × `cellHeight` pixels, row-major), whether the cell's centre lies inside one of
    /// these convex polygons.
    public func containCentres(ofColumns columns: Int, rows: Int, cellWidth: Double, cellHeight: Double) -> [Bool] {
        var inside = [Bool](repeating: false, count: Swift.max(0, columns * rows))
        for row in 0..<Swift.max(0, rows) {
            for column in 0..<Swift.max(0, columns) {
                let centre = Point(x: (Double(column) + 0.5) * cellWidth, y: (Double(row) + 0.5) * cellHeight)
                inside[row * columns + column] = contains { centre.isInside(convexPolygon: $0) }
            }
        }
        return inside
    }
}
