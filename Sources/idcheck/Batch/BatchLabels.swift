import Foundation

/// The renderer's ground truth (`labels.jsonl`, docs/render-labels.md), read for `--labels`:
/// per image file name, the model, whether it is genuine, the forgery kinds and the MRZ as printed.
struct BatchLabels {
    struct Label: Decodable {
        struct MRZTruth: Decodable {
            var lines: [String]
        }

        struct Forgery: Decodable {
            var kinds: [String]
        }

        var file: String
        var model: String
        var genuine: Bool
        var mrz: MRZTruth?
        var forgery: Forgery?
    }

    /// Indicator codes meant to catch each forgery kind: docs/indicators.md ("Forgery kinds and
    /// the indicators that must catch them"), with the data-level codes that also catch a kind
    /// (as benchmarks/verify-data-checks.sh counts them).
    static let meant: [String: Set<String>] = [
        "mrz-altered-check-digit-broken": ["mrz.check-digit", "mrz.composite", "mrz.corrected.check-digit", "model.document-number"],
        "mrz-altered-check-digit-recomputed": ["viz.mrz-mismatch", "model.validity-period", "model.document-number", "date.birth-after-issue"],
        "viz-mrz-mismatch": ["viz.mrz-mismatch"],
        "photo-substituted": ["photo.substituted"],
        "other-model-layout": ["layout.other-model", "model.document-number", "model.validity-period"],
        "mrz-wrong-font": ["mrz.font"],
        "impossible-dates": ["date.expired", "date.birth-after-issue", "model.validity-period", "date.impossible", "date.expiry-before-birth"],
        "spliced-region": ["tamper.local", "viz.mrz-mismatch"],
        "watchlisted": ["list.watchlist-hit"],
        "number-reused": ["list.number-reused"],
    ]

    private var byFile: [String: Label] = [:]

    /// Reads a labels file; a line that is not a label is a usage error naming the line.
    init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BatchError.missingInput(path)
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                let label = try JSONDecoder().decode(Label.self, from: Data(line.utf8))
                byFile[label.file] = label
            } catch {
                throw BatchError.manifest(path: "\(path):\(number + 1)", reason: "not a render label (\(error))")
            }
        }
    }

    var count: Int { byFile.count }

    /// The label of a result's file, matched by file name.
    func label(for path: String) -> Label? {
        byFile[(path as NSString).lastPathComponent]
    }
}
