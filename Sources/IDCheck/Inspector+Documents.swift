import IDCheckReader

extension Inspector {
    /// The documents one image shows, each with its readings: one per distinct valid MRZ when it
    /// shows several (a family's passports or cards photocopied on one sheet: one side of a
    /// document carries one MRZ), else all the readings as one document. Top to bottom, as the
    /// reader gives them.
    public static func documents(onOneImage readings: [MRZReading]) -> [[MRZReading]] {
        var distinct: [MRZReading] = []
        for reading in readings {
            guard let zone = reading.zone, zone.isValid, !distinct.contains(where: { $0.zone?.lines == zone.lines }) else { continue }
            distinct.append(reading)
        }
        return distinct.count > 1 ? distinct.map { [$0] } : [readings]
    }

    /// The MRZ readings ``inspect(_:earlier:)`` makes of `image`: fine cuts, for the visual
    /// checks' alignment on the characters' boxes.
    public func readings(of image: Image) -> [MRZReading] {
        reader.finelyCutting.read(image)
    }
}
