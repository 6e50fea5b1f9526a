import Testing
@testable import IDCheckMRZ

@Suite("Correction among the recogniser's own alternatives")
struct CorrectionTests {
    typealias Alternative = MRZ.Candidates.Alternative

    /// The ICAO TD3 example read confidently everywhere, with `lines` as first choices.
    func candidates(_ lines: [String] = Samples.td3) -> MRZ.Candidates {
        MRZ.Candidates(text: lines, score: 0.99)
    }

    @Test func confidentCorrectTextIsLeftAlone() throws {
        let zone = try MRZ.parse(candidates: candidates(), options: Samples.options)
        #expect(zone.isValid)
        #expect(!zone.isCorrected)
    }

    @Test func aLowMarginAlternativeFixesTheDocumentNumber() throws {
        // The recogniser read C as G at line 1 column 7, but hesitated.
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902G36UTO7408122F1204159ZE184226B<<<<<10"])
        input.set(line: 1, column: 7, [Alternative("G", score: 0.52), Alternative("C", score: 0.45), Alternative("O", score: 0.02)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.isCorrected)
        #expect(zone.documentNumber == "L898902C3")
        let correction = try #require(zone.corrections.first)
        #expect(correction.position == MRZ.Position(line: 1, column: 7))
        #expect(correction.original == "G")
        #expect(correction.corrected == "C")
        #expect(correction.originalScore == 0.52)
        #expect(correction.reason == .checkDigit)
        #expect(correction.field == .documentNumber)
    }

    @Test func aForgersBrokenCheckDigitStaysBroken() throws {
        // The check digit 7 is printed clearly; the recogniser's alternative 6 is far below.
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C37UTO7408122F1204159ZE184226B<<<<<10"])
        input.set(line: 1, column: 9, [Alternative("7", score: 0.97), Alternative("6", score: 0.02)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(!zone.isValid)
        #expect(!zone.isCorrected)
        #expect(zone.checks.first { $0.kind == .documentNumber }?.status == .invalid)
    }

    @Test func confidentlyReadDataAreNeverChangedToPassACheck() throws {
        // A forged birth date (740813) with the genuine check digit: all read confidently.
        let input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408132F1204159ZE184226B<<<<<10"])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(!zone.isValid)
        #expect(zone.corrections.isEmpty)
    }

    @Test func theMarginIsConfigurable() throws {
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902G36UTO7408122F1204159ZE184226B<<<<<10"])
        input.set(line: 1, column: 7, [Alternative("G", score: 0.70), Alternative("C", score: 0.30)])
        let strict = try MRZ.parse(candidates: input, options: Samples.options, correction: MRZ.CorrectionOptions(margin: 0.1))
        #expect(!strict.isValid)
        #expect(!strict.isCorrected)
        let loose = try MRZ.parse(candidates: input, options: Samples.options, correction: MRZ.CorrectionOptions(margin: 0.5))
        #expect(loose.isValid)
        #expect(loose.isCorrected)
    }

    @Test func aLetterInADateIsReplacedByItsDigitAlternative() throws {
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"])
        input.set(line: 1, column: 15, [Alternative("O", score: 0.6), Alternative("0", score: 0.55)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.corrections.map(\.reason) == [.characterClass])
        #expect(zone.birthDate?.iso == "1974-08-12")
    }

    @Test func aLetterInADateIsReplacedEvenWhenItsDigitAlternativeTrailsFarBehind() throws {
        // Small, blurred OCR-B: O and 0 differ by little more than their width, and the recogniser
        // may put O well ahead. A date cannot hold an O, so the class margin (wider than the
        // check digits' margin) lets the 0 in; with the class margin narrowed, it stays.
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"])
        input.set(line: 1, column: 15, [Alternative("O", score: 0.68), Alternative("0", score: 0.31)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.corrections.map(\.reason) == [.characterClass])
        let narrow = try MRZ.parse(candidates: input, options: Samples.options, correction: MRZ.CorrectionOptions(classMargin: 0.15))
        #expect(!narrow.isValid)
        #expect(!narrow.isCorrected)
    }

    @Test func lettersAfterANamesEndAreMisreadFillers() throws {
        // A visa's name line as a blurred 11-pixel scan read it: fillers after the given name read
        // as E and C, each with the filler among its alternatives; the one without stays.
        var input = candidates(["V<UTOSAHIN<<ZOE<<<<<<<<<<<<<<<<EC<<<<<<<<<C<", "5775163477ESP5503296M2606174<<<<<<<<<<<<<<<<"])
        input.set(line: 0, column: 31, [Alternative("E", score: 0.39), Alternative("<", score: 0.227), Alternative("C", score: 0.134)])
        input.set(line: 0, column: 32, [Alternative("C", score: 0.8), Alternative("<", score: 0.113), Alternative("E", score: 0.064)])
        input.set(line: 0, column: 42, [Alternative("C", score: 0.6), Alternative("<", score: 0.323), Alternative("E", score: 0.038)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.lines[0] == "V<UTOSAHIN<<ZOE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")
        #expect(zone.corrections.map(\.position.column) == [31, 32, 42])
        #expect(zone.corrections.allSatisfy { $0.reason == .characterClass && $0.corrected == "<" })
        // No filler offered: the letter stays (and the name shows it).
        var offered = input
        offered.set(line: 0, column: 42, [Alternative("C", score: 0.9), Alternative("E", score: 0.05)])
        let kept = try MRZ.parse(candidates: offered, options: Samples.options)
        #expect(kept.lines[0] == "V<UTOSAHIN<<ZOE<<<<<<<<<<<<<<<<<<<<<<<<<<<C<")
    }

    @Test func aNamesOwnFillersLeaveItsLettersAlone() throws {
        // One filler between given names, two after the surname: the letters after them are the
        // name's, even where the recogniser offers a filler for them.
        var input = candidates()
        input.set(line: 0, column: 15, [Alternative("A", score: 0.6), Alternative("<", score: 0.3)])
        input.set(line: 0, column: 20, [Alternative("M", score: 0.6), Alternative("<", score: 0.3)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.lines[0] == "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")
        #expect(!zone.isCorrected)
    }

    @Test func twoEquallyGoodFixesAreNotGuessed() throws {
        // Two hesitant positions, each of which alone could make the check hold with the same score.
        var input = candidates(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204150ZE184226B<<<<<10"])
        // Expiry 120415, check digit read as 0 (should be 9); the digit or the day could be at fault.
        input.set(line: 1, column: 27, [Alternative("0", score: 0.5), Alternative("9", score: 0.45)])
        input.set(line: 1, column: 26, [Alternative("5", score: 0.5), Alternative("6", score: 0.45)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        // 1204160 → check 0? Only if both fixes are really equal; otherwise the better one wins.
        let check = MRZ.CheckDigit.compute("120416")
        if check == 0 {
            #expect(!zone.isCorrected)
            #expect(!zone.isValid)
        } else {
            #expect(zone.isValid)
            #expect(zone.corrections.map(\.position) == [MRZ.Position(line: 1, column: 27)])
        }
    }

    @Test func compositeIsResolvedOverUncheckedOptionalData() throws {
        // TD1: optional data 2 is covered by the composite only.
        var lines = Samples.td1
        lines[1] = "7408122F1204159UTO<<<<<<<<<<B6"
        var input = candidates(lines)
        input.set(line: 1, column: 28, [Alternative("B", score: 0.5), Alternative("<", score: 0.48)])
        let zone = try MRZ.parse(candidates: input, options: Samples.options)
        #expect(zone.isValid)
        #expect(zone.corrections.first?.corrected == "<")
    }

    @Test func candidatesStillNeedAWellFormedReading() {
        var input = candidates()
        input.lines[1].removeLast()
        #expect(throws: MRZParsingError.self) { try MRZ.parse(candidates: input, options: Samples.options) }
        var empty = candidates()
        empty.set(line: 0, column: 3, [])
        #expect(throws: MRZParsingError.self) { try MRZ.parse(candidates: empty, options: Samples.options) }
    }
}
