import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a side without an MRZ (a card's front, with the photo) on its own image, given how the
/// MRZ's side lies on its image: both sides of a document are scanned at the same resolution, so
/// the MRZ placement's scale carries over; position and a few degrees of turn are searched by
/// correlating the side's reference image (its static print only) with the image, coarse then fine.
///
/// A side scanned at another resolution or a quarter turn away is not found (the photo checks
/// that need it are then skipped).
struct SidePlacementSearch: Sendable {
    /// Correlation the best position needs to be believed.
    var minimumCorrelation = 0.35

    struct Result {
        var placement: DocumentPlacement
        var correlation: Double
    }

    /// Where `side` (reference image `reference`) lies on `image`; `prior` is the MRZ side's
    /// placement on its own image (its scale and angle are reused).
    func locate(_ side: Specimen.Side, reference: Image, on image: Image, prior: DocumentPlacement) -> Result? {
        let m = prior.matrix
        let ex = Point(x: m[0], y: m[3]), ey = Point(x: m[1], y: m[4])
        let sideWidth = ex.length
        guard sideWidth > 40, ey.length > 20 else { return nil }
        let page = GreyPatch(image)
        // Coarse: the side about 90 coarse pixels wide.
        let coarseFactor = max(1, Int(sideWidth / 90))
        let coarsePage = page.shrunk(by: coarseFactor)
        let staticMask = StaticPoints(side: side)
        let angles = stride(from: -3.0, through: 3.0, by: 1.0).map { $0 * .pi / 180 }
        var best: (t: Point, angle: Double, c: Double)?
        for angle in angles {
            let template = Template(reference: reference, ex: ex.rotated(by: angle) * (1 / Double(coarseFactor)),
                                    ey: ey.rotated(by: angle) * (1 / Double(coarseFactor)), mask: staticMask, spacing: 1)
            if let found = template.bestTranslation(on: coarsePage, around: nil, radius: 0), found.c > (best?.c ?? -1) {
                best = (found.t, angle, found.c)
            }
        }
        guard var current = best else { return nil }
        // Fine: the side about 360 pixels wide, a coarse pixel's search either way, half-degree turns.
        let fineFactor = max(1, Int(sideWidth / 360))
        let finePage = page.shrunk(by: fineFactor)
        let ratio = Double(coarseFactor) / Double(fineFactor)
        var fineBest: (t: Point, angle: Double, c: Double)?
        for delta in [-0.5, 0, 0.5].map({ $0 * .pi / 180 }) {
            let angle = current.angle + delta
            let template = Template(reference: reference, ex: ex.rotated(by: angle) * (1 / Double(fineFactor)),
                                    ey: ey.rotated(by: angle) * (1 / Double(fineFactor)), mask: staticMask, spacing: 2)
            let centre = current.t * ratio
            if let found = template.bestTranslation(on: finePage, around: centre, radius: Int(ratio.rounded(.up)) + 1),
               found.c > (fineBest?.c ?? -1) {
                fineBest = (found.t, angle, found.c)
            }
        }
        if let fineBest { current = (fineBest.t * Double(fineFactor), fineBest.angle, fineBest.c) } else { current.t = current.t * Double(coarseFactor) }
        guard current.c >= minimumCorrelation else { return nil }
        let rx = ex.rotated(by: current.angle), ry = ey.rotated(by: current.angle)
        let placement = DocumentPlacement(matrix: [rx.x, ry.x, current.t.x, rx.y, ry.y, current.t.y, 0, 0, 1], method: "reference-search")
        return Result(placement: placement, correlation: current.c)
    }

    /// Relative positions of a side where every document of the model prints the same thing.
    struct StaticPoints {
        let personal: [Specimen.Box]

        init(side: Specimen.Side) {
            let kinds: Set<Specimen.Zone.Kind> = [.photo, .ghostImage, .field, .signature, .mrz]
            personal = side.zones.filter { kinds.contains($0.kind) }.map(\.box)
        }

        func isStatic(x: Double, y: Double) -> Bool {
            !personal.contains { x >= $0.x - 0.01 && x <= $0.x + $0.width + 0.01 && y >= $0.y - 0.01 && y <= $0.y + $0.height + 0.01 }
        }
    }

    /// The reference's static print sampled on a lattice, each sample at its offset (page pixels
    /// of the shrunk page) from where the side's top-left corner lands.
    struct Template {
        var offsets: [Point] = []
        var values: [Double] = []

        init(reference: Image, ex: Point, ey: Point, mask: StaticPoints, spacing: Int) {
            let across = max(8, Int(ex.length / Double(spacing))), down = max(8, Int(ey.length / Double(spacing)))
            let factor = max(1, reference.width / across)
            let small = GreyPatch(reference).shrunk(by: factor)
            for j in 0..<down {
                let v = (Double(j) + 0.5) / Double(down)
                for i in 0..<across {
                    let u = (Double(i) + 0.5) / Double(across)
                    guard mask.isStatic(x: u, y: v) else { continue }
                    let sx = min(small.width - 1, Int(u * Double(small.width))), sy = min(small.height - 1, Int(v * Double(small.height)))
                    offsets.append(ex * u + ey * v)
                    values.append(Double(small[sx, sy]))
                }
            }
        }

        /// The translation (page pixels of the side's top-left) with the highest correlation:
        /// everywhere the side fits when `around` is nil, else within `radius` of it.
        func bestTranslation(on page: GreyPatch, around: Point?, radius: Int) -> (t: Point, c: Double)? {
            guard !offsets.isEmpty else { return nil }
            let minX = offsets.map(\.x).min() ?? 0, maxX = offsets.map(\.x).max() ?? 0
            let minY = offsets.map(\.y).min() ?? 0, maxY = offsets.map(\.y).max() ?? 0
            var xs: ClosedRange<Int>, ys: ClosedRange<Int>
            if let around {
                xs = Int(around.x.rounded()) - radius...Int(around.x.rounded()) + radius
                ys = Int(around.y.rounded()) - radius...Int(around.y.rounded()) + radius
            } else {
                let lowX = Int((-minX).rounded(.up)), highX = Int((Double(page.width - 1) - maxX).rounded(.down))
                let lowY = Int((-minY).rounded(.up)), highY = Int((Double(page.height - 1) - maxY).rounded(.down))
                guard lowX <= highX, lowY <= highY else { return nil }
                xs = lowX...highX
                ys = lowY...highY
            }
            let n = Double(values.count)
            let sb = values.reduce(0, +), sbb = values.reduce(0) { $0 + $1 * $1 }
            let vb = sbb - sb * sb / n
            guard vb > 1e-6 else { return nil }
            // Integer offsets once; the page is sampled at the nearest pixel.
            let ix = offsets.map { Int($0.x.rounded(.down)) }, iy = offsets.map { Int($0.y.rounded(.down)) }
            var best: (t: Point, c: Double)?
            page.values.withUnsafeBufferPointer { p in
                values.withUnsafeBufferPointer { b in
                    for ty in ys {
                        for tx in xs {
                            var sa = 0.0, saa = 0.0, sab = 0.0, count = 0.0
                            for k in 0..<b.count {
                                let x = tx + ix[k], y = ty + iy[k]
                                guard x >= 0, y >= 0, x < page.width, y < page.height else { continue }
                                let a = Double(p[y * page.width + x])
                                sa += a; saa += a * a; sab += a * b[k]; count += 1
                            }
                            guard count == n else { continue }
                            let va = saa - sa * sa / count
                            guard va > 1e-6 else { continue }
                            let c = (sab - sa * sb / n) / (va * vb).squareRoot()
                            if c > (best?.c ?? -2) { best = (Point(x: Double(tx), y: Double(ty)), c) }
                        }
                    }
                }
            }
            return best
        }
    }
}

extension GreyPatch {
    /// Means of `factor × factor` blocks.
    func shrunk(by factor: Int) -> GreyPatch {
        guard factor > 1 else { return self }
        let across = max(1, width / factor), down = max(1, height / factor)
        var result = [Float](repeating: 0, count: across * down)
        let width = self.width, scale = 1 / Float(factor * factor)
        values.withUnsafeBufferPointer { source in
            for cy in 0..<down {
                for cx in 0..<across {
                    var sum: Float = 0
                    for y in cy * factor..<min(height, (cy + 1) * factor) {
                        for x in cx * factor..<min(width, (cx + 1) * factor) { sum += source[y * width + x] }
                    }
                    result[cy * across + cx] = sum * scale
                }
            }
        }
        return GreyPatch(width: across, height: down, values: result)
    }
}

extension Point {
    func rotated(by angle: Double) -> Point {
        let c = cos(angle), s = sin(angle)
        return Point(x: c * x - s * y, y: s * x + c * y)
    }
}
