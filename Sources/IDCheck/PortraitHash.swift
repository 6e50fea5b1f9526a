import Foundation
import IDCheckForensics
import IDCheckImaging
import IDCheckSpecimens

/// A perceptual hash of the portrait on a document, to notice the same photo on documents of
/// different holders within a batch.
///
/// Where: the identified model's photo zone on the side carrying the MRZ, placed on the image by
/// the examination's ``DocumentPlacement`` (estimated from the MRZ). Without an identified model,
/// a TD3 (passport) MRZ stands for a generic ICAO 9303 data page: the portrait at the left, above
/// the MRZ (``genericTD3Photo`` relative to ``genericTD3MRZ``). Cards carry the MRZ on the back
/// and the photo on the front, which is another file: they get no hash.
///
/// How (a DCT hash): the zone is sampled upright onto 32 × 32 cells, each the mean of 4 × 4
/// bilinear samples (so the scan's resolution, skew and noise matter little); the 16 × 16 lowest
/// frequencies of its DCT-II, without the mean, are compared with their median: 255 bits, one per
/// coefficient above the median. Brightness and contrast do not change the bits.
///
/// Why 16 × 16 and not the classic 8 × 8 (63 bits): portraits share their layout (a head and
/// shoulders, centred, on a plain ground, as ICAO 9303 asks), and the lowest frequencies mostly
/// say that. On the visual benchmark's 1,000 genuine documents (600 hashed pages, 180,000 pairs
/// of different faces) the 63-bit hash put 149 pairs of different faces within 4 bits, and a
/// batch over them raised `list.portrait-reused` on 96 genuine documents; with 255 bits no two
/// different faces came closer than 14 bits (2 pairs within 16). The same portrait scanned
/// under ordinary and under hard conditions (blur, 110–180 dpi, photographed on a table) comes
/// 4–50 bits apart, median 14: ``sameThreshold`` finds a reused photo image scanned alike (a
/// copy pasted onto another document: within a few bits), and some across scanners, not a person
/// photographed twice.
public struct PortraitHash: Sendable, Hashable, CustomStringConvertible {
    /// The 255 bits, coefficient `i` (in row order of the 16 × 16 block, the mean left out) at
    /// bit `i % 64` of word `i / 64`.
    public let words: SIMD4<UInt64>

    /// Bits hashed.
    public static let bitCount = 255
    /// Hashes at most this many bits apart count as the same portrait (different faces of the
    /// benchmark: 14 bits apart at the closest).
    public static let sameThreshold = 8

    /// The photo of a generic TD3 data page, relative to the page (ICAO 9303 Part 4 zone V, left).
    public static let genericTD3Photo = Specimen.Box(x: 0.04, y: 0.17, width: 0.25, height: 0.47)
    /// The MRZ of a generic TD3 data page, relative to the page.
    public static let genericTD3MRZ = Specimen.Box(x: 0.053, y: 0.8307, width: 0.8941, height: 0.1182)

    public init(words: SIMD4<UInt64>) { self.words = words }

    /// The hash as ``description`` writes it (64 hex digits); `nil` for anything else, such as
    /// the 16 digits of the 63-bit hash of earlier versions.
    public init?(hex: String) {
        guard hex.count == 64 else { return nil }
        var words = SIMD4<UInt64>()
        var rest = Substring(hex)
        for index in 0..<4 {
            guard let word = UInt64(rest.prefix(16), radix: 16) else { return nil }
            words[index] = word
            rest = rest.dropFirst(16)
        }
        self.words = words
    }

    public var description: String {
        (0..<4).map { index in
            let hex = String(words[index], radix: 16)
            return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        }.joined()
    }

    public func distance(to other: PortraitHash) -> Int {
        let differing = words ^ other.words
        return (0..<4).reduce(0) { $0 + differing[$1].nonzeroBitCount }
    }

    /// Bits `start ..< start + count` (count ≤ 64) as a number: a band of the index.
    public func bits(from start: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<count {
            let bit = start + offset
            if words[bit / 64] >> UInt64(bit % 64) & 1 == 1 { value |= 1 << UInt64(offset) }
        }
        return value
    }

    /// Share of the photo zone's width and height left out on each side: genuine documents print
    /// a security overprint (seal, fine lines) across the photo's border, the same on every
    /// document of a model, which would pull different faces' hashes together.
    public static let borderInset = 0.15

    /// The inner part of the photo zone of an examined document on its image, or `nil` when it
    /// cannot be placed.
    public static func photoRegion(of examination: Examination) -> (placement: DocumentPlacement, box: Specimen.Box)? {
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
    public static func compute(image: Image, placement: DocumentPlacement, box: Specimen.Box) -> PortraitHash? {
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
        let frequencies = 16
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
        var words = SIMD4<UInt64>()
        for (index, value) in coefficients.enumerated() where value > median { words[index / 64] |= 1 << UInt64(index % 64) }
        self.words = words
    }
}
