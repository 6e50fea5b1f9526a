import IDCheckMRZ

/// The documents already examined in one run, so that a document number seen before with
/// another holder is noticed ("the same document number with another holder in one batch").
///
/// Only a fingerprint of the holder is kept (a hash of name and birth date), never the name.
public struct SeenDocuments: Sendable {
    /// An earlier document with its holder's fingerprint and how it was labelled.
    public struct Sighting: Sendable, Hashable {
        public var holder: Int
        public var label: String
    }

    private var sightings: [String: Sighting] = [:]

    public init() {}

    /// The earlier sighting of this issuer's number, if any.
    public func earlier(issuingState: String, documentNumber: String) -> Sighting? {
        sightings[Self.key(issuingState, documentNumber)]
    }

    /// Records a document (the first sighting of a number is kept).
    public mutating func record(_ zone: MRZ.Zone, label: String) {
        let key = Self.key(zone.issuingStateCode, zone.documentNumber)
        guard !zone.documentNumber.isEmpty, sightings[key] == nil else { return }
        sightings[key] = Sighting(holder: Self.holder(of: zone), label: label)
    }

    /// O and 0 count as one character (see ``WatchList``).
    static func key(_ state: String, _ number: String) -> String {
        state + "|" + String(number.map { $0 == "O" ? "0" : $0 })
    }

    /// A fingerprint of the holder: name and raw birth date.
    public static func holder(of zone: MRZ.Zone) -> Int {
        var hasher = Hasher()
        hasher.combine(zone.name.primaryIdentifier)
        hasher.combine(zone.name.secondaryIdentifier)
        hasher.combine(zone.birthDate?.raw ?? "")
        return hasher.finalize()
    }
}
