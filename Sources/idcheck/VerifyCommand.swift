import ArgumentParser
import Foundation
import IDCheck

/// `idcheck verify`: reads the MRZ, identifies the specimen model, runs the indicator catalogue
/// and reports the verdict with its evidence (text, JSON, annotated PNG, HTML).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scanned documents: MRZ, dates, codes, model rules, watch list; verdict with evidence.",
        discussion: """
            Each file is one document, unless --same-document says that all files are images of \
            one document (front and back, or pages); a card's two sides on one sheet are one \
            file, and several documents photocopied on one sheet each get a report. The verdict is derived from the indicators: \
            suspect if any is critical, review if any is a warning, else consistent. Every report \
            names what was not checked (UV, IR, optically variable features, the chip).

            Exit status: 0 every document is consistent, 1 a document is to be reviewed or \
            suspect (or has no MRZ), 2 an image could not be read.

            Examples:
              idcheck verify passport.jpg
              idcheck verify --watchlist sltd.csv --at 2025-06-01 scans/*.jpg
              idcheck verify --same-document card-front.png card-back.png
              idcheck verify --json --redact passport.jpg
              idcheck verify --html report.html --annotate marked.png passport.jpg
            """)

    @Argument(help: "Image files (JPEG or PNG).")
    var files: [String]

    @Flag(help: "All files are images of one document (front and back, pages).")
    var sameDocument = false

    @Option(help: ArgumentHelp("Specimen library folder (default: $IDCHECK_SPECIMENS, then the bundled specimens/).", valueName: "dir"))
    var specimens: String?

    @Option(help: ArgumentHelp("Watch list of lost/stolen documents (CSV: issuingState,documentNumber[,date][,source]; see docs/indicators.md).", valueName: "file.csv"))
    var watchlist: String?

    @Option(help: ArgumentHelp("Check date: expiry and ages are judged on it (default: today).", valueName: "yyyy-mm-dd"))
    var at: String?

    @Flag(help: "Print one JSON object per document (schema idcheck.verify/1, see docs/schemas/verify.md).")
    var json = false

    @Option(help: ArgumentHelp("Write the image with the MRZ, the model's zones and the findings marked. Several images or documents: -1, -2… is added.", valueName: "out.png"))
    var annotate: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report. Several documents: -1, -2… is added.", valueName: "out.html"))
    var html: String?

    @Flag(help: "Hide names, numbers and the date of birth in every output (and mask them on images).")
    var redact = false

    @Flag(help: "Run only the data checks (MRZ, dates, codes, model rules, lists): skip the visual comparison with the specimen (layout, visual zone, MRZ font, photo, tampering).")
    var dataChecksOnly = false

    @OptionGroup var limits: ImageLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one image file.") }
        if let at, MRZ.CalendarDate(iso: at) == nil { throw ValidationError("--at must be a date as yyyy-mm-dd.") }
    }

    func run() throws {
        var standardError = StandardError()
        let checkDate = at.flatMap(MRZ.CalendarDate.init(iso:)) ?? .today
        var library: SpecimenLibrary?
        do {
            library = try SpecimenLibrary.load(explicit: specimens, requireReferenceImages: false)
        } catch {
            // An explicit library that cannot be read is a usage error; a missing bundled one is not fatal.
            if specimens != nil || ProcessInfo.processInfo.environment[SpecimenLibrary.Location.environmentVariable] != nil {
                throw ValidationError("\(error)")
            }
            print("idcheck: no specimen library (\(error)); documents are not compared with specimens", to: &standardError)
        }
        var list: WatchList?
        var listProvenance: Provenance.List?
        if let watchlist {
            do {
                list = try WatchList.load(path: watchlist)
                let bytes = try FileBytes.read(path: watchlist, maxBytes: 1 << 30)
                listProvenance = Provenance.List(path: watchlist, sha256: SHA256.hexDigest(of: bytes), entries: list?.entries.count ?? 0)
            } catch let error as WatchListError {
                throw ValidationError("watch list: \(error)")
            }
        }
        var inspector = Inspector(library: library, watchList: list, watchListProvenance: listProvenance, checkDate: checkDate)
        if dataChecksOnly {
            inspector.steps = []
            inspector.rules = IndicatorRules.standard
        }
        // The visual checks compare colours and print statistics: they need the colour image.
        let colour = !dataChecksOnly || annotate != nil || html != nil
        let options = colour ? limits.decodingOptions(.rgb) : limits.readingOptions()
        let decoder = ImageDecoder(options: options)

        let documents: [[String]] = sameDocument ? [files] : files.map { [$0] }
        var seen = SeenDocuments()
        var worst = Outcome.fine
        // Documents reported so far: output files are numbered by it when there are several.
        var reported = 0
        for paths in documents {
            var references: [InputReference] = []
            var pages: [Examination.Page] = []
            var failure: (index: Int, message: String, code: String)?
            for (index, path) in paths.enumerated() {
                do {
                    let bytes = try FileBytes.read(path: path, maxBytes: options.maxFileBytes)
                    references.append(.file(path, bytes: bytes))
                    pages.append(Examination.Page(image: try decoder.decode(bytes).image, label: path))
                } catch {
                    if references.count == index { references.append(InputReference(path: path, sha256: "")) }
                    if failure == nil { failure = (index, "\(path): \(error)", error.code) }
                }
            }
            if let failure {
                let report = VerifyReport(inputs: references, failing: failure.index, message: failure.message, code: failure.code,
                                          checkDate: checkDate, redact: redact)
                try show(report, worst: &worst, reported: &reported)
                continue
            }
            // One image may show several documents (photocopied together on one sheet): each is
            // examined and reported on its own.
            try VerifyReport.ofEachDocument(on: pages, inputs: references, inspector: inspector, redact: redact,
                                            earlier: { seen }) { report, inspection in
                if let zone = inspection.examination.zone {
                    seen.record(zone, label: paths.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + "))
                }
                let several = documents.count > 1 || report.documentOnImage != nil
                write(report: report, inspection: inspection, number: several ? reported + 1 : nil, errors: &standardError)
                try show(report, worst: &worst, reported: &reported)
            }
        }
        try worst.exit()
    }

    /// Prints one document's report (JSON or text) and counts it in the run's exit status.
    private func show(_ report: VerifyReport, worst: inout Outcome, reported: inout Int) throws {
        worst = max(worst, report.outcome)
        reported += 1
        if json { try JSONOutput.print(report) } else { print(report.text(terminal: .standardOutput)) }
    }

    /// Writes the annotated images and the HTML page of one document; `number`: the document's
    /// (1-based) when the run reports several, whose output files are numbered by it.
    private func write(report: VerifyReport, inspection: Inspection, number document: Int?, errors: inout StandardError) {
        if let annotate {
            let pages = inspection.examination.pages
            for (index, page) in pages.enumerated() {
                // One image: the name as given; several images of one document: -1, -2…; several documents: -1, -2… per document.
                let number: Int? = pages.count > 1 ? index + 1 : document
                let target = number.map { Scan.numbered(annotate, $0) } ?? annotate
                do {
                    try ImageEncoder.write(ImageEncoder.png(VerifyAnnotation.annotated(page.image, page: index, inspection: inspection, redact: redact)), to: target)
                } catch {
                    print("idcheck: \(target): \(error)", to: &errors)
                }
            }
        }
        if let html {
            let target = document.map { Scan.numbered(html, $0) } ?? html
            do {
                try Data(VerifyHTML.page(report: report, inspection: inspection, redact: redact).utf8).write(to: URL(fileURLWithPath: target))
            } catch {
                print("idcheck: \(target): \(error.localizedDescription)", to: &errors)
            }
        }
    }
}

extension Error {
    /// A short stable code for the report's `error.code`.
    var code: String {
        if let error = self as? ImageDecodingError { return error.code }
        return "unreadable"
    }
}
