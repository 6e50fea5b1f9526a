extension Specimen {
    /// A document's physical size in millimetres, with the ICAO 9303 size name where it has one.
    public struct PhysicalSize: Sendable, Hashable, Codable {
        public let widthMillimetres: Double
        public let heightMillimetres: Double

        public init(widthMillimetres: Double, heightMillimetres: Double) {
            self.widthMillimetres = widthMillimetres
            self.heightMillimetres = heightMillimetres
        }

        /// ICAO 9303 Part 3 nominal sizes: ID-1 (cards, TD1), ID-2 (TD2), ID-3 (passport data page, TD3 and MRV-A).
        public static let id1 = PhysicalSize(widthMillimetres: 85.6, heightMillimetres: 54.0)
        public static let id2 = PhysicalSize(widthMillimetres: 105.0, heightMillimetres: 74.0)
        public static let id3 = PhysicalSize(widthMillimetres: 125.0, heightMillimetres: 88.0)
        /// The names the JSON description may use instead of millimetres.
        public static let named: [String: PhysicalSize] = ["ID-1": .id1, "ID-2": .id2, "ID-3": .id3]

        /// The ICAO name of this size, if it is one of the three.
        public var icaoName: String? { Self.named.first { $0.value == self }?.key }

        /// Width over height.
        public var aspectRatio: Double { widthMillimetres / heightMillimetres }

        /// Pixels across and down at a resolution in dots per inch.
        public func pixels(dotsPerInch: Double) -> (width: Int, height: Int) {
            (Int((widthMillimetres / 25.4 * dotsPerInch).rounded()), Int((heightMillimetres / 25.4 * dotsPerInch).rounded()))
        }
    }
}
