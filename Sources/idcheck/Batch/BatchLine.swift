import Foundation
import IDCheck

/// A result line of `idcheck batch`: the same object `idcheck verify --json` or `idcheck scan
/// --json` writes for the file, plus a `batch` object (docs/schemas/batch.md):
/// `elapsedMs` (the file's wall time on its worker; absent for timeouts) and `portraitHash` (the
/// ``PortraitHash`` the cross-document check used, 64 hex digits).
struct BatchLine: Encodable {
    struct Extra: Codable {
        var elapsedMs: Double?
        var portraitHash: String?
    }

    var result: BatchItemResult

    private enum Keys: String, CodingKey { case batch }

    func encode(to encoder: any Encoder) throws {
        switch result.report {
        case .verify(let report): try report.encode(to: encoder)
        case .scan(let report): try report.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Extra(elapsedMs: result.elapsedMilliseconds, portraitHash: result.facts?.portrait?.description), forKey: .batch)
    }

    func json() throws -> String { try JSONOutput.line(self) }
}

/// What `batch` (to resume) and `summarize` read back from a result line; everything else in
/// the line is left alone.
struct BatchLineDigest: Decodable {
    struct Input: Decodable {
        var path: String?
        var sha256: String
    }

    struct MRZDigest: Decodable {
        var status: String?
        var lines: [String]?
    }

    struct ScanMRZDigest: Decodable {
        var report: MRZDigest
    }

    struct IndicatorDigest: Decodable {
        var code: String
        var severity: String
    }

    struct ErrorDigest: Decodable {
        var code: String
    }

    struct PageDigest: Decodable {
        var mrzFound: Bool?
    }

    struct ModelDigest: Decodable {
        var status: String
        var id: String?
    }

    var schema: String
    var input: Input
    /// `verify`'s images of the document: more than one for a card verified with its other side.
    var inputs: [PageDigest]?
    var status: String
    var verdict: String?
    var model: ModelDigest?
    var mrz: MRZDigest?
    var mrzs: [ScanMRZDigest]?
    var indicators: [IndicatorDigest]?
    var error: ErrorDigest?
    var batch: BatchLine.Extra?
    /// Which document of its file the line reports, when the file shows several (each has a line).
    var documentOnImage: VerifyReport.DocumentOnImage?

    /// Reads a line; `nil` when it is not a result of `verify` or `scan`.
    static func decode(_ bytes: ArraySlice<UInt8>) -> BatchLineDigest? {
        guard let digest = try? JSONDecoder().decode(BatchLineDigest.self, from: Data(bytes)),
              digest.schema == "idcheck.verify/1" || digest.schema == "idcheck.scan/1" else { return nil }
        return digest
    }

    /// The MRZ lines as read (corrected): the document's for `verify`, the first MRZ's for `scan`.
    var mrzLines: [String]? { mrz?.lines ?? mrzs?.first?.report.lines }

    /// Whether the line's document holds its MRZ on another file than the line's own (a card
    /// side verified with its other side): that file's line speaks for the document.
    var mrzOnOtherSide: Bool { (inputs?.count ?? 0) > 1 && inputs?.first?.mrzFound == false }

    /// Whether the line is the first of its file's (or its only one).
    var startsItsFile: Bool { (documentOnImage?.number ?? 1) == 1 }

    /// Whether the line is the last of its file's (a file showing several documents has a line
    /// for each, written together).
    var endsItsFile: Bool { documentOnImage.map { $0.number >= $0.of } ?? true }

    /// Whether an MRZ was found at all.
    var mrzFound: Bool { mrz != nil || !(mrzs ?? []).isEmpty }
}
