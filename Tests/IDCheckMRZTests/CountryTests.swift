import Testing
@testable import IDCheckMRZ

@Suite("ICAO 9303 Part 3 country codes")
struct CountryTests {
    @Test(arguments: ["D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "EUE",
                      "RKS", "XOM", "XPO", "XCC", "XES", "XMP", "XCE", "XDC", "XBA", "XIM", "XCO", "XEC", "UTO"])
    func specialCodesAreKnown(_ code: String) {
        #expect(MRZ.Country.lookup(code) != nil)
    }

    @Test func everyISOStateIsKnown() {
        #expect(MRZ.Country.all.filter { $0.kind == .state || $0.kind == .isoOnly }.count >= 249)
        for code in ["FRA", "CHE", "NLD", "USA", "GBR", "ZWE", "ALA", "SSD", "BES"] {
            #expect(MRZ.Country.lookup(code)?.kind == .state, "\(code)")
        }
    }

    @Test func paddedSpellingLooksUpToo() {
        #expect(MRZ.Country.lookup("D<<")?.name == "Germany")
        #expect(MRZ.Country.lookup("QQQ") == nil)
        #expect(MRZ.Country.lookup("ABCD") == nil)
    }

    @Test func tableIsSortedForBisection() {
        #expect(MRZ.Country.keys == MRZ.Country.keys.sorted())
        #expect(Set(MRZ.Country.keys).count == MRZ.Country.keys.count)
    }

    func zone(state: String, nationality: String) throws -> MRZ.Zone {
        let lines = try MRZ.Generator.lines(for: MRZ.Identity(
            documentCode: "P", issuingState: state, primaryIdentifier: "Eriksson", secondaryIdentifier: "Anna",
            documentNumber: "L898902C3", nationality: nationality, birthDate: "740812", sex: .female, expiryDate: "300415"),
            format: .td3)
        return try MRZ.parse(lines: lines, options: .at("2024-01-01"))
    }

    @Test func unknownCodesAreReportedNotRejected() throws {
        let zone = try zone(state: "QQQ", nationality: "ZZQ")
        #expect(zone.checks.allSatisfy { $0.passes })
        #expect(!zone.isValid)
        #expect(zone.issues.contains { $0.code == .unknownIssuingState && $0.span == MRZ.Span(line: 0, start: 2, end: 5) })
        #expect(zone.issues.contains { $0.code == .unknownNationality })
        #expect(zone.issuingStateCode == "QQQ")
    }

    @Test func germanyAsDIsFineAndDEUIsRemarked() throws {
        let german = try zone(state: "D", nationality: "D")
        #expect(german.isValid)
        #expect(german.issues.isEmpty)
        let iso = try zone(state: "DEU", nationality: "DEU")
        #expect(iso.isValid)
        #expect(iso.issues.contains { $0.code == .isoCodeNotUsedInMRZ && $0.severity == .warning })
    }
}
