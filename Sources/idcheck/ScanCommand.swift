import ArgumentParser
import Foundation
import IDCheck

/// `idcheck scan`: finds and reads every MRZ on scanned images and prints the MRZ core's report
/// of each, with where it was found and how confidently each character was read.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find and read the MRZ on scanned images or photos; check it.",
        discussion: """
            Exit status: 0 every image has an MRZ and every MRZ is valid, 1 an image has no MRZ \
            or an invalid one, 2 an image could not be read.

            Examples:
              idcheck scan passport.jpg
              idcheck scan --json scans/*.jpg
              idcheck scan --annotate checked.png card.png
            """)

    @Argument(help: "Image files (JPEG or PNG).")
    var files: [String]

    @Flag(help: "Print one JSON object per file (schema idcheck.scan/1, see docs/schemas/scan.md).")
    var json = false

    @Option(help: ArgumentHelp("Write the image with the MRZ and character boxes drawn on it (red where a check fails). With several files, -1, -2… is added to the name.", valueName: "out.png"))
    var annotate: String?

    @Option(help: ArgumentHelp("Reference date for centuries and expiry (default: today).", valueName: "yyyy-mm-dd"))
    var at: String?

    @OptionGroup var limits: ImageLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one image file.") }
        if let at, MRZ.CalendarDate(iso: at) == nil { throw ValidationError("--at must be a date as yyyy-mm-dd.") }
    }

    func run() throws {
        let options = limits.readingOptions()
        let decoder = ImageDecoder(options: options)
        let reference = at.flatMap(MRZ.CalendarDate.init(iso:)) ?? .today
        let reader = MRZReader(referenceDate: reference)
        var worst = Outcome.fine
        for (index, path) in files.enumerated() {
            var report: ScanReport
            var image: Image?
            do {
                let bytes = try FileBytes.read(path: path, maxBytes: options.maxFileBytes)
                let input = InputReference.file(path, bytes: bytes)
                do {
                    let decoded = try decoder.decode(bytes)
                    image = decoded.image
                    report = ScanReport(input: input, readings: reader.read(decoded.image), reference: reference)
                } catch {
                    report = ScanReport(input: input, error: error)
                }
            } catch {
                report = ScanReport(input: InputReference(path: path, sha256: ""), error: error)
            }
            if let annotate, let image {
                let target = files.count == 1 ? annotate : Scan.numbered(annotate, index + 1)
                do {
                    try ImageEncoder.write(ImageEncoder.png(report.annotated(image)), to: target)
                } catch {
                    var standardError = StandardError()
                    print("idcheck: \(error)", to: &standardError)
                }
            }
            worst = max(worst, report.outcome)
            if json { try JSONOutput.print(report) } else { print(report.text(terminal: .standardOutput)) }
        }
        try worst.exit()
    }

    static func numbered(_ path: String, _ number: Int) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "png" : url.pathExtension
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(number).\(ext)").path
    }
}
