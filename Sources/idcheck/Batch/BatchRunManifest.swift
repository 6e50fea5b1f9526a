import Foundation

/// The options a results file was started with, stored beside it as `<out>.run.json`
/// (`idcheck.batch-run/1`), with one entry per session (run or resumed run) for throughput.
///
/// A rerun with the same `--out` compares its ``Options`` with the stored ones and refuses to mix
/// results computed differently. `--jobs`, `--labels` and the inputs may change between sessions:
/// they do not change what a line says.
struct BatchRunManifest: Codable, Equatable {
    /// Everything that changes the content of a result line.
    struct Options: Codable, Equatable {
        /// `verify` or `scan`.
        var mode: String
        var checkDate: String
        /// The specimen library's folder and fingerprint (`verify` only).
        var specimens: String?
        var specimensSHA256: String?
        var watchList: String?
        var watchListSHA256: String?
        var timeoutSeconds: Double
        var maxPixels: Int
        /// Absent in manifests written before batch took `--max-file-bytes`.
        var maxFileBytes: Int?
        /// `true` with `--sides-apart` (absent: a card's sides are verified together).
        var sidesApart: Bool?
        var toolVersion: String

        /// Human-readable differences from `other` (the stored options).
        func differences(from stored: Options) -> [String] {
            var out: [String] = []
            func compare<T: Equatable>(_ name: String, _ mine: T?, _ theirs: T?) {
                if mine != theirs {
                    out.append("\(name) was \(theirs.map { "\($0)" } ?? "not given"), now \(mine.map { "\($0)" } ?? "not given")")
                }
            }
            compare("mode", mode, stored.mode)
            compare("check date (--at)", checkDate, stored.checkDate)
            compare("specimen library", specimens, stored.specimens)
            compare("specimen library contents (SHA-256)", specimensSHA256, stored.specimensSHA256)
            compare("watch list", watchList, stored.watchList)
            compare("watch list contents (SHA-256)", watchListSHA256, stored.watchListSHA256)
            compare("--timeout", timeoutSeconds, stored.timeoutSeconds)
            compare("--max-pixels", maxPixels, stored.maxPixels)
            compare("--max-file-bytes", maxFileBytes, stored.maxFileBytes)
            compare("--sides-apart", sidesApart, stored.sidesApart)
            compare("idcheck version", toolVersion, stored.toolVersion)
            return out
        }
    }

    /// One run over the results file.
    struct Session: Codable, Equatable {
        var started: String
        var finished: String?
        var jobs: Int
        var inputs: [String]
        /// Files processed in this session (lines written), files skipped as already done.
        var written: Int
        var skipped: Int
        var wallSeconds: Double
        /// `completed`, `interrupted`, or `running` while it runs (or when it was killed).
        var state: String
    }

    var schema = "idcheck.batch-run/1"
    var output: String
    var options: Options
    var sessions: [Session] = []

    static func path(for output: String) -> String { output + ".run.json" }

    /// The stored manifest, or `nil` when there is none.
    static func load(for output: String) throws(BatchError) -> BatchRunManifest? {
        let path = path(for: output)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(BatchRunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .manifest(path: path, reason: "unreadable run manifest (\(error))")
        }
    }

    /// Writes the manifest atomically (a temporary file renamed over the old one).
    func save() throws(BatchError) {
        let path = Self.path(for: output)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .manifest(path: path, reason: "cannot write the run manifest (\(error))")
        }
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
