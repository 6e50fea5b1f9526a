/// Turns typed or pasted text into MRZ lines: newline-separated, CR dropped, surrounding
/// whitespace and blank lines ignored, spaces and tabs inside a line removed and remembered.
enum MRZTypedText {
    struct Lines {
        var lines: [ArraySlice<UInt8>]
        var droppedSpaces: [MRZ.Position]
    }

    static func split(_ text: String) throws(MRZParsingError) -> Lines {
        let byteCount = text.utf8.count
        // Refuse before scanning: 10 MB of junk must fail at once, not after a pass over it.
        guard byteCount <= MRZParser.maximumInputBytes else {
            throw MRZParsingError(.inputTooLong(bytes: byteCount, limit: MRZParser.maximumInputBytes))
        }
        var lines: [ArraySlice<UInt8>] = []
        var dropped: [MRZ.Position] = []
        for rawLine in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = rawLine
            while let last = line.last, isSpace(last) || last == 0x0D { line.removeLast() }
            while let first = line.first, isSpace(first) { line.removeFirst() }
            if line.isEmpty { continue }
            if line.contains(where: isSpace) {
                var kept: [UInt8] = []
                kept.reserveCapacity(line.count)
                for (column, byte) in line.enumerated() {
                    if isSpace(byte) {
                        dropped.append(MRZ.Position(line: lines.count, column: column))
                    } else {
                        kept.append(byte)
                    }
                }
                line = kept[...]
            }
            lines.append(line)
        }
        guard !lines.isEmpty else { throw MRZParsingError(.empty) }
        return Lines(lines: lines, droppedSpaces: dropped)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
