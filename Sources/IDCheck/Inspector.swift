import IDCheckForensics
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader
import IDCheckSpecimens
import IDCheckVisual

/// The public pipeline: reads the MRZ on every image of one document, identifies the specimen
/// model, runs the indicator rules, applies the model's declared deviations and derives the verdict.
///
/// ```swift
/// let library = try SpecimenLibrary.load(requireReferenceImages: false)
/// let inspector = Inspector(library: library, checkDate: .today)
/// let image = try ImageDecoder().decode(contentsOf: "passport.jpg").image
/// let inspection = inspector.inspect([Examination.Page(image: image, label: "passport.jpg")])
/// print(inspection.report.verdict, inspection.report.indicators.map(\.code))
/// ```
///
/// A value without shared mutable state; the documents of a batch are independent, except for
/// the ``SeenDocuments`` a caller passes along to notice reused numbers.
public struct Inspector: Sendable {
    public var reader: MRZReader
    public var library: SpecimenLibrary?
    public var watchList: WatchList?
    /// The watch list's provenance (path, SHA-256), set by whoever loaded it.
    public var watchListProvenance: Provenance.List?
    public var checkDate: MRZ.CalendarDate
    /// The steps run before the rules (alignment, reading the visual zone), in order.
    public var steps: [any ExaminationStep]
    /// The rules run, in order: the data checks, then the visual comparison.
    public var rules: [any IndicatorRule]
    public var identifier: ModelIdentifier
    private let libraryProvenance: Provenance.Library?

    public init(library: SpecimenLibrary?, watchList: WatchList? = nil, watchListProvenance: Provenance.List? = nil,
                checkDate: MRZ.CalendarDate, steps: [any ExaminationStep]? = nil, rules: [any IndicatorRule]? = nil) {
        let visual = VisualChecks(library: library)
        self.reader = MRZReader(referenceDate: checkDate)
        self.library = library
        self.watchList = watchList
        self.watchListProvenance = watchListProvenance
        self.checkDate = checkDate
        self.steps = steps ?? visual.steps
        self.rules = rules ?? IndicatorRules.standard + visual.rules
        self.identifier = ModelIdentifier()
        self.libraryProvenance = library?.provenance()
    }

    /// Examines one document given as one or more images (front and back, or pages).
    public func inspect(_ pages: [Examination.Page], earlier: SeenDocuments = SeenDocuments()) -> Inspection {
        // The visual checks align the document on the MRZ's character boxes: cut them finely
        // (some milliseconds more, against a quarter of a second).
        inspect(pages, readings: pages.map { readings(of: $0) }, earlier: earlier)
    }

    /// Examines one document whose MRZ readings are already made (one list per page). `examining`:
    /// the location of the MRZ to examine, when the caller examines each document of an image
    /// apart (``documents(onOneImage:)``); by default a valid MRZ first, then the one with most
    /// passing checks.
    public func inspect(_ pages: [Examination.Page], readings: [[MRZReading]], examining chosen: [Point]? = nil,
                        earlier: SeenDocuments = SeenDocuments()) -> Inspection {
        var found: [(page: Int, reading: MRZReading)] = []
        for (page, list) in readings.enumerated() { for reading in list { found.append((page, reading)) } }
        let parsed = found.filter { $0.reading.zone != nil }
        let primary = chosen.flatMap { location in parsed.first { $0.reading.location == location } }
            ?? parsed.max { a, b in rank(a.reading) < rank(b.reading) }
        let zone = primary?.reading.zone
        var others: [(page: Int, zone: MRZ.Zone, location: [Point])] = []
        let validPitches = readings.map { list in list.filter(\.checksPass).map(\.pitch) }
        for entry in parsed where !(entry.page == primary?.page && entry.reading.location == primary?.reading.location) {
            // Printed text read as a failing MRZ at another pitch than the image's valid MRZs is no document.
            guard Self.isMRZ(entry.reading, besideValidPitches: validPitches[entry.page]) else { continue }
            if let other = entry.reading.zone { others.append((entry.page, other, entry.reading.location)) }
        }
        let geometry = (primary ?? found.first).map { entry in
            MRZGeometry(page: entry.page, location: entry.reading.location,
                        characterBoxes: entry.reading.characters.map { line in line.map(\.box) })
        }
        var identification = ModelIdentification(status: .notAttempted)
        if let zone {
            identification = identifier.identify(zone, among: library?.specimens ?? [])
        }
        var placement: DocumentPlacement?
        if let model = identification.model, let geometry,
           let mrzZone = model.mrzSide?.zones(of: .mrz).first {
            placement = DocumentPlacement.estimated(mrzLocation: geometry.location, mrzBox: mrzZone.box,
                                                  sideAspectRatio: model.size.aspectRatio)
        }
        var examination = Examination(
            pages: pages, zone: zone, mrzParsingError: zone == nil ? found.first?.reading.parsingError : nil,
            mrzFound: !found.isEmpty, mrzGeometry: geometry, otherZones: others, identification: identification,
            placement: placement, checkDate: checkDate, watchList: watchList, earlierDocuments: earlier)
        examination.otherDocumentsReportedApart = chosen != nil
        for step in steps { step.prepare(&examination) }
        var indicators: [Indicator] = []
        for rule in rules { indicators += rule.evaluate(examination) }
        indicators = DeviationPolicy.apply(identification.model, to: indicators)
        var notChecked = Report.beyondVisibleLight
        if !rules.contains(where: \.comparesVisualFeatures) {
            notChecked.append(Report.visualComparisonNotRun)
        } else if let model = identification.model {
            // What the visual comparison could not reach, so that no one takes it as compared.
            // The other sides are looked for only once the MRZ's side is aligned.
            let searched = examination.alignment?.aligned == true
            for side in model.sides where side.name != model.mrzSide?.name
                && !examination.sides.contains(where: { $0.side == side.name && $0.alignment.aligned }) {
                notChecked.append(searched ? Report.sideNotCompared(side.name) : Report.sideNotSearched(side.name))
            }
            if !examination.unreadFields.isEmpty {
                notChecked.append(Report.printedFieldsNotRead(examination.unreadFields.map(\.words)))
            }
            if !examination.misplacedFields.isEmpty {
                notChecked.append(Report.printedFieldsNotFound(examination.misplacedFields.map(\.words)))
            }
        } else {
            notChecked.append(Report.specimenComparisonImpossible)
        }
        let report = Report(indicators: indicators, identification: identification, notChecked: notChecked,
                            provenance: provenance())
        return Inspection(report: report, examination: examination, readings: readings)
    }

    /// The provenance every report of this inspector carries.
    public func provenance() -> Provenance {
        Provenance(toolVersion: IDCheckVersion.string, checkDate: checkDate.description, specimenLibrary: libraryProvenance,
                   watchList: watchListProvenance,
                   thresholds: [
                       "correctionMargin": reader.correction.margin,
                       "correctionMaximumChangesPerCheck": Double(reader.correction.maximumChangesPerCheck),
                       "expiryHorizonYears": Double(reader.parsingOptions.expiryHorizonYears),
                       "maximumAgeYears": Double(DateRule().maximumAge),
                       "validitySlackDays": Double(ModelRule().slackDays),
                       "identificationSlackDays": Double(identifier.slackDays),
                   ],
                   rules: steps.map(\.name) + rules.map(\.name))
    }

    private func rank(_ reading: MRZReading) -> Double {
        guard let zone = reading.zone else { return -1 }
        return (zone.isValid ? 100 : 0) + Double(zone.checks.filter(\.passes).count) + reading.minimumConfidence
    }
}

/// One document examined: the report, what the rules looked at, and the raw MRZ readings per page
/// (for annotated images and HTML reports).
public struct Inspection: Sendable {
    public let report: Report
    public let examination: Examination
    public let readings: [[MRZReading]]
}
