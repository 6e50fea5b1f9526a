#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The JSON Lines file a batch appends its results to, written so that no finished line is ever
/// lost, duplicated or cut:
///
/// - opened with `O_APPEND`; each result is one `write(2)` of the whole line and its `\n` (a
///   short write, which only a full disk or a signal causes, is continued until the line is out);
/// - durability: `fdatasync(2)` at most once a second while lines are coming, and `fsync(2)` when
///   the run ends or is interrupted. A kill loses nothing that was written (the page cache
///   survives the process); a power cut can lose at most the last second of lines, which the next
///   run redoes;
/// - on open, bytes after the last `\n` — a line cut by a kill or a power cut — are truncated
///   away before anything is appended, so the file is always whole lines.
final class BatchResultFile {
    let path: String
    private let descriptor: Int32
    private var lastSync = ContinuousClock.now
    private var unsynced = 0
    /// The interval between data syncs while lines are being written.
    var syncInterval: Duration = .seconds(1)

    /// Opens (creating) the file and drops a trailing partial line; returns how many bytes were dropped.
    init(path: String) throws(BatchError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output(path: path, call: "open", reason: Self.lastError()) }
        self.descriptor = descriptor
    }

    /// Opens an existing file for reading only (`idcheck summarize`).
    init(readingPath path: String) throws(BatchError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .output(path: path, call: "open", reason: Self.lastError()) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Truncates bytes after the last line end; returns how many were dropped.
    func dropPartialLine() throws(BatchError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .output(path: path, call: "fstat", reason: Self.lastError()) }
        let size = Int(status.st_size)
        guard size > 0 else { return 0 }
        // Walk back from the end in blocks until a newline is found.
        var end = size
        var keep = 0
        let block = 1 << 16
        var buffer = [UInt8](repeating: 0, count: block)
        search: while end > 0 {
            let start = max(0, end - block)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
            guard count == end - start else { throw .output(path: path, call: "pread", reason: Self.lastError()) }
            for index in stride(from: count - 1, through: 0, by: -1) where buffer[index] == 0x0A {
                keep = start + index + 1
                break search
            }
            end = start
        }
        guard keep < size else { return 0 }
        try truncate(keeping: keep)
        return size - keep
    }

    /// Cuts the file after its first `count` bytes (a cut line, or the lines of a file found
    /// unfinished on resume) and syncs it.
    func truncate(keeping count: Int) throws(BatchError) {
        guard ftruncate(descriptor, off_t(count)) == 0 else { throw .output(path: path, call: "ftruncate", reason: Self.lastError()) }
        guard fsync(descriptor) == 0 else { throw .output(path: path, call: "fsync", reason: Self.lastError()) }
    }

    /// Calls `body` with every complete line of the file (without its `\n`), 1-based line numbers,
    /// reading in blocks so the file is never held whole.
    func forEachLine(_ body: (Int, ArraySlice<UInt8>) throws(BatchError) -> Void) throws(BatchError) {
        var offset: off_t = 0
        var pending: [UInt8] = []
        var number = 0
        let block = 1 << 20
        var buffer = [UInt8](repeating: 0, count: block)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, block, offset) }
            if count < 0 { throw .output(path: path, call: "pread", reason: Self.lastError()) }
            if count == 0 { break }
            offset += off_t(count)
            var start = 0
            for index in 0..<count where buffer[index] == 0x0A {
                number += 1
                if pending.isEmpty {
                    try body(number, buffer[start..<index])
                } else {
                    pending += buffer[start..<index]
                    try body(number, pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            pending += buffer[start..<count]
        }
    }

    /// Appends one line (a `\n` is added) with a single write, then syncs if the interval has passed.
    func append(_ line: String) throws(BatchError) {
        try append(lines: [line])
    }

    /// Appends the lines of one file (each gets its `\n`) with a single write, so that a kill
    /// leaves all of them or none (a power cut may still cut them: see
    /// ``truncate(keeping:)``), then syncs if the interval has passed.
    func append(lines: [String]) throws(BatchError) {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line.utf8
            bytes.append(0x0A)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .output(path: path, call: "write", reason: Self.lastError())
            }
            written += count
        }
        unsynced += lines.count
        if ContinuousClock.now - lastSync >= syncInterval { try sync() }
    }

    /// Forces every appended line to the disk.
    func sync() throws(BatchError) {
        guard unsynced > 0 else { return }
        guard fsync(descriptor) == 0 else { throw .output(path: path, call: "fsync", reason: Self.lastError()) }
        unsynced = 0
        lastSync = .now
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
