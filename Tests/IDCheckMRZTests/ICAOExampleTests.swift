import Testing
@testable import IDCheckMRZ

@Suite("ICAO 9303 worked examples and national layouts")
struct ICAOExampleTests {
    @Test("vectors file is loaded")
    func vectorsLoad() {
        #expect(ZoneVector.all.count >= 8)
    }

    @Test("each vector parses to its format, fields and check digits", arguments: ZoneVector.all)
    func vector(_ vector: ZoneVector) throws {
        let zone = try MRZ.parse(lines: vector.lines, options: vector.options)
        #expect(zone.format.rawValue == vector.format)
        #expect(zone.isValid == vector.valid, "\(zone.checks.filter { !$0.passes }) \(zone.issues)")
        for (name, expected) in vector.fields {
            let field = try #require(MRZ.Field(rawValue: name), "unknown field \(name)")
            let reading = try #require(zone.field(field), "no \(name) in \(zone.format)")
            #expect(reading.value == expected, "\(name)")
        }
        #expect(zone.checks.count == vector.checks.count)
        for check in zone.checks {
            #expect(vector.checks[check.kind.rawValue] == check.expected, "\(check.kind)")
            #expect(check.passes)
        }
        #expect(zone.lines == vector.lines)
    }

    @Test func td3FieldPositions() throws {
        let zone = try MRZ.parse(lines: Samples.td3, options: Samples.options)
        let number = try #require(zone.field(.documentNumber))
        #expect(number.span == MRZ.Span(line: 1, start: 0, end: 9))
        #expect(number.raw == "L898902C3")
        let name = try #require(zone.field(.name))
        #expect(name.span == MRZ.Span(line: 0, start: 5, end: 44))
        #expect(zone.name.primaryIdentifier == "ERIKSSON")
        #expect(zone.name.secondaryIdentifier == "ANNA MARIA")
        #expect(!zone.name.possiblyTruncated)
        #expect(zone.sex == .female)
        #expect(zone.birthDate?.raw == "740812")
        #expect(zone.birthDate?.iso == "1974-08-12")
        #expect(zone.issuingState?.name.contains("Utopia") == true)
        #expect(zone.issuingState?.kind == .specimen)
        let composite = try #require(zone.checks.first { $0.kind == .composite })
        #expect(composite.covers == [MRZ.Span(line: 1, start: 0, end: 10), MRZ.Span(line: 1, start: 13, end: 20),
                                     MRZ.Span(line: 1, start: 21, end: 43)])
        #expect(composite.position == MRZ.Position(line: 1, column: 43))
        #expect(zone.fields.map(\.field).contains(.personalNumberCheckDigit))
    }

    @Test func td1LongDocumentNumberFields() throws {
        let lines = ["I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
        let zone = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(zone.documentNumber == "D23145890734")
        #expect(zone.documentNumberExtension == MRZ.Span(line: 0, start: 15, end: 18))
        let check = try #require(zone.checks.first { $0.kind == .documentNumber })
        #expect(check.position == MRZ.Position(line: 0, column: 18))
        #expect(check.expected == 9)
        #expect(check.passes)
        // A wrong digit in the overflow is caught by the moved check.
        var broken = lines
        broken[0] = "I<UTOD23145890<7359<<<<<<<<<<<"
        let bad = try MRZ.parse(lines: broken, options: Samples.options)
        #expect(bad.checks.first { $0.kind == .documentNumber }?.passes == false)
    }

    @Test func expiredIsAWarningNotAFailure() throws {
        let zone = try MRZ.parse(lines: Samples.td3, options: .at("2020-06-01"))
        #expect(zone.isValid)
        #expect(zone.issues.contains { $0.code == .expired && $0.severity == .warning })
        #expect(zone.expiryDate?.iso == "2012-04-15")
    }

    @Test func brokenCheckDigitReportsExpectedAndFound() throws {
        var lines = Samples.td3
        lines[1] = "L898902C37UTO7408122F1204159ZE184226B<<<<<10"
        let zone = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(!zone.isValid)
        let check = try #require(zone.checks.first { $0.kind == .documentNumber })
        #expect(check.status == .invalid)
        #expect(check.expected == 6)
        #expect(check.found == "7")
    }

    @Test func blankPersonalNumberCheckDigitIsAllowedOnlyOverFillers() throws {
        let generated = try MRZ.Generator.lines(for: MRZ.Identity(
            documentCode: "P", issuingState: "UTO", primaryIdentifier: "Eriksson", secondaryIdentifier: "Anna Maria",
            documentNumber: "L898902C3", nationality: "UTO", birthDate: "740812", sex: .female, expiryDate: "120415"), format: .td3)
        let zone = try MRZ.parse(lines: generated, options: Samples.options)
        #expect(zone.checks.first { $0.kind == .personalNumber }?.status == .blank)
        #expect(zone.isValid)
        // `<` as the check digit of a personal number that is not empty is not a digit.
        var lines = Samples.td3
        lines[1] = "L898902C36UTO7408122F1204159ZE184226B<<<<<<0"
        let bad = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(bad.checks.first { $0.kind == .personalNumber }?.status == .notADigit)
    }
}
