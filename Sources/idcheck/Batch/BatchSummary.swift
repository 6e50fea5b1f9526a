import Foundation

/// The figures at the end of a batch and of `idcheck summarize`: counts per status, verdict,
/// indicator and error code, the cross-document findings, time per file and throughput, and —
/// with the renderer's labels — accuracy per document model and forgery kind.
///
/// Accumulated line by line in constant memory (times go into a logarithmic histogram, 1%
/// wide buckets, for the median), so a summary of a million lines holds no results.
struct BatchSummary: Encodable {
    /// Accuracy of the files of one model (or all), judged against the labels.
    struct ModelAccuracy: Encodable {
        var files = 0
        /// Files whose label has an MRZ (the side the data checks read), and how they were read.
        var mrzSides = 0
        var mrzFound = 0
        var mrzExact = 0
        /// Genuine documents (MRZ side) with a warning or critical verdict: false alarms.
        var genuine = 0
        var genuineAlarms = 0
        /// Forged documents (MRZ side) with a review or suspect verdict.
        var forged = 0
        var forgedFlagged = 0
    }

    /// Detection of one forgery kind (MRZ side of each forged document).
    struct KindAccuracy: Encodable {
        var documents = 0
        /// Verdict review or suspect.
        var flagged = 0
        /// Raised one of the indicators meant for the kind (docs/indicators.md).
        var caught = 0
    }

    var schema = "idcheck.batch-summary/1"
    /// Files with a result: each has one line, or one per document when it shows several.
    var files = 0
    /// Result lines (more than `files` where a file shows several documents).
    var lines = 0
    /// Lines reporting one of several documents on one file (a sheet of a family's papers).
    var documentsSharingAFile = 0
    var statuses: [String: Int] = [:]
    var verdicts: [String: Int] = [:]
    /// Per indicator code: the number of files raising it.
    var indicators: [String: Int] = [:]
    var errors: [String: Int] = [:]
    var crossDocument = ["list.number-reused": 0, "list.portrait-reused": 0, "list.watchlist-hit": 0]
    var timedFiles = 0
    var medianMilliseconds: Double?
    var meanMilliseconds: Double?
    /// This session's (or, for `summarize`, all sessions') result lines written per second of
    /// wall time (one per file; one per document on a file showing several).
    var filesPerSecond: Double?
    var wallSeconds: Double?
    var labelled: Int?
    var accuracy: [String: ModelAccuracy]?
    var forgeryKinds: [String: KindAccuracy]?

    private var histogram = [Int](repeating: 0, count: Self.buckets)
    private var totalMilliseconds = 0.0
    private let labels: BatchLabels?

    private static let buckets = 1200
    private static let smallest = 0.1

    enum CodingKeys: String, CodingKey {
        case schema, files, lines, documentsSharingAFile, statuses, verdicts, indicators, errors, crossDocument, timedFiles, medianMilliseconds, meanMilliseconds
        case filesPerSecond, wallSeconds, labelled, accuracy, forgeryKinds
    }

    init(labels: BatchLabels?) {
        self.labels = labels
        if labels != nil {
            labelled = 0
            accuracy = [:]
            forgeryKinds = [:]
        }
    }

    mutating func add(_ line: BatchLineDigest) {
        lines += 1
        if line.documentOnImage != nil { documentsSharingAFile += 1 }
        if line.startsItsFile { files += 1 }
        statuses[line.status, default: 0] += 1
        if let verdict = line.verdict { verdicts[verdict, default: 0] += 1 }
        let codes = Set((line.indicators ?? []).map(\.code))
        for code in codes {
            indicators[code, default: 0] += 1
            if crossDocument[code] != nil { crossDocument[code, default: 0] += 1 }
        }
        if let error = line.error { errors[error.code, default: 0] += 1 }
        if let ms = line.batch?.elapsedMs, ms >= 0 {
            timedFiles += 1
            totalMilliseconds += ms
            histogram[Self.bucket(ms)] += 1
        }
        // A label describes the one document its file shows: on a sheet of several, the first.
        if let labels, line.startsItsFile, let path = line.input.path, let label = labels.label(for: path) {
            labelled = (labelled ?? 0) + 1
            add(line, label: label, codes: codes)
        }
    }

    private mutating func add(_ line: BatchLineDigest, label: BatchLabels.Label, codes: Set<String>) {
        var models = accuracy ?? [:]
        for key in [label.model, "all"] {
            var entry = models[key] ?? ModelAccuracy()
            entry.files += 1
            if let truth = label.mrz {
                entry.mrzSides += 1
                if line.mrzFound { entry.mrzFound += 1 }
                if line.mrzLines == truth.lines { entry.mrzExact += 1 }
                let flagged = line.verdict == "review" || line.verdict == "suspect" || (line.mrzs != nil && line.mrz == nil
                    && (line.mrzs ?? []).contains { $0.report.status != "valid" })
                if label.genuine {
                    entry.genuine += 1
                    if flagged { entry.genuineAlarms += 1 }
                } else {
                    entry.forged += 1
                    if flagged { entry.forgedFlagged += 1 }
                }
            }
            models[key] = entry
        }
        accuracy = models
        guard label.mrz != nil, !label.genuine else { return }
        var kinds = forgeryKinds ?? [:]
        for kind in label.forgery?.kinds ?? [] {
            var entry = kinds[kind] ?? KindAccuracy()
            entry.documents += 1
            if line.verdict == "review" || line.verdict == "suspect" { entry.flagged += 1 }
            if !(BatchLabels.meant[kind] ?? []).isDisjoint(with: codes) { entry.caught += 1 }
            kinds[kind] = entry
        }
        forgeryKinds = kinds
    }

    /// Fills the derived figures; `wallSeconds` and `written` give the throughput.
    mutating func finish(wallSeconds: Double?, written: Int?) {
        if timedFiles > 0 {
            meanMilliseconds = (totalMilliseconds / Double(timedFiles) * 10).rounded() / 10
            var seen = 0
            for (bucket, count) in histogram.enumerated() {
                seen += count
                if seen * 2 >= timedFiles {
                    medianMilliseconds = (Self.value(bucket) * 10).rounded() / 10
                    break
                }
            }
        }
        if let wallSeconds, let written, wallSeconds > 0 {
            self.wallSeconds = (wallSeconds * 100).rounded() / 100
            filesPerSecond = (Double(written) / wallSeconds * 100).rounded() / 100
        }
    }

    private static func bucket(_ ms: Double) -> Int {
        guard ms > smallest else { return 0 }
        return min(buckets - 1, Int((log(ms / smallest) / log(1.01)).rounded()))
    }

    private static func value(_ bucket: Int) -> Double { smallest * pow(1.01, Double(bucket)) }

    // MARK: Text

    func text() -> String {
        var out: [String] = []
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f%% (%d/%d)", Double(part) * 100 / Double(whole), part, whole)
        }
        func counts(_ values: [String: Int]) -> String {
            values.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ")
        }
        let sharing = documentsSharingAFile > 0 ? " (\(lines) lines: \(documentsSharingAFile) documents share a file with others, a line each)" : ""
        out.append("Files: \(files)\(sharing) — " + counts(statuses))
        if !verdicts.isEmpty { out.append("Verdicts: " + counts(verdicts)) }
        if !errors.isEmpty { out.append("Errors: " + counts(errors)) }
        out.append("Across the batch: same number with another holder \(crossDocument["list.number-reused"] ?? 0), "
            + "same portrait with another holder \(crossDocument["list.portrait-reused"] ?? 0), "
            + "on the watch list \(crossDocument["list.watchlist-hit"] ?? 0)")
        if !indicators.isEmpty {
            out.append("Indicators (lines raising each):")
            for (code, count) in indicators.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                out.append("  \(code.padding(toLength: 34, withPad: " ", startingAt: 0)) \(count)")
            }
        }
        var timing: [String] = []
        if let medianMilliseconds { timing.append(String(format: "median %.1f ms per file", medianMilliseconds)) }
        if let meanMilliseconds { timing.append(String(format: "mean %.1f ms", meanMilliseconds)) }
        if let filesPerSecond, let wallSeconds { timing.append(String(format: "%.2f files/s over %.1f s of wall time", filesPerSecond, wallSeconds)) }
        if !timing.isEmpty { out.append("Time: " + timing.joined(separator: ", ")) }
        if let accuracy, let labelled {
            out.append("Accuracy against the labels (\(labelled) of \(files) files labelled; MRZ side of each document):")
            out.append("  model           files  MRZ found        MRZ exact        false alarms (genuine)  forged flagged")
            for (model, entry) in accuracy.sorted(by: { ($0.key == "all" ? "~" : $0.key) < ($1.key == "all" ? "~" : $1.key) }) {
                out.append("  " + model.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(format: " %6d  ", entry.files)
                    + percent(entry.mrzFound, entry.mrzSides).padding(toLength: 15, withPad: " ", startingAt: 0) + "  "
                    + percent(entry.mrzExact, entry.mrzSides).padding(toLength: 15, withPad: " ", startingAt: 0) + "  "
                    + percent(entry.genuineAlarms, entry.genuine).padding(toLength: 22, withPad: " ", startingAt: 0) + "  "
                    + percent(entry.forgedFlagged, entry.forged))
            }
            if let forgeryKinds, !forgeryKinds.isEmpty {
                out.append("  forgery kind                         documents  flagged            caught by its indicators")
                for (kind, entry) in forgeryKinds.sorted(by: { $0.key < $1.key }) {
                    out.append("  " + kind.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: " %9d  ", entry.documents)
                        + percent(entry.flagged, entry.documents).padding(toLength: 17, withPad: " ", startingAt: 0) + "  "
                        + percent(entry.caught, entry.documents))
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
