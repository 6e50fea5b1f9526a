import Foundation
import Testing

/// `idcheck mrz` run as a user types it: what it prints and how it exits.
@Suite("idcheck mrz (end to end)")
struct MRZCommandTests {
    static let td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]

    func json(_ run: CLIRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func validZoneAsTwoArgumentsExitsZero() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01"] + Self.td3)
        #expect(run.status == 0)
        let first = run.standardOutput.split(separator: "\n").first.map(String.init)
        #expect(first == "✓ valid MRZ — TD3 (2×44)")
        #expect(run.standardOutput.contains("✓ composite       0"))
        #expect(run.standardOutput.contains("Utopia"))
    }

    @Test func oneArgumentWithNewlinesAndStandardInputGiveTheSameVerdict() throws {
        let argument = try CLIRunner.run(["mrz", "--json", "--at", "2010-01-01", Self.td3.joined(separator: "\n")])
        let piped = try CLIRunner.run(["mrz", "--json", "--at", "2010-01-01", "-"],
                                      input: "\r\n  " + Self.td3.joined(separator: "\r\n") + "  \r\n\r\n")
        #expect(argument.status == 0)
        #expect(piped.status == 0)
        let a = try json(argument), p = try json(piped)
        #expect(a["status"] as? String == "valid")
        #expect(p["status"] as? String == "valid")
        #expect(a["schema"] as? String == "idcheck.mrz/1")
        #expect((a["input"] as? [String: Any])?["source"] as? String == "argument")
        #expect((p["input"] as? [String: Any])?["source"] as? String == "stdin")
        #expect((a["input"] as? [String: Any])?["sha256"] as? String != nil)
        #expect(a["format"] as? String == "td3")
        #expect(a["lines"] as? [String] == Self.td3)
    }

    @Test func jsonCarriesFieldsChecksAndPositions() throws {
        let run = try CLIRunner.run(["mrz", "--json", "--at", "2010-01-01"] + Self.td3)
        let object = try json(run)
        let fields = try #require(object["fields"] as? [[String: Any]])
        let number = try #require(fields.first { $0["field"] as? String == "documentNumber" })
        #expect(number["line"] as? Int == 1)
        #expect(number["start"] as? Int == 0)
        #expect(number["end"] as? Int == 9)
        #expect(number["raw"] as? String == "L898902C3")
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.count == 5)
        #expect(checks.allSatisfy { $0["passes"] as? Bool == true })
        let birth = try #require(object["birthDate"] as? [String: Any])
        #expect(birth["iso"] as? String == "1974-08-12")
        #expect(birth["raw"] as? String == "740812")
    }

    @Test func aFailingCheckExitsOneAndSaysWhatWasExpected() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01", Self.td3[0],
                                     "L898902C37UTO7408122F1204159ZE184226B<<<<<10"])
        #expect(run.status == 1)
        #expect(run.standardOutput.hasPrefix("✗ invalid MRZ"))
        #expect(run.standardOutput.contains("✗ documentNumber  expected 6, found 7"))
    }

    @Test func anUnknownCountryExitsOne() throws {
        let run = try CLIRunner.run(["mrz", "--json", "--at", "2024-01-01",
                                     "P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                     "L898902C36QQQ7408122F3004159ZE184226B<<<<<14"])
        #expect(run.status == 1)
        let issues = try #require(try json(run)["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["code"] as? String == "unknownIssuingState" })
        #expect(issues.contains { $0["code"] as? String == "unknownNationality" })
    }

    @Test func typedSlipsAreSuggestedNotApplied() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01", Self.td3[0],
                                     "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("birthDate: 74O812 → 740812 — would make the zone valid"))
    }

    @Test func spacesInsideLinesAreDroppedAndReported() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01", Self.td3[0], "L898902C36 UTO7408122F1204159ZE184226B<<<<<10"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("spaces dropped inside lines at line 2 column 11"))
    }

    @Test(arguments: [
        (["P<UTOERIKSSON"], "wrongLineCount"),
        (["p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], "lowercaseCharacter"),
        (["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<10"], "wrongLineLength"),
        (["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1%"], "invalidCharacter"),
    ])
    func malformedTextExitsTwo(_ lines: [String], _ code: String) throws {
        let run = try CLIRunner.run(["mrz", "--json"] + lines)
        #expect(run.status == 2)
        let error = try #require(try json(run)["error"] as? [String: Any])
        #expect(error["code"] as? String == code)
    }

    @Test func noArgumentReadsStandardInputWhenItIsNotATerminal() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01"], input: Self.td3.joined(separator: "\n"))
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("✓ valid MRZ"))
    }

    @Test func emptyStandardInputIsMalformed() throws {
        let run = try CLIRunner.run(["mrz", "-"], input: "\n  \n")
        #expect(run.status == 2)
        #expect(run.standardOutput.contains("malformed MRZ: no MRZ text given"))
    }

    @Test func wrongFillerCountGetsASuggestedZone() throws {
        let run = try CLIRunner.run(["mrz", "--at", "2010-01-01", Self.td3[0], "L898902C36UTO7408122F1204159ZE184226B<<<<10"])
        #expect(run.status == 2)
        #expect(run.standardOutput.contains("line 2: 43 characters, expected 44"))
        #expect(run.standardOutput.contains(Self.td3[1]))
    }

    @Test func megabytesOfJunkOnStandardInputFailFast() throws {
        let junk = String(repeating: "#junk~\n", count: 300_000)
        let run = try CLIRunner.run(["mrz", "--json", "-"], input: junk)
        #expect(run.status == 2)
        #expect((try json(run)["error"] as? [String: Any])?["code"] as? String == "inputTooLong")
    }

    @Test func generateThenCheck() throws {
        let generated = try CLIRunner.run([
            "mrz", "generate", "--format", "td3", "--surname", "Eriksson", "--given-names", "Anna María",
            "--number", "L898902C3", "--nationality", "UTO", "--birth", "1974-08-12", "--sex", "F",
            "--expiry", "2012-04-15", "--optional", "ZE184226B",
        ])
        #expect(generated.status == 0)
        #expect(generated.standardOutput == Self.td3.joined(separator: "\n") + "\n")
        let checked = try CLIRunner.run(["mrz", "--at", "2010-01-01", "-"], input: generated.standardOutput)
        #expect(checked.status == 0)
    }

    @Test func generateTransliteratesAndOverflowsLongNumbers() throws {
        let run = try CLIRunner.run([
            "mrz", "generate", "--format", "td1", "--surname", "Müller", "--given-names", "Jürgen",
            "--number", "D23145890734", "--nationality", "D", "--birth", "740812", "--sex", "M", "--expiry", "310415",
        ])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "I<D<<D23145890<7349<<<<<<<<<<<")
        #expect(lines.last == "MUELLER<<JUERGEN<<<<<<<<<<<<<<")
    }

    @Test func generateRefusesBadFieldsAsAUsageError() throws {
        let run = try CLIRunner.run([
            "mrz", "generate", "--surname", "X", "--number", "L89#", "--nationality", "UTO", "--birth", "1974-08-12",
            "--sex", "F", "--expiry", "2030-01-01",
        ])
        #expect(run.status == 64)
    }
}
