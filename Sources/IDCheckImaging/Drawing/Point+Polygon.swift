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
