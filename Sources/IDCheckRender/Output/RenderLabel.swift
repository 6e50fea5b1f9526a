import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// The full truth about one rendered file: one line of `labels.jsonl` (schema
/// `idcheck.render-label/1`, documented in docs/render-labels.md). Checks never read it; tests
/// and benchmarks compare what the checks found with it.
public struct RenderLabel: Sendable, Codable {
    public var schema = "idcheck.render-label/1"
    /// The image file name, relative to the output folder.
    public var file: String
    /// The document's index in the run (its sides share it) and the run's seed.
    public var document: Int
    public var seed: UInt64
    /// The model the document claims to be (its MRZ and data follow this model's rules).
    public var model: String
    /// The model whose layout was printed (differs from `model` only for `other-model-layout`).
    public var layoutModel: String
    public var side: String
    public var genuine: Bool
    /// The day the document is examined (genuine documents are valid on it), ISO.
    public var checkDate: String
    /// The MRZ as printed on this side, or `nil` on a side without one.
    public var mrz: MRZTruth?
    /// The personal data the document carries (after a forgery that changes data; the visual-zone
    /// overrides and MRZ-only changes are in `printed`, `mrz` and `forgery.details`).
    public var data: DocumentData
    /// The visual-zone fields as printed on this side, with polygons in image pixels.
    public var printed: [PrintedFieldTruth]
    /// Every zone of the side, with its polygon in image pixels.
    public var zones: [ZoneTruth]
    /// The document's outline in image pixels (clockwise from the document's own top-left).
    public var documentPolygon: [Point]
    public var portrait: Portrait
    public var ghostPortrait: Portrait?
    public var scan: ScanTruth
    public var forgery: ForgeryTruth?

    public struct MRZTruth: Sendable, Codable {
        public var format: MRZ.Format
        public var lines: [String]
        /// Around the characters, image pixels, clockwise from the MRZ's own top-left.
        public var polygon: [Point]
        /// Cap height and character pitch in image pixels (along the text).
        public var characterHeight: Double
        public var pitch: Double
        /// The font file the MRZ was printed in.
        public var font: String
    }

    public struct ZoneTruth: Sendable, Codable {
        public var id: String
        public var kind: Specimen.Zone.Kind
        public var polygon: [Point]
    }

    public struct ScanTruth: Sendable, Codable {
        public var conditions: ScanConditions
        public var imageWidth: Int
        public var imageHeight: Int
        /// `jpeg` or `png`.
        public var format: String
        /// Flat side pixels at `renderDotsPerInch` → image pixels (row-major 3 × 3).
        public var transform: Homography
        public var renderDotsPerInch: Double
    }

    public struct ForgeryTruth: Sendable, Codable {
        /// Stable forgery kind identifiers (see docs/indicators.md).
        public var kinds: [ForgeryKind]
        /// IDs of the zones the forgery touched (`mrz`, `surname`, `photo`, …).
        public var zones: [String]
        /// What exactly was changed, in words a person can check against the image.
        public var details: [String]
        /// Image-pixel polygons of the altered regions (splices, substituted photos).
        public var regions: [[Point]]
    }
}

extension Homography {
    func apply(_ polygon: [Point]) -> [Point] { polygon.map { apply($0).rounded() } }
}

extension Point {
    /// Hundredths of a pixel are plenty in labels and keep them short.
    func rounded() -> Point { Point(x: (x * 100).rounded() / 100, y: (y * 100).rounded() / 100) }
}
