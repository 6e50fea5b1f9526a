import IDCheckReader

extension Inspector {
    /// The MRZs of the documents one image shows: one per parsed MRZ lying apart from the others
    /// with other lines (a family's papers photocopied on one sheet: one side of a document
    /// carries one MRZ), top to bottom as the reader gives them; empty when the image shows at
    /// most one, which is then examined as usual. A second MRZ that fails its checks counts too:
    /// a forged document beside a genuine one must get a report of its own.
    public static func documents(onOneImage readings: [MRZReading]) -> [MRZReading] {
        var distinct: [MRZReading] = []
        for reading in readings {
            guard let zone = reading.zone else { continue }
            let apart = distinct.allSatisfy { other in
                other.zone?.lines != zone.lines && !reading.location.overlaps(other.location)
            }
            if apart { distinct.append(reading) }
        }
        return distinct.count > 1 ? distinct : []
    }

    /// The MRZ readings ``inspect(_:earlier:)`` makes of `image`: fine cuts, for the visual
    /// checks' alignment on the characters' boxes.
    public func readings(of image: Image) -> [MRZReading] {
        reader.finelyCutting.read(image)
    }
}
