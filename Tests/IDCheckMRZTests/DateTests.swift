import Testing
@testable import IDCheckMRZ

@Suite("Dates: century, unknown parts, impossible days")
struct DateTests {
    let reference = MRZ.CalendarDate(year: 2024, month: 6, day: 15)!

    func date(_ raw: String, _ role: MRZ.Date.Role) -> MRZ.Date {
        MRZ.Date(Array(raw.utf8), role: role, reference: reference, expiryHorizonYears: 50)
    }

    @Test func birthDatesAreNeverInTheFuture() {
        #expect(date("240615", .birth).year == 2024)
        #expect(date("240616", .birth).year == 1924)
        #expect(date("991231", .birth).year == 1999)
        #expect(date("000101", .birth).year == 2000)
    }

    @Test func expiryDatesReachFiftyYearsAhead() {
        #expect(date("340101", .expiry).year == 2034)
        #expect(date("741231", .expiry).year == 2074)
        #expect(date("750101", .expiry).year == 1975)
        #expect(date("120415", .expiry).year == 2012)
    }

    @Test(arguments: ["74<<<<", "7408<<", "74XXXX", "7408XX", "740800", "74<<12"])
    func unknownMonthOrDayStaysUnknownAndValid(_ raw: String) {
        let value = date(raw, .birth)
        #expect(value.status == .partlyUnknown)
        #expect(value.year == 1974)
        #expect(value.iso?.hasPrefix("1974") == true)
        #expect(value.calendarDate == nil)
    }

    @Test func unknownBirthMonthIsNotAnIssue() throws {
        let lines = try MRZ.Generator.lines(for: MRZ.Identity(
            documentCode: "P", issuingState: "UTO", primaryIdentifier: "Eriksson", secondaryIdentifier: "Anna",
            documentNumber: "L898902C3", nationality: "XXB", birthDate: "74<<<<", sex: .female, expiryDate: "300415"), format: .td3)
        let zone = try MRZ.parse(lines: lines, options: .at("2024-01-01"))
        #expect(zone.isValid)
        #expect(zone.issues.isEmpty)
        #expect(zone.field(.birthDate)?.value == "1974")
    }

    @Test(arguments: ["740231", "741301", "230229", "740431", "74AB12"])
    func impossibleOrMalformedDates(_ raw: String) {
        let value = date(raw, .birth)
        #expect(value.status == .impossible || value.status == .malformed)
        #expect(value.iso == nil)
    }

    @Test func leapDays() {
        #expect(date("000229", .birth).status == .complete)  // 2000 is a leap year
        #expect(date("240229", .birth).status == .complete)
        #expect(date("230229", .birth).status == .impossible)
    }

    @Test func impossibleBirthDateFailsTheZone() throws {
        // 31 February with a matching check digit: the checks hold, the date rule fails.
        let birth = "740231"
        let lines = try MRZ.Generator.lines(for: MRZ.Identity(
            documentCode: "P", issuingState: "UTO", primaryIdentifier: "Eriksson", secondaryIdentifier: "Anna",
            documentNumber: "L898902C3", nationality: "UTO", birthDate: birth, sex: .female, expiryDate: "300415"), format: .td3)
        let zone = try MRZ.parse(lines: lines, options: .at("2024-01-01"))
        #expect(zone.checks.allSatisfy { $0.passes })
        #expect(!zone.isValid)
        #expect(zone.issues.contains { $0.code == .impossibleDate && $0.field == .birthDate })
    }

    @Test func calendarDateParsing() {
        #expect(MRZ.CalendarDate(iso: "2024-02-29") != nil)
        #expect(MRZ.CalendarDate(iso: "2023-02-29") == nil)
        #expect(MRZ.CalendarDate(iso: "2024-2-1") == nil)
        #expect(MRZ.CalendarDate(year: 1974, month: 8, day: 12)?.mrz == "740812")
    }
}
