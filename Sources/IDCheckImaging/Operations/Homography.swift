
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plane projective map, p' = H·p in homogeneous coordinates: how a flat document lands on a
/// scanner page or in a photo taken at an angle.
public struct Homography: Sendable, Hashable, Codable {
    /// Row-major 3 × 3.
    public var m: [Double]

    public init(_ m: [Double]) { self.m = m }

    public static let identity = Homography([1, 0, 0, 0, 1, 0, 0, 0, 1])

    public static func translation(_ x: Double, _ y: Double) -> Homography { Homography([1, 0, x, 0, 1, y, 0, 0, 1]) }
    public static func scale(_ s: Double) -> Homography { Homography([s, 0, 0, 0, s, 0, 0, 0, 1]) }
    public static func rotation(_ angle: Double) -> Homography {
        let c = cos(angle), s = sin(angle)
        return Homography([c, -s, 0, s, c, 0, 0, 0, 1])
    }

    /// `self` after `other`: (self ∘ other)(p) = self(other(p)).
    public func after(_ other: Homography) -> Homography {
        var r = [Double](repeating: 0, count: 9)
        for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { r[i * 3 + j] += m[i * 3 + k] * other.m[k * 3 + j] } } }
        return Homography(r)
    }

    public func apply(_ p: Point) -> Point {
        let x = m[0] * p.x + m[1] * p.y + m[2], y = m[3] * p.x + m[4] * p.y + m[5], z = m[6] * p.x + m[7] * p.y + m[8]
        return Point(x: x / z, y: y / z)
    }

    public var inverse: Homography? {
        let a = m
        let c00 = a[4] * a[8] - a[5] * a[7], c01 = a[5] * a[6] - a[3] * a[8], c02 = a[3] * a[7] - a[4] * a[6]
        let det = a[0] * c00 + a[1] * c01 + a[2] * c02
        guard abs(det) > 1e-15 else { return nil }
        let inv = [c00, a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
                   c01, a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
                   c02, a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]]
        return Homography(inv.map { $0 / det })
    }

    /// The homography that maps the four `from` points onto the four `to` points (DLT, h33 = 1).
    public static func mapping(_ from: [Point], to: [Point]) -> Homography? {
        guard from.count == 4, to.count == 4 else { return nil }
        var a = [[Double]]()
        for i in 0..<4 {
            let (x, y, u, v) = (from[i].x, from[i].y, to[i].x, to[i].y)
            a.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
            a.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
        }
        // Gaussian elimination with partial pivoting on the 8 × 9 augmented matrix.
        for col in 0..<8 {
            guard let pivot = (col..<8).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            for row in 0..<8 where row != col {
                let f = a[row][col] / a[col][col]
                if f != 0 { for k in col..<9 { a[row][k] -= f * a[col][k] } }
            }
        }
        return Homography((0..<8).map { a[$0][8] / a[$0][$0] } + [1])
    }
}
