import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// Everything the rules look at for one document: its images, the MRZ read from them, the
/// model it was identified as, the check date and the lists. Rules read it; they never change it.
public struct Examination: Sendable {
    /// One image of the document (a side, a page), upright.
    public struct Page: Sendable {
        /// Fixed for the page's life: ``derived`` holds what was computed from it.
        public let image: Image
        /// A label for people (the file name).
        public var label: String
        /// What the checks computed from ``image`` alone, shared by the documents it shows.
        public let derived = PageDerivations()

        public init(image: Image, label: String) {
            self.image = image
            self.label = label
        }
    }

    public var pages: [Page]
    /// The MRZ as parsed (after the reader's corrections); `nil` when none was found or it could not be parsed.
    public var zone: MRZ.Zone?
    /// Why a found MRZ could not be parsed.
    public var mrzParsingError: MRZParsingError?
    /// Whether any image showed an MRZ at all.
    public var mrzFound: Bool
    /// Where the MRZ's characters are on their image.
    public var mrzGeometry: MRZGeometry?
    /// The other MRZs found: on other images of the same document (which must agree with
    /// ``zone``), or elsewhere on the MRZ's own image (another document on the same sheet), with
    /// where they are on their image.
    public var otherZones: [(page: Int, zone: MRZ.Zone, location: [Point])]
    /// Whether the other documents on the MRZ's image (``otherZones`` on its page) are examined
    /// in reports of their own (`idcheck verify` on a sheet of several documents), so that this
    /// report need not say they were left out.
    public var otherDocumentsReportedApart = false
    /// A zone laid out like an MRZ that the reader turned down because its characters do not look
    /// like OCR-B (found by a lenient second look when no MRZ was read): its characters' boxes and
    /// the text as recognised, for the MRZ font check.
    public var rejectedMRZ: (geometry: MRZGeometry, lines: [String])?
    public var identification: ModelIdentification
    /// Where the identified model's side with the MRZ lies on the MRZ's image.
    public var placement: DocumentPlacement?
    /// The day the document is judged on (`--at`).
    public var checkDate: MRZ.CalendarDate
    public var watchList: WatchList?
    /// Documents examined earlier in the same run.
    public var earlierDocuments: SeenDocuments
    /// Dates read in full (four-digit years) from the visual zone, when a visual check supplies them.
    public var printedDates: [Specimen.PrintedField: MRZ.CalendarDate]
    /// The visual zone's printed fields as an ``ExaminationStep`` read or verified them.
    public var printedFields: [Specimen.PrintedField: PrintedFieldReading] = [:]
    /// Printed fields the MRZ also carries whose print the visual-zone step could not read
    /// clearly enough to say whether it agrees. The report lists them as not checked.
    public var unreadFields: [Specimen.PrintedField] = []
    /// Printed fields the MRZ also carries on a side where no field agreed with it: the print is
    /// not where the side's placement puts it, so none of them was compared. Listed as not checked.
    public var misplacedFields: [Specimen.PrintedField] = []
    /// Characters of printed fields unlike every character of the model's font among clear ones
    /// (found by the visual-zone step whether or not the field could be verified).
    public var foreignGlyphs: [ForeignGlyph] = []
    /// How well the image was aligned with the identified model's side, when a step tried.
    public var alignment: AlignmentQuality?
    /// Every side of the identified model found on the images (the MRZ's side first), with its
    /// placement: where the visual checks look for a zone (see ``zones(of:)``).
    public var sides: [SideView] = []
    /// Per-page maps of foreign noise statistics, when a step computed them (one per page examined).
    public var tamperingMaps: [TamperingMap] = []
    /// Portraits found without a specimen, when the model is not identified and a step looked.
    public var foundPortraits: [FoundPortrait] = []

    public init(pages: [Page], zone: MRZ.Zone?, mrzParsingError: MRZParsingError? = nil, mrzFound: Bool,
                mrzGeometry: MRZGeometry? = nil, otherZones: [(page: Int, zone: MRZ.Zone, location: [Point])] = [],
                identification: ModelIdentification, placement: DocumentPlacement? = nil, checkDate: MRZ.CalendarDate,
                watchList: WatchList? = nil, earlierDocuments: SeenDocuments = SeenDocuments(),
                printedDates: [Specimen.PrintedField: MRZ.CalendarDate] = [:]) {
        self.pages = pages
        self.zone = zone
        self.mrzParsingError = mrzParsingError
        self.mrzFound = mrzFound
        self.mrzGeometry = mrzGeometry
        self.otherZones = otherZones
        self.identification = identification
        self.placement = placement
        self.checkDate = checkDate
        self.watchList = watchList
        self.earlierDocuments = earlierDocuments
        self.printedDates = printedDates
    }

    /// The identified model, if any.
    public var model: Specimen? { identification.model }

    /// Evidence pointing at an MRZ span (its characters on the image, when known).
    public func evidence(span: MRZ.Span?, field: String?, expected: String? = nil, observed: String? = nil,
                         score: Double? = nil, personal: Bool = false) -> Indicator.Evidence {
        Indicator.Evidence(page: mrzGeometry?.page, region: span.flatMap { mrzGeometry?.region(of: $0) } ?? mrzGeometry?.location,
                           mrzSpan: span, field: field, expected: expected, observed: observed, score: score, personal: personal)
    }

    /// The span of a field of the MRZ.
    public func span(of field: MRZ.Field) -> MRZ.Span? { zone?.field(field)?.span }
}
