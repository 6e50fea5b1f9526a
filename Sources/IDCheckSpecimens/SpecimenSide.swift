extension Specimen {
    /// One side of a document (`front`, `back`; a passport's data page is its `front`) with its
    /// reference image and its zones.
    public struct Side: Sendable, Hashable {
        /// `front` or `back`.
        public let name: String
        /// File name of the reference image, relative to the specimen's folder.
        public let reference: String
        public let zones: [Zone]

        public init(name: String, reference: String, zones: [Zone]) {
            self.name = name
            self.reference = reference
            self.zones = zones
        }

        /// The zone with identifier `id`.
        public func zone(_ id: String) -> Zone? { zones.first { $0.id == id } }

        /// Every zone of one kind, in description order.
        public func zones(of kind: Zone.Kind) -> [Zone] { zones.filter { $0.kind == kind } }
    }
}
