import ArgumentParser
import Foundation
import IDCheck

/// `idcheck summarize`: the summary of a batch's results file, read line by line in constant
/// memory — the same figures `idcheck batch` prints at its end, over every session.
struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize a results file of idcheck batch: verdicts, indicators, errors, throughput, accuracy.",
        discussion: """
            Counts per status, verdict, indicator and error code; the cross-document findings \
            (same number or same portrait with another holder, watch-list hits); median time per \
            file; throughput over the sessions recorded in <results>.run.json; with --labels (the \
            renderer's labels.jsonl) the MRZ read rate and detection per document model and \
            forgery kind.

            Examples:
              idcheck summarize results.jsonl
              idcheck summarize results.jsonl --labels rendered/labels.jsonl --json
            """)

    @Argument(help: ArgumentHelp("A results file of idcheck batch.", valueName: "results.jsonl"))
    var results: String

    @Option(help: ArgumentHelp("The renderer's labels.jsonl, for accuracy per model and forgery kind.", valueName: "labels.jsonl"))
    var labels: String?

    @Flag(help: "Print the summary as one JSON object (idcheck.batch-summary/1, see docs/schemas/batch.md).")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: results) else { throw ValidationError("\(results): no such file") }
        var summary: BatchSummary
        var manifest: BatchRunManifest?
        do {
            summary = BatchSummary(labels: try labels.map { try BatchLabels(path: $0) })
            manifest = try BatchRunManifest.load(for: results)
        } catch {
            throw ValidationError("\(error)")
        }
        var skippedLines = 0
        do {
            let file = try BatchResultFile(readingPath: results)
            try file.forEachLine { (_: Int, bytes: ArraySlice<UInt8>) throws(BatchError) in
                if let line = BatchLineDigest.decode(bytes) { summary.add(line) } else { skippedLines += 1 }
            }
        } catch {
            throw ValidationError("\(error)")
        }
        let sessions = manifest?.sessions ?? []
        summary.finish(wallSeconds: sessions.isEmpty ? nil : sessions.map(\.wallSeconds).reduce(0, +),
                       written: sessions.isEmpty ? nil : sessions.map(\.written).reduce(0, +))
        if json {
            try JSONOutput.print(summary)
        } else {
            if let manifest {
                let states = sessions.map(\.state)
                print("\(results): \(manifest.options.mode), check date \(manifest.options.checkDate), \(sessions.count) session(s): "
                    + states.joined(separator: ", "))
            }
            print(summary.text())
        }
        if skippedLines > 0 {
            var standardError = StandardError()
            print("idcheck summarize: \(skippedLines) lines are not results of idcheck verify or scan and were not counted", to: &standardError)
        }
    }
}
