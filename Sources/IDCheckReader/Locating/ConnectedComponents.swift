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
    /// 8-connected components, labelled on runs of ink rather than pixels: each row's runs are
    /// joined (union-find) with the runs of the row above that touch them, diagonally included,
    /// and the statistics are summed per run. No label image is needed (for a located page it
    /// was four bytes a pixel, allocated and cleared on every read). Components come in the
    /// order of their first pixel in raster order.
    func components() -> [InkComponent] {
        let w = width, h = height
        guard w > 0, h > 0 else { return [] }
        // Runs in raster order: row, first and last column (inclusive).
        var runY: [Int32] = [], runStart: [Int32] = [], runEnd: [Int32] = []
        var parent: [Int32] = []
        func find(_ run: Int32, _ parent: inout [Int32]) -> Int32 {
            var root = run
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var node = run
            while parent[Int(node)] != root {
                let next = parent[Int(node)]
                parent[Int(node)] = root
                node = next
            }
            return root
        }
        bits.withUnsafeBufferPointer { ink in
            var previousRow = 0..<0 // runs of the row above
            for y in 0..<h {
                let row = y * w
                let firstRun = runStart.count
                var x = 0
                var above = previousRow.lowerBound
                while x < w {
                    // Next run of ink in this row; most of a page is paper, skipped eight
                    // pixels at a time.
                    if let base = ink.baseAddress {
                        while x &+ 8 <= w, UnsafeRawPointer(base + (row &+ x)).loadUnaligned(as: UInt64.self) == 0 { x &+= 8 }
                    }
                    while x < w, ink[row &+ x] == 0 { x &+= 1 }
                    guard x < w else { break }
                    let start = x
                    while x < w, ink[row &+ x] != 0 { x &+= 1 }
                    let end = x - 1
                    let index = Int32(runStart.count)
                    runY.append(Int32(y)); runStart.append(Int32(start)); runEnd.append(Int32(end))
                    parent.append(index)
                    // Runs above that touch this one: they end at or after start − 1 and begin at
                    // or before end + 1. Runs above ending before start − 1 touch no later run.
                    while above < previousRow.upperBound, Int(runEnd[above]) < start - 1 { above += 1 }
                    var candidate = above
                    while candidate < previousRow.upperBound, Int(runStart[candidate]) <= end + 1 {
                        let a = find(Int32(candidate), &parent), b = find(index, &parent)
                        if a != b { parent[Int(max(a, b))] = min(a, b) }
                        candidate += 1
                    }
                }
                previousRow = firstRun..<runStart.count
            }
        }
        // Statistics per root; roots numbered in the order of their first run.
        var componentOf = [Int32](repeating: -1, count: parent.count)
        var components: [InkComponent] = []
        for run in 0..<parent.count {
            let root = Int(find(Int32(run), &parent))
            if componentOf[root] < 0 {
                componentOf[root] = Int32(components.count)
                components.append(InkComponent(minX: .max, minY: .max, maxX: .min, maxY: .min, pixelCount: 0, sumX: 0, sumY: 0))
            }
            let index = Int(componentOf[root])
            let y = runY[run], start = runStart[run], end = runEnd[run]
            let length = end - start + 1
            components[index].minX = min(components[index].minX, start)
            components[index].maxX = max(components[index].maxX, end)
            components[index].minY = min(components[index].minY, y)
            components[index].maxY = max(components[index].maxY, y)
            components[index].pixelCount += length
            components[index].sumX += (Int64(start) + Int64(end)) * Int64(length) / 2
            components[index].sumY += Int64(y) * Int64(length)
        }
        return components
    }
}
