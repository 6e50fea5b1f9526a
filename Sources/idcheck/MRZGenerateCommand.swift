import ArgumentParser
import IDCheck

/// `idcheck mrz generate`: the lines of a zone built from fields, check digits computed.
struct MRZGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate MRZ lines from fields (TD1, TD2, TD3, MRV-A, MRV-B).",
        discussion: """
            Names are transliterated into the MRZ alphabet by the ICAO 9303 Part 3 rules \
            (Müller → MUELLER, Øby → OEBY, Жуков → ZHUKOV) and truncated when too long. Dates are \
            yyyy-mm-dd or YYMMDD (unknown parts of a birth date as <<).

            Examples:
              idcheck mrz generate --format td3 --surname Eriksson --given-names 'Anna María' \\
                --number L898902C3 --nationality UTO --birth 1974-08-12 --sex F \\
                --expiry 2012-04-15 --optional ZE184226B
            """)

    enum FormatName: String, ExpressibleByArgument, CaseIterable {
        case td1, td2, td3, mrva, mrvb

        var format: MRZ.Format {
            switch self {
            case .td1: .td1
            case .td2: .td2
            case .td3: .td3
            case .mrva: .mrvA
            case .mrvb: .mrvB
            }
        }
    }

    @Option(help: "td1, td2, td3, mrva or mrvb.")
    var format: FormatName = .td3

    @Option(help: "Document code (default: P for td3, I for td1/td2, V for visas).")
    var documentCode: String?

    @Option(help: "Issuing state or organisation (default: the nationality).")
    var issuer: String?

    @Option(help: "Primary identifier (surname), in any script.")
    var surname: String

    @Option(help: "Secondary identifier (given names), in any script.")
    var givenNames: String = ""

    @Option(help: "Document number (TD1/TD2: more than 9 characters overflow into the optional data).")
    var number: String

    @Option(help: "Nationality (three-letter ICAO code, or D).")
    var nationality: String

    @Option(help: "Date of birth: yyyy-mm-dd or YYMMDD.")
    var birth: String

    @Option(help: "Sex: M, F, X or <.")
    var sex: String

    @Option(help: "Date of expiry: yyyy-mm-dd or YYMMDD.")
    var expiry: String

    @Option(help: "Optional data (TD3: personal number).")
    var optional: String = ""

    @Option(help: "TD1 only: optional data of the second line.")
    var optional2: String = ""

    @Flag(help: "Write Ä, Ö, Ü, Å as A, O, U, A instead of AE, OE, UE, AA.")
    var plainUmlauts = false

    func run() throws {
        guard let sexValue = MRZ.Sex(rawValue: sex.uppercased()) else { throw ValidationError("--sex must be M, F, X or <.") }
        let defaultCode: String = switch format {
        case .td3: "P"
        case .mrva, .mrvb: "V"
        case .td1, .td2: "I"
        }
        let identity = MRZ.Identity(
            documentCode: documentCode ?? defaultCode, issuingState: issuer ?? nationality,
            primaryIdentifier: surname, secondaryIdentifier: givenNames, documentNumber: number,
            nationality: nationality, birthDate: try Self.mrzDate(birth, "--birth"), sex: sexValue,
            expiryDate: try Self.mrzDate(expiry, "--expiry"), optionalData: optional, optionalData2: optional2)
        do {
            let lines = try MRZ.Generator.lines(for: identity, format: format.format, umlauts: plainUmlauts ? .plain : .expanded)
            print(lines.joined(separator: "\n"))
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func mrzDate(_ text: String, _ option: String) throws -> String {
        if let date = MRZ.CalendarDate(iso: text) { return date.mrz }
        if text.count == 6 { return text.uppercased() }
        throw ValidationError("\(option) must be yyyy-mm-dd or YYMMDD.")
    }
}
