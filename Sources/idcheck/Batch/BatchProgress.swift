#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Progress on standard error: a bar redrawn in place with the rate and the time left when
/// standard error is a terminal, else a plain line every ``plainInterval``. Counts only: never a
/// file name or anything read from a document.
struct BatchProgress {
    let total: Int?
    let isTerminal: Bool
    let started = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    /// Files done (written, skipped or failed) and files processed in this run (not skipped).
    private(set) var done = 0
    private(set) var processed = 0
    private(set) var skipped = 0
    private(set) var errors = 0
    /// Recent (time, processed) samples for the rate: the last half minute.
    private var samples: [(ContinuousClock.Instant, Int)] = []

    static let plainInterval: Duration = .seconds(10)
    static let terminalInterval: Duration = .milliseconds(200)

    init(total: Int?) {
        self.total = total
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    mutating func count(processed: Bool, error: Bool) {
        done += 1
        if processed { self.processed += 1 } else { skipped += 1 }
        if error { errors += 1 }
    }

    /// Files per second over the last half minute (over the whole run until then).
    var rate: Double {
        let now = ContinuousClock.now
        if let first = samples.first, Self.seconds(now - first.0) > 5 {
            return Double(processed - first.1) / Self.seconds(now - first.0)
        }
        let seconds = Self.seconds(now - started)
        return seconds > 0 ? Double(processed) / seconds : 0
    }

    /// Redraws when the interval has passed (or `force`).
    mutating func update(force: Bool = false) {
        let now = ContinuousClock.now
        let interval = isTerminal ? Self.terminalInterval : Self.plainInterval
        if !force, let lastDraw, now - lastDraw < interval { return }
        if lastDraw == nil, !force, now - started < interval { return }
        lastDraw = now
        samples.append((now, processed))
        while let first = samples.first, now - first.0 > .seconds(30), samples.count > 2 { samples.removeFirst() }
        let line = text()
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal, lastDraw != nil { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    func text() -> String {
        let rate = self.rate
        var parts: [String] = []
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = isTerminal ? "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] " : ""
            parts.append("\(bar)\(done)/\(total) files (\(Int((fraction * 100).rounded(.down)))%)")
        } else {
            parts.append("\(done) files")
        }
        if skipped > 0 { parts.append("\(skipped) already done") }
        if errors > 0 { parts.append("\(errors) unreadable") }
        parts.append(String(format: "%.1f files/s", rate))
        if let total, rate > 0, done < total {
            parts.append("about \(Self.duration(Double(total - done) / rate)) left")
        }
        return "idcheck batch: " + parts.joined(separator: ", ")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m" }
        if total >= 60 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total)s"
    }
}
