import IDCheck

/// What the cross-document checks need of one document, kept after its images are gone.
struct CrossDocumentFacts: Sendable {
    var zone: MRZ.Zone
    var geometry: MRZGeometry?
    var portrait: PortraitHash?
    /// Where the hashed photo lies on the image (evidence of a reused portrait).
    var portraitRegion: [Point]?
    /// How the document is named in another document's finding: its file name.
    var label: String
}

/// The batch-wide state of the cross-document indicators, fed in the order results are written
/// (the inputs' order, see ``BatchScheduler``), so that every run over the same inputs — resumed
/// or not, on any number of jobs — raises them on the same documents:
///
/// - **the same document number with another holder** (`list.number-reused`, warning): the
///   catalogue's ``ReusedNumberRule``, fed the run's ``SeenDocuments`` as the examination's
///   earlier documents;
/// - **the same portrait with another holder** (`list.portrait-reused`, warning): a
///   ``PortraitHash`` within ``PortraitHash/sameThreshold`` bits of an earlier document's whose
///   holder (name and birth date) differs.
///
/// Both are raised on the later document and name the earlier one by file name. Memory: one
/// small entry per distinct document number and per hashed portrait (a few dozen bytes and the
/// file name), never the results.
struct BatchCrossDocuments {
    static let portraitReused: Indicator.Code = "list.portrait-reused"

    private var seen = SeenDocuments()
    private var portraits = PortraitIndex()
    let checkDate: MRZ.CalendarDate

    init(checkDate: MRZ.CalendarDate) { self.checkDate = checkDate }

    /// The cross-document indicators of a document against the earlier ones; then records it.
    mutating func evaluate(_ facts: CrossDocumentFacts) -> [Indicator] {
        let examination = Examination(pages: [], zone: facts.zone, mrzFound: true, mrzGeometry: facts.geometry,
                                      identification: ModelIdentification(status: .notAttempted), checkDate: checkDate,
                                      earlierDocuments: seen)
        var indicators = ReusedNumberRule().evaluate(examination)
        let holder = SeenDocuments.holder(of: facts.zone)
        if let portrait = facts.portrait, let match = portraits.match(portrait, otherThan: holder) {
            indicators.append(Indicator(
                code: Self.portraitReused, severity: .warning,
                message: "\(match.label) shows the same portrait (perceptual hash \(match.distance) of \(PortraitHash.bitCount) bits apart) with another holder.",
                evidence: Indicator.Evidence(page: 0, region: facts.portraitRegion, field: "photo", expected: "a portrait of its own",
                                             observed: "the portrait of \(match.label)", score: Double(match.distance) / Double(PortraitHash.bitCount))))
        }
        record(facts)
        return indicators
    }

    /// Records a document without evaluating it (rebuilding the state from an earlier session's lines).
    mutating func record(_ facts: CrossDocumentFacts) {
        seen.record(facts.zone, label: facts.label)
        if let portrait = facts.portrait { portraits.insert(portrait, holder: SeenDocuments.holder(of: facts.zone), label: facts.label) }
    }
}

/// Portrait hashes of a run, found again within ``PortraitHash/sameThreshold`` bits without
/// comparing with every one: the 255 bits are cut into threshold + 1 bands, and two hashes that
/// close agree on at least one whole band (pigeonhole), so only hashes sharing a band are compared.
struct PortraitIndex {
    private struct Entry {
        var hash: PortraitHash
        var holder: Int
        var label: String
    }

    private var entries: [Entry] = []
    private var bands: [[UInt64: [Int32]]]
    /// Each band's first bit and length.
    private let ranges: [(start: Int, count: Int)]

    init(threshold: Int = PortraitHash.sameThreshold) {
        let count = threshold + 1
        var ranges: [(Int, Int)] = []
        var start = 0
        for band in 0..<count {
            let end = PortraitHash.bitCount * (band + 1) / count
            ranges.append((start, end - start))
            start = end
        }
        self.ranges = ranges
        bands = Array(repeating: [:], count: count)
    }

    /// The earliest hash within the threshold whose holder differs.
    func match(_ hash: PortraitHash, otherThan holder: Int) -> (label: String, distance: Int)? {
        var best: Int32?
        for (band, range) in ranges.enumerated() {
            for index in bands[band][hash.bits(from: range.start, count: range.count)] ?? [] where index < (best ?? .max) {
                let entry = entries[Int(index)]
                if entry.holder != holder, entry.hash.distance(to: hash) <= PortraitHash.sameThreshold { best = index }
            }
        }
        return best.map { (entries[Int($0)].label, entries[Int($0)].hash.distance(to: hash)) }
    }

    mutating func insert(_ hash: PortraitHash, holder: Int, label: String) {
        let index = Int32(entries.count)
        entries.append(Entry(hash: hash, holder: holder, label: label))
        for (band, range) in ranges.enumerated() { bands[band][hash.bits(from: range.start, count: range.count), default: []].append(index) }
    }
}
