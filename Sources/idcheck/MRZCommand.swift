import ArgumentParser
import Foundation
import IDCheck

/// `idcheck mrz`: checks MRZ text typed, pasted or piped in; `idcheck mrz generate` builds one.
struct MRZCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrz",
        abstract: "Check machine readable zone text, or generate one from fields.",
        subcommands: [MRZCheckCommand.self, MRZGenerateCommand.self],
        defaultSubcommand: MRZCheckCommand.self)
}

/// `idcheck mrz [TEXT | -]`: the verdict on a zone as given, with every field and check.
struct MRZCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check MRZ text: format, fields, check digits, dates, country codes.",
        discussion: """
            Lines are separated by newlines: one argument with newlines, several arguments (one per \
            line), or standard input ('-', or no argument when standard input is not a terminal). \
            Surrounding whitespace, CRLF and blank lines are ignored; spaces inside a line are \
            dropped and reported. Fixes (a letter O typed for 0, a wrong count of < fillers) are \
            only suggested: the verdict is that of the text as given.

            Exit status: 0 valid as given, 1 well-formed but a check digit or rule fails \
            (including an issuing state or nationality that is not an ICAO code), 2 malformed \
            (wrong line count or length, lower case, characters outside A-Z 0-9 <, empty).

            Examples:
              idcheck mrz 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' \\
                          'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
              pbpaste | idcheck mrz -
              idcheck mrz --json --at 2010-01-01 "$(cat mrz.txt)"
            """)

    @Argument(help: "MRZ text: one argument with newlines, one argument per line, or '-' for standard input.")
    var text: [String] = []

    @Flag(help: "Print a JSON object (schema idcheck.mrz/1, see docs/schemas/mrz.md).")
    var json = false

    @Option(help: ArgumentHelp("Reference date for centuries and expiry (default: today).", valueName: "yyyy-mm-dd"))
    var at: String?

    func validate() throws {
        if let at, MRZ.CalendarDate(iso: at) == nil { throw ValidationError("--at must be a date as yyyy-mm-dd.") }
    }

    func run() throws {
        let (input, source) = try readInput()
        let reference = at.flatMap(MRZ.CalendarDate.init(iso:)) ?? MRZCheckCommand.today()
        let report = MRZReport(input: InputReference.text(input, source: source), text: input, reference: reference)
        if json {
            try JSONOutput.print(report)
        } else {
            print(report.text(terminal: Terminal.standardOutput))
        }
        try report.outcome.exit()
    }

    private func readInput() throws -> (String, String) {
        if text == ["-"] || (text.isEmpty && isatty(STDIN_FILENO) == 0) {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return (String(decoding: data, as: UTF8.self), "stdin")
        }
        if text.isEmpty { throw ValidationError("Give MRZ text as arguments, or '-' to read standard input.") }
        return (text.joined(separator: "\n"), "argument")
    }

    static func today() -> MRZ.CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return MRZ.CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? MRZ.CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
