/// The renderer's random numbers: SplitMix64 (Steele, Lea, Flood 2014), small, fast and the same
/// on every platform, so that the same seed gives the same documents byte for byte.
///
/// The standard library's generators are not seedable; Foundation's differ between platforms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for item `index` of a run seeded with `seed`: independent streams per document,
    /// so documents can be rendered in any order or in parallel and still come out the same.
    public init(seed: UInt64, index: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15 &* (index &+ 1) ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `range` (not `Double.random(in:using:)`, whose algorithm may change between
    /// standard library versions and would change the bytes).
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Standard normal (Box–Muller).
    public mutating func normal() -> Double {
        let u = max(unit(), 1e-300), v = unit()
        return (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
