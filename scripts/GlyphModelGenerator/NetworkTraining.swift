import Foundation
import IDCheckReader

/// Trains a ``GlyphNetwork`` by mini-batch gradient descent with momentum on the softmax
/// cross-entropy, and reports accuracy on held-out samples.
struct NetworkTrainer {
    var inputs: [Float]      // samples × inputCount
    var labels: [Int]

    mutating func train<G: RandomNumberGenerator>(hidden: Int, epochs: Int, using random: inout G) -> GlyphNetwork {
        let n = labels.count, d = GlyphNetwork.inputCount, k = GlyphNetwork.characters.count
        var network = GlyphNetwork(hiddenCount: hidden, using: &random)
        var order = Array(0..<n)
        order.shuffle(using: &random)
        let heldOut = Array(order.prefix(n / 10)), training = Array(order.dropFirst(n / 10))
        var velocity1 = [Float](repeating: 0, count: hidden * d), velocityB1 = [Float](repeating: 0, count: hidden)
        var velocity2 = [Float](repeating: 0, count: k * hidden), velocityB2 = [Float](repeating: 0, count: k)
        var grad1 = velocity1, gradB1 = velocityB1, grad2 = velocity2, gradB2 = velocityB2
        let batch = 32, momentum: Float = 0.9
        var samples = training
        for epoch in 0..<epochs {
            samples.shuffle(using: &random)
            let rate = 0.05 * Float(pow(0.75, Double(epoch)))
            var loss: Float = 0
            for start in stride(from: 0, to: samples.count, by: batch) {
                let end = min(samples.count, start + batch)
                for i in grad1.indices { grad1[i] = 0 }
                for i in gradB1.indices { gradB1[i] = 0 }
                for i in grad2.indices { grad2[i] = 0 }
                for i in gradB2.indices { gradB2[i] = 0 }
                for sample in samples[start..<end] {
                    let x = Array(inputs[(sample * d)..<(sample * d + d)])
                    let (h, p) = network.forward(x)
                    loss -= log(max(p[labels[sample]], 1e-7))
                    var dLogits = p
                    dLogits[labels[sample]] -= 1
                    var dHidden = [Float](repeating: 0, count: hidden)
                    for o in 0..<k {
                        let g = dLogits[o]
                        gradB2[o] += g
                        let row = o * hidden
                        for j in 0..<hidden {
                            grad2[row + j] += g * h[j]
                            dHidden[j] += g * network.outputWeights[row + j]
                        }
                    }
                    x.withUnsafeBufferPointer { xs in
                        grad1.withUnsafeMutableBufferPointer { g1 in
                            for j in 0..<hidden where h[j] > 0 {
                                let g = dHidden[j]
                                gradB1[j] += g
                                let row = j * d
                                for i in 0..<d { g1[row + i] += g * xs[i] }
                            }
                        }
                    }
                }
                let scale = rate / Float(end - start)
                func step(_ weights: inout [Float], _ velocity: inout [Float], _ gradient: [Float]) {
                    for i in weights.indices {
                        velocity[i] = momentum * velocity[i] - scale * gradient[i]
                        weights[i] += velocity[i]
                    }
                }
                step(&network.hiddenWeights, &velocity1, grad1)
                step(&network.hiddenBiases, &velocityB1, gradB1)
                step(&network.outputWeights, &velocity2, grad2)
                step(&network.outputBiases, &velocityB2, gradB2)
            }
            var correct = 0
            for sample in heldOut {
                let p = network.forward(Array(inputs[(sample * d)..<(sample * d + d)])).probabilities
                if p.indices.max(by: { p[$0] < p[$1] }) == labels[sample] { correct += 1 }
            }
            print("epoch \(epoch + 1): loss \(String(format: "%.4f", loss / Float(samples.count))), held-out accuracy "
                + "\(String(format: "%.3f", Double(correct) / Double(max(1, heldOut.count)) * 100))% of \(heldOut.count)")
        }
        return network
    }
}
