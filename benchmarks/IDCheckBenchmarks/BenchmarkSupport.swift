import Foundation
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// Timing and process helpers shared by the benchmarks.
enum Bench {
    /// Monotonic time in seconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Median seconds of `runs` calls of `body` (after one warm-up call).
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = now()
            try body()
            samples.append(now() - start)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Runs an external command to completion with posix_spawn (Foundation's Process costs tens
    /// of milliseconds a start here, which would swamp what is measured); false when it failed.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status == 0
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }

    /// `text` right-aligned in a column of seven characters.
    static func pad(_ text: String) -> String {
        String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}

/// Deterministic generator so that every run measures the same images.
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A page that compresses like a scanned document: tinted paper with sensor noise, a fine
/// background pattern, blocks of dark strokes (text) and a photo-like block.
func syntheticScan(width: Int, height: Int, seed: UInt64) -> Image {
    var random = BenchRandom(seed: seed)
    var image = Image(width: width, height: height, format: .rgb)
    image.withUnsafeMutableBytes { pixels in
        for y in 0..<height {
            for x in 0..<width {
                let wave = 12 * sin(Double(x) * 0.05 + Double(y) * 0.021) + 8 * sin(Double(y) * 0.09)
                let noise = Double(Int(random.next() % 25) - 12)
                let offset = (y * width + x) * 3
                pixels[offset] = UInt8(clamping: Int(225 + wave + noise))
                pixels[offset + 1] = UInt8(clamping: Int(215 + wave * 0.8 + noise))
                pixels[offset + 2] = UInt8(clamping: Int(200 - wave * 0.5 + noise))
            }
        }
    }
    let lineHeight = max(8, height / 60)
    var y = height / 10
    while y < height * 7 / 10 {
        var x = width / 3
        while x < width - width / 12 {
            let glyph = Int(random.next() % UInt64(lineHeight)) + lineHeight / 2
            image.fill(Rectangle(x: Double(x), y: Double(y), width: Double(max(2, glyph / 4)), height: Double(lineHeight)),
                       colour: Colour(gray: 30))
            x += glyph
        }
        y += lineHeight * 2
    }
    for block in 0..<40 {
        let shade = UInt8(60 + block * 4)
        image.fill(Rectangle(x: Double(width / 20 + block * 3), y: Double(height / 6 + block * 4),
                             width: Double(width / 5), height: Double(height / 3)),
                   colour: Colour(red: shade, green: shade / 2 + 40, blue: 90), alpha: 0.3)
    }
    return image
}
