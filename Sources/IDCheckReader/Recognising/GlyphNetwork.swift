/// A small neural network that tells the 37 MRZ characters apart: the glyph features in, one
/// hidden layer of rectified units, a softmax over the characters out.
///
/// Its weights are learnt by `scripts/generate-glyph-models` from OCR-B renderings degraded the
/// way scans are, segmented by the reader itself; nearest-template matching alone confuses the
/// pairs OCR-B keeps apart by small differences (0 and O, 8 and B, 2 and Z) once blur and low
/// resolution wash them out.
public struct GlyphNetwork: Sendable {
    /// The characters of the output layer, in order.
    public static let characters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
    /// Inputs: the shape grid, then aspect, relative height and relative centre.
    public static let inputCount = GlyphFeatures.shapeCount + 3

    public let hiddenCount: Int
    /// hiddenCount × inputCount, row-major.
    public var hiddenWeights: [Float]
    public var hiddenBiases: [Float]
    /// characters × hiddenCount, row-major.
    public var outputWeights: [Float]
    public var outputBiases: [Float]

    public init(hiddenCount: Int, hiddenWeights: [Float], hiddenBiases: [Float], outputWeights: [Float], outputBiases: [Float]) {
        self.hiddenCount = hiddenCount
        self.hiddenWeights = hiddenWeights
        self.hiddenBiases = hiddenBiases
        self.outputWeights = outputWeights
        self.outputBiases = outputBiases
    }

    /// A network with small random weights, to be trained.
    public init<G: RandomNumberGenerator>(hiddenCount: Int, using generator: inout G) {
        let inputs = GlyphNetwork.inputCount, outputs = GlyphNetwork.characters.count
        let hiddenScale = (2 / Float(inputs)).squareRoot(), outputScale = (2 / Float(hiddenCount)).squareRoot()
        self.init(
            hiddenCount: hiddenCount,
            hiddenWeights: (0..<(hiddenCount * inputs)).map { _ in Float.random(in: -1...1, using: &generator) * hiddenScale },
            hiddenBiases: [Float](repeating: 0, count: hiddenCount),
            outputWeights: (0..<(outputs * hiddenCount)).map { _ in Float.random(in: -1...1, using: &generator) * outputScale },
            outputBiases: [Float](repeating: 0, count: outputs))
    }

    /// The network's input vector for `features`. The geometric features are scaled up so that
    /// they weigh like a few grid cells.
    public static func input(_ features: GlyphFeatures) -> [Float] {
        features.shape + [features.aspect * 2, features.relativeHeight * 2, features.relativeCentre * 2]
    }

    /// Hidden activations and output probabilities for one input.
    public func forward(_ input: [Float]) -> (hidden: [Float], probabilities: [Float]) {
        let inputs = GlyphNetwork.inputCount, outputs = GlyphNetwork.characters.count
        var hidden = [Float](repeating: 0, count: hiddenCount)
        // The hidden layer is the hot loop: 16 lanes at a time over the shape grid, the few
        // geometric inputs after it one by one.
        let lanes = GlyphFeatures.shapeCount / 16
        input.withUnsafeBufferPointer { x in
            hiddenWeights.withUnsafeBufferPointer { w in
                x.baseAddress.map { xBase in
                    w.baseAddress.map { wBase in
                        for unit in 0..<hiddenCount {
                            let row = unit * inputs
                            var sum = SIMD16<Float>()
                            for lane in 0..<lanes {
                                let offset = lane * 16
                                sum += UnsafeRawPointer(xBase + offset).loadUnaligned(as: SIMD16<Float>.self)
                                    * UnsafeRawPointer(wBase + row + offset).loadUnaligned(as: SIMD16<Float>.self)
                            }
                            var total = sum.sum() + hiddenBiases[unit]
                            for i in (lanes * 16)..<inputs { total += wBase[row + i] * xBase[i] }
                            hidden[unit] = max(0, total)
                        }
                    }
                }
            }
        }
        var logits = [Float](repeating: 0, count: outputs)
        hidden.withUnsafeBufferPointer { h in
            outputWeights.withUnsafeBufferPointer { w in
                for output in 0..<outputs {
                    var sum = outputBiases[output]
                    let row = output * hiddenCount
                    for i in 0..<hiddenCount { sum += w[row + i] * h[i] }
                    logits[output] = sum
                }
            }
        }
        let peak = logits.max() ?? 0
        var total: Float = 0
        for i in logits.indices {
            logits[i] = expf(logits[i] - peak)
            total += logits[i]
        }
        for i in logits.indices { logits[i] /= total }
        return (hidden, logits)
    }

    // MARK: Storage

    /// Serialises the network (hidden count, then every weight and bias as little-endian Float32).
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ value: Float) {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((bits >> UInt32(shift)) & 0xFF)) }
        }
        append(Float(hiddenCount))
        (hiddenWeights + hiddenBiases + outputWeights + outputBiases).forEach(append)
        return bytes
    }

    /// The inverse of ``encoded()``; `nil` when the bytes do not hold a whole network.
    public init?(encoded bytes: [UInt8]) {
        guard bytes.count >= 4, bytes.count % 4 == 0 else { return nil }
        let values: [Float] = stride(from: 0, to: bytes.count, by: 4).map { offset in
            var bits: UInt32 = 0
            for i in 0..<4 { bits |= UInt32(bytes[offset + i]) << UInt32(8 * i) }
            return Float(bitPattern: bits)
        }
        let hidden = Int(values[0])
        let inputs = GlyphNetwork.inputCount, outputs = GlyphNetwork.characters.count
        let counts = [hidden * inputs, hidden, outputs * hidden, outputs]
        guard hidden > 0, values.count == 1 + counts.reduce(0, +) else { return nil }
        var offset = 1
        var parts: [[Float]] = []
        for count in counts {
            parts.append(Array(values[offset..<(offset + count)]))
            offset += count
        }
        self.init(hiddenCount: hidden, hiddenWeights: parts[0], hiddenBiases: parts[1], outputWeights: parts[2], outputBiases: parts[3])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
