import IDCheckImaging

/// How a document was scanned or photographed: everything the scan simulator did, so that the
/// labels can say it and a benchmark can bucket by it.
public struct ScanConditions: Sendable, Hashable, Codable {
    /// The buckets of `--conditions`.
    public enum Preset: String, Sendable, Hashable, Codable, CaseIterable {
        /// Flatbed or good photo: 200–600 dpi, skew ≤ 5°, JPEG quality ≥ 60, mild blur and noise.
        case ordinary
        /// Down to 100 dpi (MRZ characters about 10 px), skew to 15°, any quarter turn, JPEG 30–60,
        /// stronger blur, noise, uneven light, photos on a table at an angle.
        case hard
        /// No degradation: the flat document at 300 dpi as PNG.
        case none
    }

    public enum Placement: String, Sendable, Hashable, Codable {
        /// On a flatbed's white page with a margin.
        case scannerPage
        /// Photographed on a table (textured background, perspective).
        case table
        /// Cropped to the document (conditions `none`).
        case cropped
    }

    public var preset: Preset
    public var dotsPerInch: Double
    /// Small rotation in degrees (positive clockwise on the image), after the quarter turn.
    public var skewDegrees: Double
    /// 0, 90, 180 or 270: the document placed sideways or upside down.
    public var quarterTurns: Int
    /// Horizontal shear (tan of the angle) from a slanted scanner or camera.
    public var shear: Double
    /// Projective strength: how far (fraction of the size) the far edge of a photographed document shrinks.
    public var perspective: Double
    public var placement: Placement
    /// Gaussian blur standard deviation in pixels (0: none).
    public var blurSigma: Double
    /// Gaussian noise standard deviation in grey levels.
    public var noiseSigma: Double
    /// Darkening at the darkest corner from uneven light (0: even).
    public var lightFalloff: Double
    /// JPEG quality 1–100, or `nil` for PNG.
    public var jpegQuality: Int?

    /// Draws conditions for one document of `preset`.
    public static func draw(_ preset: Preset, using random: inout SplitMix64) -> ScanConditions {
        switch preset {
        case .none:
            return ScanConditions(preset: .none, dotsPerInch: 300, skewDegrees: 0, quarterTurns: 0, shear: 0, perspective: 0,
                                  placement: .cropped, blurSigma: 0, noiseSigma: 0, lightFalloff: 0, jpegQuality: nil)
        case .ordinary:
            let table = random.chance(0.2)
            return ScanConditions(preset: .ordinary, dotsPerInch: random.uniform(200...600),
                                  skewDegrees: random.uniform(-5...5), quarterTurns: 0,
                                  shear: random.uniform(-0.01...0.01), perspective: table ? random.uniform(0...0.04) : 0,
                                  placement: table ? .table : .scannerPage,
                                  blurSigma: random.uniform(0...0.8), noiseSigma: random.uniform(0...4),
                                  lightFalloff: random.uniform(0...0.12), jpegQuality: random.int(60...95))
        case .hard:
            let table = random.chance(0.5)
            return ScanConditions(preset: .hard, dotsPerInch: random.uniform(100...200),
                                  skewDegrees: random.uniform(-15...15), quarterTurns: random.chance(0.4) ? random.int(1...3) : 0,
                                  shear: random.uniform(-0.03...0.03), perspective: table ? random.uniform(0.02...0.1) : 0,
                                  placement: table ? .table : .scannerPage,
                                  blurSigma: random.uniform(0.4...1.3), noiseSigma: random.uniform(2...9),
                                  lightFalloff: random.uniform(0.05...0.3), jpegQuality: random.int(30...60))
        }
    }
}
