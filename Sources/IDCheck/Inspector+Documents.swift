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

    /// What a run examines on `pages`, one entry per report: the MRZ location of each document
    /// that a single image shows (``documents(onOneImage:)``), or one `nil` — the pages are one
    /// document, examined as usual. `readings` are each page's (``readings(of:)``), to be passed
    /// on to ``inspect(_:readings:examining:earlier:)`` so that no page is read twice.
    public func documentsToExamine(on pages: [Examination.Page]) -> (readings: [[MRZReading]], documents: [[Point]?]) {
        let readings = pages.map { self.readings(of: $0.image) }
        let apart: [[Point]?] = pages.count == 1 ? Self.documents(onOneImage: readings[0]).map(\.location) : []
        return (readings, apart.isEmpty ? [nil] : apart)
    }

    /// The MRZ readings ``inspect(_:earlier:)`` makes of `image`: fine cuts, for the visual
    /// checks' alignment on the characters' boxes.
    public func readings(of image: Image) -> [MRZReading] {
        reader.finelyCutting.read(image)
    }
}
