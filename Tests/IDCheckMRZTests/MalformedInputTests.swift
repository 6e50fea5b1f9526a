import Testing
@testable import IDCheckMRZ

@Suite("Malformed input gives a typed error with where and what")
struct MalformedInputTests {
    func error(_ text: String) -> MRZParsingError? {
        do {
            _ = try MRZ.parse(text, options: Samples.options)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["", "   ", "\n\n\r\n", "\t \n  "])
    func emptyInput(_ text: String) {
        #expect(error(text)?.reason == .empty)
    }

    @Test func tenMegabytesOfJunkFailBeforeScanning() {
        let junk = String(repeating: "P<UTO#~ junk\n", count: 800_000)
        #expect(junk.utf8.count > 10_000_000)
        let failure = error(junk)
        #expect(failure?.code == "inputTooLong")
        // The same through the other entry points.
        #expect(throws: MRZParsingError.self) { try MRZ.parse(lines: [junk, junk], options: Samples.options) }
        #expect(throws: MRZParsingError.self) { try MRZ.parse(utf8: Array(junk.utf8), options: Samples.options) }
    }

    @Test func oneLongJunkLineIsAWrongLength() {
        let failure = error(String(repeating: "A", count: 2000) + "\n" + Samples.td3[1])
        #expect(failure?.reason == .wrongLineLength(expected: 44, found: 2000))
        #expect(failure?.line == 0)
    }

    @Test(arguments: [1, 4, 7])
    func wrongLineCount(_ count: Int) {
        let text = Array(repeating: Samples.td3[0], count: count).joined(separator: "\n")
        #expect(error(text)?.reason == .wrongLineCount(found: count))
    }

    @Test func wrongLineLengthSaysWhichLine() {
        let text = Samples.td3[0] + "\n" + Samples.td3[1].dropLast(3)
        let failure = error(text)
        #expect(failure?.reason == .wrongLineLength(expected: 44, found: 41))
        #expect(failure?.line == 1)
    }

    @Test func lowercaseIsMalformedWithItsPosition() {
        let text = Samples.td3[0] + "\n" + "L898902C36UTO7408122f1204159ZE184226B<<<<<10"
        let failure = error(text)
        #expect(failure?.reason == .lowercaseCharacter("f"))
        #expect(failure?.line == 1)
        #expect(failure?.column == 20)
    }

    @Test(arguments: [("É", 5), ("#", 5), ("«", 5), ("\u{0}", 5)])
    func charactersOutsideTheAlphabet(_ character: String, _ column: Int) {
        let text = "P<UTO" + character + String(Samples.td3[0].dropFirst(6)) + "\n" + Samples.td3[1]
        let failure = error(text)
        #expect(failure?.code == "invalidCharacter", "\(String(describing: failure))")
        #expect(failure?.line == 0)
        #expect(failure?.column == column)
    }

    @Test func missingFillersGetASuggestion() {
        // Three fillers short in the name line: the zone is malformed, with a fix to consider.
        let text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<\n" + Samples.td3[1]
        let failure = error(text)
        #expect(failure?.reason == .wrongLineLength(expected: 44, found: 41))
        #expect(failure?.suggestedLines == Samples.td3)
    }

    @Test func extraFillersInTheMiddleGetASuggestion() {
        let text = Samples.td3[0] + "\nL898902C36UTO7408122F1204159ZE184226B<<<<<<<10"
        #expect(error(text)?.suggestedLines == Samples.td3)
    }

    @Test func descriptionsNameTheLineAndColumn() {
        let failure = error(Samples.td3[0] + "\n" + "L898902C36UTO7408122f1204159ZE184226B<<<<<10")
        #expect(failure?.description == "line 2, column 21: lower-case 'f'; MRZ text is upper case")
    }
}

@Suite("Typed text: whitespace tolerated, fixes only suggested")
struct TypedTextTests {
    @Test func crlfBlankLinesAndSurroundingWhitespace() throws {
        let text = "\r\n  \n  " + Samples.td3[0] + "  \r\n\r\n\t" + Samples.td3[1] + " \r\n\n"
        let zone = try MRZ.parse(text, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.droppedSpaces.isEmpty)
    }

    @Test func spacesInsideALineAreDroppedAndReported() throws {
        let text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C3 6UTO 7408122F1204159ZE184226B<<<<<10"
        let zone = try MRZ.parse(text, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.droppedSpaces == [MRZ.Position(line: 1, column: 9), MRZ.Position(line: 1, column: 14)])
        #expect(zone.lines == Samples.td3)
    }

    @Test func severalArgumentsAsLines() throws {
        let zone = try MRZ.parse(lines: Samples.td1, options: Samples.options)
        #expect(zone.format == .td1)
    }

    @Test func letterOInADateIsSuggestedButTheVerdictStands() throws {
        let text = Samples.td3[0] + "\nL898902C36UTO74O8122F1204159ZE184226B<<<<<10"
        let zone = try MRZ.parse(text, options: Samples.options)
        #expect(!zone.isValid)
        #expect(zone.issues.contains { $0.code == .malformedDate })
        let suggestion = try #require(zone.suggestions.first { $0.field == .birthDate })
        #expect(suggestion.original == "74O812")
        #expect(suggestion.suggested == "740812")
        #expect(suggestion.makesZoneValid)
        #expect(zone.lines[1].contains("74O812"))
    }

    @Test func digitZeroInANameIsSuggestedAsO() throws {
        let text = "P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Samples.td3[1]
        let zone = try MRZ.parse(text, options: Samples.options)
        #expect(!zone.isValid)
        #expect(zone.issues.contains { $0.code == .characterClass && $0.span == MRZ.Span(line: 0, start: 11, end: 12) })
        #expect(zone.suggestions.contains { $0.field == .name && $0.suggested.hasPrefix("ERIKSSON") && $0.makesZoneValid })
    }

    @Test func invalidSexFails() throws {
        var lines = Samples.td3
        lines[1] = "L898902C36UTO7408122Q1204159ZE184226B<<<<<10"
        let zone = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(zone.checks.allSatisfy { $0.passes })
        #expect(zone.issues.contains { $0.code == .invalidSex })
        #expect(!zone.isValid)
    }
}
