import Testing
@testable import IDCheckMRZ

@Suite("Generation from fields, transliteration, truncation")
struct GenerationTests {
    static let anna = MRZ.Identity(
        documentCode: "P", issuingState: "UTO", primaryIdentifier: "Eriksson", secondaryIdentifier: "Anna María",
        documentNumber: "L898902C3", nationality: "UTO", birthDate: "740812", sex: .female, expiryDate: "120415",
        optionalData: "ZE184226B")

    @Test func td3ReproducesTheICAOExample() throws {
        #expect(try MRZ.Generator.lines(for: Self.anna, format: .td3) == Samples.td3)
    }

    @Test func td1AndTd2ReproduceTheICAOExamples() throws {
        var card = Self.anna
        card.documentCode = "I"
        card.documentNumber = "D23145890"
        card.optionalData = ""
        #expect(try MRZ.Generator.lines(for: card, format: .td1) == Samples.td1)
        #expect(try MRZ.Generator.lines(for: card, format: .td2) == Samples.td2)
    }

    @Test func visasReproduceTheICAOExamples() throws {
        var visa = Self.anna
        visa.documentCode = "V"
        visa.documentNumber = "L8988901C"
        visa.nationality = "XXX"
        visa.birthDate = "400907"
        visa.expiryDate = "961210"
        visa.optionalData = "6ZE184226B"
        #expect(try MRZ.Generator.lines(for: visa, format: .mrvA)
            == ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"])
        visa.optionalData = ""
        #expect(try MRZ.Generator.lines(for: visa, format: .mrvB)
            == ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"])
    }

    @Test func td1LongDocumentNumberOverflows() throws {
        var card = Self.anna
        card.documentCode = "I"
        card.documentNumber = "D23145890734"
        card.optionalData = ""
        let lines = try MRZ.Generator.lines(for: card, format: .td1)
        #expect(lines[0] == "I<UTOD23145890<7349<<<<<<<<<<<")
        #expect(lines[1] == "7408122F1204159UTO<<<<<<<<<<<6")
        let zone = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(zone.documentNumber == "D23145890734")
        #expect(zone.isValid)
    }

    @Test func td3RefusesALongDocumentNumber() {
        var passport = Self.anna
        passport.documentNumber = "L898902C3XY"
        #expect(throws: MRZGenerationError.self) { try MRZ.Generator.lines(for: passport, format: .td3) }
    }

    @Test(arguments: [
        ("Müller", "MUELLER"), ("Gößmann", "GOESSMANN"), ("Ångström", "AANGSTROEM"), ("Æsir Øby", "AESIR<OEBY"),
        ("Þórsdóttir", "THORSDOTTIR"), ("Ĳsselmeer", "IJSSELMEER"), ("François", "FRANCOIS"), ("Łukasz", "LUKASZ"),
        ("O'Brien", "OBRIEN"), ("Smith-Jones", "SMITH<JONES"), ("van der Berg", "VAN<DER<BERG"),
        ("Жуков", "ZHUKOV"), ("Щербаков", "SHCHERBAKOV"), ("Юлия", "IULIIA"), ("Ковальчук Ігор", "KOVALCHUK<IGOR"),
        ("Παπαδόπουλος", "PAPADOPOYLOS"), ("Θεοδωρος", "THEODOROS"), ("Ψυχάρης", "PSYCHARIS"),
        ("Jose\u{301}", "JOSE"), ("Štěpánek", "STEPANEK"), ("Nguyễn", "NGUYEN"),
    ])
    func transliteration(_ name: String, _ expected: String) {
        #expect(MRZ.Transliteration.mrz(name).text == expected)
    }

    @Test func plainUmlauts() {
        #expect(MRZ.Transliteration.mrz("Müller Åsa", umlauts: .plain).text == "MULLER<ASA")
    }

    @Test func unmappedCharactersAreListed() {
        let result = MRZ.Transliteration.mrz("李 Wei")
        #expect(result.text == "WEI")
        #expect(result.unmapped == ["李"])
    }

    @Test func longNamesAreTruncatedEndingWithALetter() throws {
        var holder = Self.anna
        holder.primaryIdentifier = "Papadopoulou-Konstantinidou"
        holder.secondaryIdentifier = "Alexandrina Evangelia"
        let field = try MRZ.Generator.nameField(holder, length: 39)
        #expect(field.truncated)
        #expect(field.text == "PAPADOPOULOU<KONSTANTINIDOU<<ALEXANDRIN")
        let lines = try MRZ.Generator.lines(for: holder, format: .td3)
        let zone = try MRZ.parse(lines: lines, options: Samples.options)
        #expect(zone.name.possiblyTruncated)
        #expect(zone.name.secondaryIdentifier == "ALEXANDRIN")
    }

    @Test func aCutAfterAComponentDropsTheDanglingFiller() throws {
        var holder = Self.anna
        holder.primaryIdentifier = "Papadopoulou-Konstantinidou"
        holder.secondaryIdentifier = "Alexandra Evangelia"
        let field = try MRZ.Generator.nameField(holder, length: 39)
        #expect(field.truncated)
        #expect(field.text == "PAPADOPOULOU<KONSTANTINIDOU<<ALEXANDRA<")
    }

    @Test func aPrimaryIdentifierTooLongAloneIsCut() throws {
        var holder = Self.anna
        holder.primaryIdentifier = "Wolfeschlegelsteinhausenbergerdorff"
        let field = try MRZ.Generator.nameField(holder, length: 30)
        #expect(field.text == "WOLFESCHLEGELSTEINHAUSENBERGER")
    }

    @Test func invalidFieldsAreRefused() {
        var holder = Self.anna
        holder.birthDate = "1974-08-12"
        #expect(throws: MRZGenerationError.self) { try MRZ.Generator.lines(for: holder, format: .td3) }
        holder = Self.anna
        holder.documentNumber = "L89#"
        #expect(throws: MRZGenerationError.self) { try MRZ.Generator.lines(for: holder, format: .td3) }
        #expect(throws: MRZGenerationError.self) { try MRZ.Generator.lines(for: Self.anna, format: .frenchIdentityCard) }
    }
}
