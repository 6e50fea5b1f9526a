#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files of a batch, produced one at a time in a stable order so that a million files never
/// mean a million paths in memory:
///
/// - a folder is walked depth first, entries of each folder sorted by name; image files (by
///   extension, ``imageExtensions``) are taken, hidden entries and symbolic links to folders are
///   skipped;
/// - `-` reads paths from standard input, one per line;
/// - a file with an image extension is itself an input;
/// - any other file is a list of paths, one per line (blank lines and `#` comments skipped;
///   relative paths are relative to the list file's folder).
///
/// The order only matters for the cross-document indicators ("an earlier document of the run"),
/// and is the same on every run over the same inputs.
struct BatchInputs {
    /// Extensions taken from folders (case-insensitive). Formats IDCheck refuses (TIFF, PDF, …) are
    /// taken too, so that they give an error line instead of silently vanishing.
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "tif", "tiff", "pdf", "heic", "heif", "webp", "gif", "bmp", "jp2"]

    /// What one command-line argument is.
    enum Source: Equatable {
        case folder(String)
        case image(String)
        case list(String)
        case standardInput
    }

    let sources: [Source]

    /// Classifies the arguments; an argument that does not exist is an error before anything runs.
    init(arguments: [String]) throws(BatchError) {
        var sources: [Source] = []
        for argument in arguments {
            if argument == "-" { sources.append(.standardInput); continue }
            var status = stat()
            guard stat(argument, &status) == 0 else { throw .missingInput(argument) }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                sources.append(.folder(argument))
            } else if Self.isImageName(argument) {
                sources.append(.image(argument))
            } else {
                sources.append(.list(argument))
            }
        }
        self.sources = sources
    }

    static func isImageName(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// How many files the run will see, for the progress bar; `nil` when standard input is read
    /// (it can only be read once). Walks the folders and reads the lists without keeping names.
    func count() -> Int? {
        if sources.contains(.standardInput) { return nil }
        var total = 0
        var iterator = makeIterator()
        while iterator.next() != nil { total += 1 }
        return total
    }

    func makeIterator() -> Iterator { Iterator(sources: sources) }

    /// Yields the paths lazily: one open folder listing per level of the walk, one open list file.
    struct Iterator {
        private var sources: ArraySlice<Source>
        /// The folder walk in progress: per level, the folder and its sorted entries not yet visited.
        private var stack: [(folder: String, entries: ArraySlice<String>)] = []
        private var lines: LineReader?
        private var listFolder = ""

        init(sources: [Source]) { self.sources = sources[...] }

        mutating func next() -> String? {
            while true {
                if let path = nextFromWalk() { return path }
                if var reader = lines {
                    if let line = reader.next() {
                        lines = reader
                        let trimmed = line.trimmingCharacters(in: .whitespaces)
                        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                        return trimmed.hasPrefix("/") || listFolder.isEmpty ? trimmed : listFolder + "/" + trimmed
                    }
                    lines = nil
                }
                guard let source = sources.popFirst() else { return nil }
                switch source {
                case .image(let path): return path
                case .folder(let path): stack = [(path, Self.entries(of: path))]
                case .list(let path):
                    lines = LineReader(path: path)
                    let folder = (path as NSString).deletingLastPathComponent
                    listFolder = folder
                case .standardInput:
                    lines = LineReader(descriptor: 0)
                    listFolder = ""
                }
            }
        }

        private mutating func nextFromWalk() -> String? {
            while var top = stack.last {
                guard let name = top.entries.popFirst() else { stack.removeLast(); continue }
                stack[stack.count - 1] = top
                let path = top.folder.hasSuffix("/") ? top.folder + name : top.folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    stack.append((path, Self.entries(of: path)))
                case S_IFLNK:
                    // A link to an image is taken; links to folders are not followed (no cycles).
                    var target = stat()
                    if stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG, isImageName(name) { return path }
                case S_IFREG:
                    if isImageName(name) { return path }
                default:
                    continue
                }
            }
            return nil
        }

        private func isImageName(_ name: String) -> Bool { BatchInputs.isImageName(name) }

        private static func entries(of folder: String) -> ArraySlice<String> {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted()[...]
        }
    }
}

/// Reads a file (or standard input) line by line through `getline`, without loading it whole.
struct LineReader {
    private final class Handle {
        let file: UnsafeMutablePointer<FILE>?
        init(file: UnsafeMutablePointer<FILE>?) { self.file = file }
        deinit { if let file { fclose(file) } }
    }

    private let handle: Handle

    init(path: String) { handle = Handle(file: fopen(path, "r")) }
    init(descriptor: Int32) { handle = Handle(file: fdopen(dup(descriptor), "r")) }

    /// The next line without its line end, or `nil` at the end.
    mutating func next() -> String? {
        guard let file = handle.file else { return nil }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, file)
        guard count >= 0, let buffer else { return nil }
        var line = String(cString: buffer)
        while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
        return line
    }
}
