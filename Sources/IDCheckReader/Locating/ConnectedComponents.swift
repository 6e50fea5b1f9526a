/// A connected blob of ink: a character, part of one, or several touching ones.
struct InkComponent {
    var minX: Int32, minY: Int32, maxX: Int32, maxY: Int32
    var pixelCount: Int32
    var sumX: Int64, sumY: Int64

    var width: Int { Int(maxX - minX) + 1 }
    var height: Int { Int(maxY - minY) + 1 }
    var centreX: Double { Double(sumX) / Double(pixelCount) }
    var centreY: Double { Double(sumY) / Double(pixelCount) }
    /// The larger side of the bounding box: the character size whatever the orientation.
    var size: Int { max(width, height) }
}

extension InkMask {
    /// 8-connected components, labelled in two passes with union-find over a label buffer.
    func components() -> [InkComponent] {
        let w = width, h = height
        guard w > 0, h > 0 else { return [] }
        var labels = [Int32](repeating: 0, count: w * h)
        var parent: [Int32] = [0]
        func find(_ label: Int32, _ parent: inout [Int32]) -> Int32 {
            var root = label
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var node = label
            while parent[Int(node)] != root {
                let next = parent[Int(node)]
                parent[Int(node)] = root
                node = next
            }
            return root
        }
        bits.withUnsafeBufferPointer { ink in
            labels.withUnsafeMutableBufferPointer { label in
                for y in 0..<h {
                    for x in 0..<w where ink[y * w + x] != 0 {
                        // Neighbours already labelled: left, and the three above.
                        let left: Int32 = x > 0 ? label[y * w + x - 1] : 0
                        let up: Int32 = y > 0 ? label[(y - 1) * w + x] : 0
                        let upLeft: Int32 = (y > 0 && x > 0) ? label[(y - 1) * w + x - 1] : 0
                        let upRight: Int32 = (y > 0 && x + 1 < w) ? label[(y - 1) * w + x + 1] : 0
                        var chosen: Int32 = 0
                        @inline(__always) func merge(_ candidate: Int32) {
                            if candidate == 0 || candidate == chosen { return }
                            if chosen == 0 { chosen = candidate; return }
                            let a = find(chosen, &parent), b = find(candidate, &parent)
                            if a != b { parent[Int(max(a, b))] = min(a, b) }
                            chosen = min(a, b)
                        }
                        merge(left); merge(up); merge(upLeft); merge(upRight)
                        if chosen == 0 {
                            chosen = Int32(parent.count)
                            parent.append(chosen)
                        }
                        label[y * w + x] = chosen
                    }
                }
            }
        }
        // Resolve every label to its root, then accumulate statistics per root.
        var rootIndex = [Int32](repeating: -1, count: parent.count)
        var components: [InkComponent] = []
        for label in 1..<parent.count {
            let root = find(Int32(label), &parent)
            if rootIndex[Int(root)] < 0 {
                rootIndex[Int(root)] = Int32(components.count)
                components.append(InkComponent(minX: .max, minY: .max, maxX: .min, maxY: .min, pixelCount: 0, sumX: 0, sumY: 0))
            }
            rootIndex[label] = rootIndex[Int(root)]
        }
        labels.withUnsafeBufferPointer { label in
            components.withUnsafeMutableBufferPointer { stats in
                for y in 0..<h {
                    for x in 0..<w {
                        let l = label[y * w + x]
                        if l == 0 { continue }
                        let index = Int(rootIndex[Int(l)])
                        let x32 = Int32(x), y32 = Int32(y)
                        if x32 < stats[index].minX { stats[index].minX = x32 }
                        if x32 > stats[index].maxX { stats[index].maxX = x32 }
                        if y32 < stats[index].minY { stats[index].minY = y32 }
                        if y32 > stats[index].maxY { stats[index].maxY = y32 }
                        stats[index].pixelCount += 1
                        stats[index].sumX += Int64(x)
                        stats[index].sumY += Int64(y)
                    }
                }
            }
        }
        return components
    }
}
