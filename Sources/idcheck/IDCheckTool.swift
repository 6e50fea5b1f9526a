import ArgumentParser
import IDCheck

/// The `idcheck` command: one subcommand per file in this folder.
@main
struct IDCheckTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idcheck",
        abstract: "Examine scanned identity documents and report signs of forgery.",
        discussion: """
            Exit status: 0 every input is fine, 1 at least one input was read but fails \
            (invalid MRZ, review, suspect, no MRZ found), 2 at least one input could not be read \
            (corrupt or unsupported file, malformed MRZ text), 64 usage error.

            Examples:
              idcheck info scan.jpg                 Describe an image file
              idcheck info --json *.png             One JSON object per line
              idcheck mrz 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
              L898902C36UTO7408122F1204159ZE184226B<<<<<10'
              pbpaste | idcheck mrz -               Check an MRZ from standard input
            """,
        version: IDCheckVersion.string,
        subcommands: [Info.self, MRZCommand.self, Scan.self, Verify.self, Batch.self, Summarize.self, SpecimenCommand.self, Render.self]
    )
}
