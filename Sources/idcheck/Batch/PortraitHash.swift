import Foundation
import IDCheck

/// A perceptual hash of the portrait on a document, to notice the same photo on documents of
/// different holders within a batch.
///
/// Where: the identified model's photo zone on the side carrying the MRZ, placed on the image by
/// the examination's ``DocumentPlacement`` (estimated from the MRZ). Without an identified model,
/// a TD3 (passport) MRZ stands for a generic ICAO 9303 data page: the portrait at the left, above
/// the MRZ (``genericTD3Photo`` relative to ``genericTD3MRZ``). Cards carry the MRZ on the back
/// and the photo on the front, which is another file: they get no hash.
///
/// How (the classic DCT hash): the zone is sampled upright onto 32 × 32 cells, each the mean of
/// 4 × 4 bilinear samples (so the scan's resolution, skew and noise matter little); the 8 × 8
/// lowest frequencies of its DCT-II, without the mean, are compared with their median: 63 bits,
/// one per coefficient above the median. Brightness and contrast do not change the bits.
///
/// What it can and cannot do (measured on rendered UTO passports and visas, NOTES-batch.md): the
/// same photo image pasted onto another document, or the same document scanned alike, comes
/// within 0–2 bits; the renderer's synthetic faces share their layout, so *different* faces can
/// come as close as 6 bits, and the *same* face scanned under other conditions (skew, perspective,
/// another resolution, placed through the MRZ estimate) can drift 2–34 bits apart. Hence the
/// strict ``sameThreshold``: it finds a reused photo image, not a person photographed twice.
struct PortraitHash: Sendable, Hashable, CustomStringConvertible {
    let bits: UInt64

    /// Hashes at most this many bits apart count as the same portrait.
    static let sameThreshold = 4

    /// The photo of a generic TD3 data page, relative to the page (ICAO 9303 Part 4 zone V, left).
    static let genericTD3Photo = Specimen.Box(x: 0.04, y: 0.17, width: 0.25, height: 0.47)
    /// The MRZ of a generic TD3 data page, relative to the page.
    static let genericTD3MRZ = Specimen.Box(x: 0.053, y: 0.8307, width: 0.8941, height: 0.1182)

    init(bits: UInt64) { self.bits = bits }

    init?(hex: String) {
        guard let bits = UInt64(hex, radix: 16) else { return nil }
        self.bits = bits
    }

    var description: String {
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    func distance(to other: PortraitHash) -> Int { (bits ^ other.bits).nonzeroBitCount }

    /// Share of the photo zone's width and height left out on each side: genuine documents print
    /// a security overprint (seal, fine lines) across the photo's border, the same on every
    /// document of a model, which would pull different faces' hashes together.
    static let borderInset = 0.15

    /// The inner part of the photo zone of an examined document on its image, or `nil` when it
    /// cannot be placed.
    static func photoRegion(of examination: Examination) -> (placement: DocumentPlacement, box: Specimen.Box)? {
        if let placement = examination.placement, let photo = examination.model?.mrzSide?.zones(of: .photo).first {
            return (placement, inner(photo.box))
        }
        guard examination.model == nil, let zone = examination.zone, zone.format == .td3,
              let geometry = examination.mrzGeometry,
              let placement = DocumentPlacement.estimated(mrzLocation: geometry.location, mrzBox: genericTD3MRZ) else { return nil }
        return (placement, inner(genericTD3Photo))
    }

    private static func inner(_ box: Specimen.Box) -> Specimen.Box {
        Specimen.Box(x: box.x + box.width * borderInset, y: box.y + box.height * borderInset,
                     width: box.width * (1 - 2 * borderInset), height: box.height * (1 - 2 * borderInset))
    }

    /// The hash of `box` (relative to the side) placed on `image` by `placement`; `nil` when more
    /// than a tenth of the zone lies outside the image.
    static func compute(image: Image, placement: DocumentPlacement, box: Specimen.Box) -> PortraitHash? {
        let gray = image.format == .gray ? image : image.converted(to: .gray)
        let size = 32, sub = 4
        var cells = [Double](repeating: 0, count: size * size)
        var outside = 0
        gray.withUnsafeBytes { pixels in
            let width = gray.width, height = gray.height, stride = gray.stride
            for cy in 0..<size {
                for cx in 0..<size {
                    var sum = 0.0
                    for sy in 0..<sub {
                        for sx in 0..<sub {
                            let u = (Double(cx) + (Double(sx) + 0.5) / Double(sub)) / Double(size)
                            let v = (Double(cy) + (Double(sy) + 0.5) / Double(sub)) / Double(size)
                            let p = placement.point(x: box.x + u * box.width, y: box.y + v * box.height)
                            let x = p.x - 0.5, y = p.y - 0.5
                            guard x >= 0, y >= 0, x < Double(width - 1), y < Double(height - 1) else {
                                outside += 1
                                sum += 255
                                continue
                            }
                            let x0 = Int(x), y0 = Int(y), fx = x - Double(x0), fy = y - Double(y0)
                            let a = Double(pixels[y0 * stride + x0]), b = Double(pixels[y0 * stride + x0 + 1])
                            let c = Double(pixels[(y0 + 1) * stride + x0]), d = Double(pixels[(y0 + 1) * stride + x0 + 1])
                            let top = a + (b - a) * fx, bottom = c + (d - c) * fx
                            sum += top + (bottom - top) * fy
                        }
                    }
                    cells[cy * size + cx] = sum / Double(sub * sub)
                }
            }
        }
        guard outside * 10 <= size * size * sub * sub else { return nil }
        return PortraitHash(cells: cells, size: size)
    }

    /// The DCT hash of `size × size` cell means.
    private init(cells: [Double], size: Int) {
        let frequencies = 8
        var cosines = [Double](repeating: 0, count: frequencies * size)
        for u in 0..<frequencies {
            for x in 0..<size { cosines[u * size + x] = cos(Double.pi * Double(2 * x + 1) * Double(u) / Double(2 * size)) }
        }
        // Rows first (size × frequencies), then columns (frequencies × frequencies).
        var rows = [Double](repeating: 0, count: size * frequencies)
        for y in 0..<size {
            for u in 0..<frequencies {
                var sum = 0.0
                for x in 0..<size { sum += cells[y * size + x] * cosines[u * size + x] }
                rows[y * frequencies + u] = sum
            }
        }
        var coefficients: [Double] = []
        coefficients.reserveCapacity(frequencies * frequencies - 1)
        for v in 0..<frequencies {
            for u in 0..<frequencies where u + v > 0 {
                var sum = 0.0
                for y in 0..<size { sum += rows[y * frequencies + u] * cosines[v * size + y] }
                coefficients.append(sum)
            }
        }
        let median = coefficients.sorted()[coefficients.count / 2]
        var bits: UInt64 = 0
        for (index, value) in coefficients.enumerated() where value > median { bits |= 1 << UInt64(index) }
        self.bits = bits
    }
}
