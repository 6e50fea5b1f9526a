import ArgumentParser
import Dispatch
import Foundation
import IDCheck
import IDCheckMRZ
import IDCheckRender
import IDCheckSpecimens

/// `idcheck render`: fictional documents of the bundled models, genuine or forged, scanned under
/// drawn conditions, with `labels.jsonl` (the full truth per file) and `watchlist.csv`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render fictional Utopia documents (genuine or forged) with their ground truth.",
        discussion: """
            Writes one image per document side, labels.jsonl (one idcheck.render-label/1 object per \
            file, see docs/render-labels.md) and, when a forgery needs one, watchlist.csv \
            (issuingState,documentNumber,date,source). The same seed gives the same bytes. \
            Forgery kinds: \(ForgeryKind.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              idcheck render --specimen UTO-P-2020 --count 100 --seed 1 --out /tmp/passports
              idcheck render --specimen UTO-P-2020 --specimen UTO-ID-2021 --specimen UTO-V-2018 \\
                --count 1000 --seed 7 --conditions hard --out /tmp/hard
              idcheck render --specimen UTO-ID-2021 --count 200 --seed 3 --forge mix --out /tmp/mixed
            """)

    @Option(name: .customLong("specimen"), help: "Model ID (repeat for several; document i is of model i mod count), or 'all'.")
    var specimenIDs: [String] = []

    @Option(help: "Number of documents.")
    var count = 10

    @Option(help: "Seed of the run (document i uses a stream derived from the seed and i).")
    var seed: UInt64 = 1

    @Option(help: "Output folder (created if missing).")
    var out: String = "."

    @Option(help: "none, mix (half genuine, half one kind drawn uniformly) or a forgery kind.")
    var forge = "none"

    @Option(help: "Scan conditions: ordinary, hard or none (flat 300 dpi PNG).")
    var conditions = "ordinary"

    @Option(help: "The day the documents are examined (yyyy-mm-dd); genuine documents are valid on it.")
    var checkDate = DocumentRenderer.defaultCheckDate?.description ?? "2025-06-30"

    @Option(help: "Specimen library folder (default: $IDCHECK_SPECIMENS, then the bundled specimens/).")
    var specimens: String?

    @Option(help: "Documents rendered in parallel (default: the number of processors).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Cap the scan resolution (dots per inch), e.g. for a small sample.")
    var maxDPI: Double?

    @Flag(help: "Write each model's reference images into the specimen library (one genuine document, flat, seed --seed) instead of a run.")
    var writeReferences = false

    func validate() throws {
        if specimenIDs.isEmpty { throw ValidationError("Give --specimen MODEL-ID (or 'all').") }
        if writeReferences { return }
        if count < 1 { throw ValidationError("--count must be at least 1.") }
        if ForgeryChoice(argument: forge) == nil {
            throw ValidationError("--forge must be none, mix or one of: \(ForgeryKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if ScanConditions.Preset(rawValue: conditions) == nil { throw ValidationError("--conditions must be ordinary, hard or none.") }
        if MRZ.CalendarDate(iso: checkDate) == nil { throw ValidationError("--check-date must be yyyy-mm-dd.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        var standardError = StandardError()
        let library: SpecimenLibrary
        do {
            // The renderer draws from the descriptions alone: it is what makes the reference images.
            library = try SpecimenLibrary.load(explicit: specimens, requireReferenceImages: false)
            for problem in library.problems { print("warning: \(problem)", to: &standardError) }
        } catch {
            print("error: \(error)", to: &standardError)
            throw ExitCode(2)
        }
        let ids = specimenIDs == ["all"] ? library.specimens.filter { $0.rendering != nil }.map(\.id) : specimenIDs
        for id in ids where library[id] == nil {
            throw ValidationError("No model \(id) in \(library.location.directory); models: \(library.ids.joined(separator: ", ")).")
        }
        guard let forgeChoice = ForgeryChoice(argument: forge), let preset = ScanConditions.Preset(rawValue: conditions),
              let date = MRZ.CalendarDate(iso: checkDate) else { throw ExitCode(64) }
        let renderer = DocumentRenderer(library: library, checkDate: date)
        if writeReferences {
            try writeReferenceImages(ids: ids, library: library, renderer: renderer)
            return
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

        var labels = Data()
        var watchlist: [WatchlistEntry] = []
        var files = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let chunk = max(1, jobs * 2)
        var first = 0
        while first < count {
            let last = min(count, first + chunk)
            let results = ResultSlots(count: last - first)
            let (seed, count, chunkStart, maxDPI) = (self.seed, self.count, first, self.maxDPI)
            DispatchQueue.concurrentPerform(iterations: last - first) { offset in
                let index = chunkStart + offset
                results.set(offset, Result { () throws(RenderError) -> RenderedDocument in
                    try renderer.render(specimens: ids, seed: seed, index: index, count: count, forge: forgeChoice, conditions: preset,
                                        maxDotsPerInch: maxDPI)
                })
            }
            for result in results.values {
                let document: RenderedDocument
                switch result {
                case .success(let value): document = value
                case .failure(let error):
                    print("error: \(error)", to: &standardError)
                    throw ExitCode(2)
                case nil: throw ExitCode(2)
                }
                for file in document.files {
                    try Data(file.bytes).write(to: URL(fileURLWithPath: out + "/" + file.name), options: .atomic)
                    labels.append(try encoder.encode(file.label))
                    labels.append(0x0A)
                    files += 1
                }
                watchlist += document.watchlist
            }
            first = last
            print("\r\(first)/\(count) documents", terminator: "", to: &standardError)
        }
        try labels.write(to: URL(fileURLWithPath: out + "/labels.jsonl"), options: .atomic)
        if !watchlist.isEmpty || forgeChoice != .none {
            // Decoys: listed numbers of the model that no document of the run carries.
            var random = SplitMix64(seed: seed, index: UInt64.max)
            var lines = [WatchlistEntry.header] + watchlist.map(\.csvLine)
            for index in 0..<max(5, watchlist.count) {
                let id = ids[index % ids.count]
                if let entry = renderer.decoyWatchlistEntry(specimenID: id, random: &random) { lines.append(entry.csvLine) }
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: out + "/watchlist.csv"), options: .atomic)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\rrendered \(count) documents (\(files) images) in \(String(format: "%.2f", seconds)) s: "
              + "\(String(format: "%.1f", Double(count) / max(seconds, 1e-9))) documents/s, \(jobs) jobs", to: &standardError)
    }
}

/// Results of one parallel chunk, written from several threads into distinct slots.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<RenderedDocument, RenderError>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<RenderedDocument, RenderError>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

extension Render {
    /// The reference image of every side of each model: a genuine document rendered flat at
    /// 300 dpi, saved under the name the description gives (`.jpg`: JPEG quality 92, else PNG).
    func writeReferenceImages(ids: [String], library: SpecimenLibrary, renderer: DocumentRenderer) throws {
        for id in ids {
            guard let specimen = library[id] else { continue }
            let document = try renderer.render(specimenID: id, seed: seed, index: 0, count: 1, forge: .none, conditions: .none)
            for (side, file) in zip(specimen.sides, document.files) {
                let image = try ImageDecoder().decode(file.bytes).image
                let path = specimen.referencePath(of: side)
                let bytes = path.hasSuffix(".png") ? try ImageEncoder.png(image, dotsPerInch: 300)
                    : try ImageEncoder.jpeg(image, quality: 92, dotsPerInch: 300)
                try ImageEncoder.write(bytes, to: path)
                print("wrote \(path)")
            }
        }
    }
}
