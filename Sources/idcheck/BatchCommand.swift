import ArgumentParser
import Foundation
import IDCheck

/// `idcheck batch`: `verify` (or `scan`) over folders or lists of files, in parallel with bounded
/// memory, one JSON line per file in the inputs' order, resumable, with cross-document
/// indicators and a summary. The pieces are in `Batch/`: ``BatchInputs`` (what to process),
/// ``BatchScheduler`` (workers, order, timeouts, interrupts), ``BatchItemProcessor`` (one file),
/// ``BatchCrossDocuments`` (reused numbers and portraits), ``BatchResultFile`` (the output and its
/// durability), ``BatchRunManifest`` (the options beside it), ``BatchProgress``, ``BatchSummary``.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify (or scan) whole folders of images in parallel: JSON Lines, progress, resumable, with a summary.",
        discussion: """
            Each argument is a folder (walked for image files, in name order), an image, a list \
            file of paths (one per line; relative to the list's folder) or - for paths on standard \
            input. Every file gets one line in --out (idcheck.verify/1 or idcheck.scan/1 plus a \
            "batch" object, see docs/schemas/batch.md), errors and timeouts included, in the \
            inputs' order. A rerun with the same --out skips files already done (same path and \
            SHA-256) and refuses other options (exit 64). A card scanned as two files named \
            …-front and …-back (or _front/_back, recto/verso) is verified as one document, as \
            verify --same-document does, once: each side still gets its own line, both with \
            the card's report, its own image first (--sides-apart turns this off). Ctrl-C stops starting files and lets \
            those in flight finish; a second Ctrl-C abandons them. Progress goes to standard \
            error and never shows file names or document data; the summary to standard output.

            Exit status: 0 the run completed (whatever the verdicts: see the summary or \
            idcheck summarize), 130 interrupted (rerun to resume), 64 usage error or options \
            that differ from the results file's, 74 the results file cannot be written.

            Examples:
              idcheck batch scans/ --out results.jsonl
              idcheck batch scans/ --out results.jsonl --jobs 2 --watchlist sltd.csv --at 2025-06-01
              find /intake -name '*.jpg' | idcheck batch - --out intake.jsonl --timeout 20
              idcheck batch rendered/ --out r.jsonl --labels rendered/labels.jsonl
              idcheck batch --scan scans/ --out mrz.jsonl
            """)

    @Argument(help: ArgumentHelp("Folders, images, list files, or - for paths on standard input.", valueName: "dir-or-list"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Results file (JSON Lines), appended to and resumed.", valueName: "results.jsonl"))
    var out: String

    @Option(help: "Files processed in parallel (default: the number of processors).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "What to run on each file: verify (default; the idcheck verify report) or scan (the MRZ reading only).")
    var mode: BatchMode = .verify

    @Option(help: ArgumentHelp("Specimen library folder (default: $IDCHECK_SPECIMENS, then the bundled specimens/).", valueName: "dir"))
    var specimens: String?

    @Option(help: ArgumentHelp("Watch list of lost/stolen documents (CSV, see docs/indicators.md).", valueName: "file.csv"))
    var watchlist: String?

    @Option(help: ArgumentHelp("Check date (default: the results file's, else today).", valueName: "yyyy-mm-dd"))
    var at: String?

    @Option(help: ArgumentHelp("The renderer's labels.jsonl: the summary adds accuracy per model and forgery kind.", valueName: "labels.jsonl"))
    var labels: String?

    @Option(help: ArgumentHelp("A file running longer is reported as a timeout line and abandoned.", valueName: "seconds"))
    var timeout: Double = 60

    @Flag(help: "Verify every file on its own, also a card's sides (by default a file named …-front.jpg or …-back.jpg is verified together with its other side beside it).")
    var sidesApart = false

    @OptionGroup var limits: ImageLimitOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one folder, list file, image or -.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if let at, MRZ.CalendarDate(iso: at) == nil { throw ValidationError("--at must be a date as yyyy-mm-dd.") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be given once.") }
    }

    func run() throws {
        var standardError = StandardError()
        let manifest: BatchRunManifest?
        let sources: BatchInputs
        let labelSet: BatchLabels?
        do {
            manifest = try BatchRunManifest.load(for: out)
            sources = try BatchInputs(arguments: inputs)
            labelSet = try labels.map { try BatchLabels(path: $0) }
        } catch {
            throw ValidationError("\(error)")
        }
        let checkDate = at.flatMap(MRZ.CalendarDate.init(iso:))
            ?? manifest.flatMap { MRZ.CalendarDate(iso: $0.options.checkDate) } ?? .today
        let (inspector, options) = try prepare(checkDate: checkDate)
        if let manifest {
            let differences = options.differences(from: manifest.options)
            if !differences.isEmpty {
                throw ValidationError("\(BatchError.optionsDiffer(manifest: BatchRunManifest.path(for: out), differences: differences))")
            }
        } else if let size = try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int, size > 0 {
            throw ValidationError("\(BatchError.manifest(path: BatchRunManifest.path(for: out), reason: "missing beside a non-empty \(out): cannot tell which options its results were made with"))")
        }

        let ending: BatchScheduler.Ending
        do {
            ending = try execute(inspector: inspector, options: options, manifest: manifest, sources: sources, labels: labelSet,
                                 errors: &standardError)
        } catch {
            print("idcheck batch: \(error)", to: &standardError)
            throw ExitCode(74)
        }
        if ending == .interrupted {
            print("idcheck batch: interrupted; rerun the same command to resume", to: &standardError)
            throw ExitCode(130)
        }
    }

    /// The inspector of this run and the options that fix what its lines say.
    private func prepare(checkDate: MRZ.CalendarDate) throws -> (Inspector, BatchRunManifest.Options) {
        var standardError = StandardError()
        var library: SpecimenLibrary?
        var list: WatchList?
        var listProvenance: Provenance.List?
        if mode == .verify {
            do {
                library = try SpecimenLibrary.load(explicit: specimens, requireReferenceImages: false)
            } catch {
                if specimens != nil || ProcessInfo.processInfo.environment[SpecimenLibrary.Location.environmentVariable] != nil {
                    throw ValidationError("\(error)")
                }
                print("idcheck batch: no specimen library (\(error)); documents are not compared with specimens", to: &standardError)
            }
            if let watchlist {
                do {
                    list = try WatchList.load(path: watchlist)
                    let bytes = try FileBytes.read(path: watchlist, maxBytes: 1 << 30)
                    listProvenance = Provenance.List(path: watchlist, sha256: SHA256.hexDigest(of: bytes), entries: list?.entries.count ?? 0)
                } catch {
                    throw ValidationError("watch list: \(error)")
                }
            }
        } else if watchlist != nil || specimens != nil {
            throw ValidationError("--watchlist and --specimens apply to --verify only.")
        }
        let inspector = Inspector(library: library, watchList: list, watchListProvenance: listProvenance, checkDate: checkDate)
        let libraryProvenance = library?.provenance()
        let options = BatchRunManifest.Options(
            mode: mode.rawValue, checkDate: checkDate.description, specimens: libraryProvenance?.directory,
            specimensSHA256: libraryProvenance?.sha256, watchList: listProvenance?.path, watchListSHA256: listProvenance?.sha256,
            timeoutSeconds: timeout, maxPixels: limits.maxPixels, maxFileBytes: limits.maxFileBytes,
            sidesApart: mode == .verify && sidesApart ? true : nil, toolVersion: IDCheckVersion.string)
        return (inspector, options)
    }

    private func execute(inspector: Inspector, options: BatchRunManifest.Options, manifest stored: BatchRunManifest?,
                         sources: BatchInputs, labels: BatchLabels?, errors: inout StandardError) throws(BatchError) -> BatchScheduler.Ending {
        let file = try BatchResultFile(path: out)
        let dropped = try file.dropPartialLine()
        if dropped > 0 { print("idcheck batch: dropped an unfinished last line (\(dropped) bytes) left by an interrupted run", to: &errors) }

        // What is done already: keys for skipping, lines for the summary, documents for the cross-document checks.
        let done = BatchDoneSet()
        var summary = BatchSummary(labels: labels)
        var cross = BatchCrossDocuments(checkDate: inspector.checkDate)
        var earlier = 0
        // A file showing several documents has a line for each, written together; the lines of
        // a file that a power cut left unfinished are taken back and the file done again.
        var unfinished: [BatchLineDigest] = []
        var offset = 0, unfinishedStart = 0
        try file.forEachLine { (number: Int, bytes: ArraySlice<UInt8>) throws(BatchError) in
            guard let line = BatchLineDigest.decode(bytes) else { throw .foreignLine(path: out, line: number) }
            if unfinished.isEmpty { unfinishedStart = offset }
            offset += bytes.count + 1
            unfinished.append(line)
            guard line.endsItsFile else { return }
            for line in unfinished {
                done.insert(InputReference(path: line.input.path, sha256: line.input.sha256))
                summary.add(line)
                earlier += 1
                if mode == .verify, let facts = Self.facts(of: line, options: inspector.reader.parsingOptions) { cross.record(facts) }
            }
            unfinished.removeAll()
        }
        if !unfinished.isEmpty {
            try file.truncate(keeping: unfinishedStart)
            print("idcheck batch: dropped \(unfinished.count) of the lines of \(unfinished[0].input.path ?? "-") (a file showing several documents) left unfinished by an interrupted run; it is done again", to: &errors)
        }

        var manifest = stored ?? BatchRunManifest(output: out, options: options)
        let started = Date()
        manifest.sessions.append(BatchRunManifest.Session(
            started: BatchRunManifest.timestamp(started), jobs: jobs, inputs: inputs, written: 0, skipped: 0, wallSeconds: 0,
            state: "running"))
        try manifest.save()

        var progress = BatchProgress(total: sources.count())
        // verify's visual checks compare colours and print statistics; scan reads grey.
        let processor = BatchItemProcessor(mode: mode, inspector: inspector, decoding: mode == .verify ? limits.decodingOptions(.rgb) : limits.readingOptions(),
                                           pairsSides: !sidesApart)
        let scheduler = BatchScheduler(jobs: jobs, timeout: .milliseconds(Int((timeout * 1000).rounded())), processor: processor, done: done)
        scheduler.handleSignals()
        var written = 0, skipped = 0, cardsOnce = 0
        var paths = sources.makeIterator()
        let ending: BatchScheduler.Ending
        do {
            ending = try scheduler.run(paths: &paths, deliver: { outcome in
                switch outcome {
                case .skipped:
                    skipped += 1
                    progress.count(processed: false, error: false)
                case .results(let results):
                    // A second line for the same path and bytes (a path listed twice) is dropped.
                    guard let first = results.first, done.insert(first.input) else {
                        skipped += 1
                        progress.count(processed: false, error: false)
                        return
                    }
                    // One line per document the file shows, written together.
                    var texts: [String] = []
                    for var result in results {
                        if case .verify(var report) = result.report, let facts = result.facts {
                            let found = cross.evaluate(facts)
                            if !found.isEmpty {
                                report.add(crossDocument: found)
                                result.report = .verify(report)
                            }
                        }
                        do {
                            texts.append(try BatchLine(result: result).json())
                        } catch {
                            throw BatchError.output(path: out, call: "JSONEncoder", reason: "\(error)")
                        }
                    }
                    try file.append(lines: texts)
                    written += texts.count
                    if first.takenFromOtherSide { cardsOnce += 1 }
                    var failed = false
                    for text in texts {
                        guard let digest = BatchLineDigest.decode(Array(text.utf8)[...]) else { continue }
                        summary.add(digest)
                        failed = failed || digest.error != nil
                    }
                    progress.count(processed: true, error: failed)
                }
                progress.update()
            }, tick: { progress.update() })
        } catch let error as BatchError {
            throw error
        } catch {
            throw .output(path: out, call: "write", reason: "\(error)")
        }
        try file.sync()
        progress.update(force: true)
        progress.finish()

        let wall = Date().timeIntervalSince(started)
        manifest.sessions[manifest.sessions.count - 1].finished = BatchRunManifest.timestamp()
        manifest.sessions[manifest.sessions.count - 1].written = written
        manifest.sessions[manifest.sessions.count - 1].skipped = skipped
        manifest.sessions[manifest.sessions.count - 1].wallSeconds = (wall * 1000).rounded() / 1000
        manifest.sessions[manifest.sessions.count - 1].state = ending == .completed ? "completed" : "interrupted"
        try manifest.save()

        summary.finish(wallSeconds: wall, written: written)
        print("\(out): \(written) lines written, \(skipped) files already done" + (earlier > 0 ? " (\(earlier) lines from earlier runs)" : "")
              + (cardsOnce > 0 ? "; \(cardsOnce) card\(cardsOnce == 1 ? "" : "s") verified once for both \(cardsOnce == 1 ? "its" : "their") files" : ""))
        print(summary.text())
        return ending
    }

    /// The cross-document facts of a line written by an earlier run (its MRZ parsed again).
    static func facts(of line: BatchLineDigest, options: MRZ.ParsingOptions) -> CrossDocumentFacts? {
        guard line.status == "checked", !line.mrzOnOtherSide, let lines = line.mrz?.lines,
              let zone = try? MRZ.parse(lines: lines, options: options) else {
            return nil
        }
        let name = ((line.input.path ?? "") as NSString).lastPathComponent
        return CrossDocumentFacts(zone: zone, geometry: nil, portrait: line.batch?.portraitHash.flatMap(PortraitHash.init(hex:)),
                                  portraitRegion: nil, label: line.documentOnImage?.naming(name) ?? name)
    }
}
