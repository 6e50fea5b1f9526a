import IDCheckReader

extension Inspector {
    /// The MRZs of the documents one image shows: one per parsed MRZ lying apart from the others
    /// with other lines (a family's papers photocopied on one sheet: one side of a document
    /// carries one MRZ), top to bottom as the reader gives them; empty when the image shows at
    /// most one, which is then examined as usual. A second MRZ that fails its checks counts too:
    /// a forged document beside a genuine one must get a report of its own; but only at the
    /// character pitch of the MRZs that pass theirs (within ``pitchTolerance``): every MRZ is set
    /// at 2.54 mm a character, and documents photocopied together share one scale, whereas a
    /// card front's long printed name, read as lines of an MRZ, is set smaller.
    public static func documents(onOneImage readings: [MRZReading]) -> [MRZReading] {
        let validPitches = readings.filter(\.checksPass).map(\.pitch)
        var distinct: [MRZReading] = []
        for reading in readings where isMRZ(reading, besideValidPitches: validPitches) {
            guard let zone = reading.zone else { continue }
            let apart = distinct.allSatisfy { other in
                other.zone?.lines != zone.lines && !reading.location.overlaps(other.location)
            }
            if apart { distinct.append(reading) }
        }
        return distinct.count > 1 ? distinct : []
    }

    /// How far (as a fraction) a failing MRZ's pitch may lie from a valid one's on the same image
    /// and still be another document's: scanning and reading spread pitches by a few percent.
    public static let pitchTolerance = 0.12

    /// Whether `reading` can be an MRZ on an image whose MRZs that pass their checks have
    /// `validPitches`: it passes its own, or none does, or its pitch is one of theirs (within
    /// ``pitchTolerance``).
    static func isMRZ(_ reading: MRZReading, besideValidPitches validPitches: [Double]) -> Bool {
        let known = validPitches.filter { $0 > 0 }
        return reading.checksPass || known.isEmpty || known.contains { abs(reading.pitch / $0 - 1) <= pitchTolerance }
    }

    /// What a run examines on `pages`, one entry per report: the MRZ location of each document
    /// that a single image shows (``documents(onOneImage:)``), or one `nil` — the pages are one
    /// document, examined as usual. `readings` are each page's (``readings(of:)-(Examination.Page)``), to be passed
    /// on to ``inspect(_:readings:examining:earlier:)`` so that no page is read twice.
    public func documentsToExamine(on pages: [Examination.Page]) -> (readings: [[MRZReading]], documents: [[Point]?]) {
        let readings = pages.map { self.readings(of: $0) }
        let apart: [[Point]?] = pages.count == 1 ? Self.documents(onOneImage: readings[0]).map(\.location) : []
        return (readings, apart.isEmpty ? [nil] : apart)
    }

    /// The MRZ readings ``inspect(_:earlier:)`` makes of `image`: fine cuts, for the visual
    /// checks' alignment on the characters' boxes.
    public func readings(of image: Image) -> [MRZReading] {
        reader.finelyCutting.read(image)
    }

    /// ``readings(of:)-(Image)`` of a page, read on its grey image, which the visual checks then
    /// share (``Examination/Page/grey``).
    public func readings(of page: Examination.Page) -> [MRZReading] {
        readings(of: page.grey)
    }
}
