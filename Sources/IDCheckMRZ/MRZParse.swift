extension MRZ {
    /// Reads MRZ text as a person types or pastes it.
    ///
    /// Lines are separated by newlines; surrounding whitespace, CRLF and blank lines are tolerated;
    /// spaces and tabs inside a line are dropped and listed in ``Zone/droppedSpaces``. Characters
    /// of the wrong class and miscounted fillers lead to ``Zone/suggestions`` (or
    /// ``MRZParsingError/suggestedLines``), never to changes: the verdict is that of the text as given.
    public static func parse(_ text: String, options: ParsingOptions) throws(MRZParsingError) -> Zone {
        let typed = try MRZTypedText.split(text)
        var zone = try parseWithSuggestions(typed.lines, options: options)
        zone.droppedSpaces = typed.droppedSpaces
        return zone
    }

    /// Reads lines that are already separated and trimmed; nothing is dropped or changed.
    public static func parse(lines: [String], options: ParsingOptions) throws(MRZParsingError) -> Zone {
        guard lines.count <= 3 else { throw MRZParsingError(.wrongLineCount(found: lines.count)) }
        for (index, line) in lines.enumerated() where line.utf8.count > MRZParser.maximumInputBytes {
            throw MRZParsingError(.inputTooLong(bytes: line.utf8.count, limit: MRZParser.maximumInputBytes), line: index)
        }
        return try parseWithSuggestions(lines.map { Array($0.utf8)[...] }, options: options)
    }

    /// Reads a zone from its bytes, lines separated by `\n` (the fast path: no suggestions,
    /// no whitespace handling).
    public static func parse(utf8 bytes: [UInt8], options: ParsingOptions) throws(MRZParsingError) -> Zone {
        guard bytes.count <= MRZParser.maximumInputBytes else {
            throw MRZParsingError(.inputTooLong(bytes: bytes.count, limit: MRZParser.maximumInputBytes))
        }
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(3)
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        lines.append(bytes[start...])
        let (format, storage) = try MRZParser.wellFormed(lines)
        return MRZParser.read(storage, format: format, options: options)
    }

    static func parseWithSuggestions(_ lines: [ArraySlice<UInt8>], options: ParsingOptions) throws(MRZParsingError) -> Zone {
        let format: Format
        let storage: [UInt8]
        do {
            (format, storage) = try MRZParser.wellFormed(lines)
        } catch {
            var error = error
            if case .wrongLineLength = error.reason {
                error.suggestedLines = MRZSuggester.fillerCountFix(lines, options: options)
            }
            throw error
        }
        var zone = MRZParser.read(storage, format: format, options: options)
        if !zone.isValid { zone.suggestions = MRZSuggester.characterClassFixes(zone, options: options) }
        return zone
    }
}
