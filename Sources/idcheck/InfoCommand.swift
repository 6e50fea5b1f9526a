import ArgumentParser
import IDCheck

/// `idcheck info`: decodes each file and says what it is, so that a user can see what the tool
/// sees before anything is checked.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decode image files and describe them: format, size, colour, resolution, orientation.",
        discussion: """
            Exit status: 0 every file decoded cleanly, 1 a file decoded with warnings, \
            2 a file could not be decoded (corrupt, truncated, unsupported, over a limit).

            Examples:
              idcheck info scan.jpg
              idcheck info --json specimens/*/front.png
              idcheck info --max-pixels 20000000 upload.jpg
            """)

    @Argument(help: "Image files (JPEG or PNG; the format is read from the bytes, not the name).")
    var files: [String]

    @Flag(help: "Print one JSON object per file (JSON Lines when there are several).")
    var json = false

    @OptionGroup var limits: ImageLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one image file.") }
    }

    func run() throws {
        let options = limits.decodingOptions(.rgb)
        let decoder = ImageDecoder(options: options)
        var worst = Outcome.fine
        let terminal = Terminal.standardOutput
        for path in files {
            let report: ImageInfoReport
            do {
                let bytes = try FileBytes.read(path: path, maxBytes: options.maxFileBytes)
                let input = InputReference.file(path, bytes: bytes)
                do {
                    report = ImageInfoReport(input: input, decoded: try decoder.decode(bytes))
                } catch {
                    report = ImageInfoReport(input: input, error: error)
                }
            } catch {
                report = ImageInfoReport(input: InputReference(path: path, sha256: ""), error: error)
            }
            worst = max(worst, report.outcome)
            if json {
                try JSONOutput.print(report)
            } else {
                print(report.text(terminal: terminal))
            }
        }
        try worst.exit()
    }
}

/// The `idcheck.info/1` JSON object (documented in docs/schemas/info.md).
struct ImageInfoReport: Encodable {
    var schema = "idcheck.info/1"
    var input: InputReference
    var status: String
    var format: String?
    var width: Int?
    var height: Int?
    var storedWidth: Int?
    var storedHeight: Int?
    var colourModel: String?
    var bitDepth: Int?
    var dotsPerInch: DecodedImage.Resolution?
    var orientation: Int?
    var orientationApplied: Bool?
    var progressive: Bool?
    var scans: Int?
    var warnings: [String]?
    var error: ErrorReport?

    struct ErrorReport: Encodable {
        var code: String
        var message: String
    }

    var outcome: Outcome {
        if error != nil { return .unreadable }
        return (warnings ?? []).isEmpty ? .fine : .failing
    }

    init(input: InputReference, decoded: DecodedImage) {
        self.input = input
        status = decoded.warnings.isEmpty ? "ok" : "warnings"
        format = decoded.fileFormat.rawValue
        width = decoded.image.width
        height = decoded.image.height
        storedWidth = decoded.storedWidth
        storedHeight = decoded.storedHeight
        colourModel = decoded.storedColourModel
        bitDepth = decoded.bitDepth
        dotsPerInch = decoded.dotsPerInch
        orientation = decoded.orientation.rawValue
        orientationApplied = decoded.orientationApplied
        progressive = decoded.isProgressive
        scans = decoded.scans
        warnings = decoded.warnings
    }

    init(input: InputReference, error: ImageDecodingError) {
        self.input = input
        status = "error"
        self.error = ErrorReport(code: error.code, message: error.description)
    }

    func text(terminal: Terminal) -> String {
        let name = input.path ?? "-"
        if let error { return "\(name): \(terminal.red("error")): \(error.message)" }
        var parts = ["\(format ?? "?") \(width ?? 0)×\(height ?? 0)", colourModel ?? "?", "\(bitDepth ?? 8)-bit"]
        if let dpi = dotsPerInch {
            parts.append(dpi.horizontal == dpi.vertical ? "\(format(dpi.horizontal)) dpi" : "\(format(dpi.horizontal))×\(format(dpi.vertical)) dpi")
        } else {
            parts.append("no resolution stated")
        }
        if let orientation, orientation != 1, let value = EXIFOrientation(rawValue: orientation) {
            parts.append("EXIF orientation \(orientation): \(value.summary)\(orientationApplied == true ? ", turned upright" : "")")
        }
        if progressive == true { parts.append(format == "PNG" ? "interlaced" : "progressive, \(scans ?? 0) scans") }
        var line = "\(name): " + parts.joined(separator: ", ")
        for warning in warnings ?? [] { line += "\n  \(terminal.yellow("warning")): \(warning)" }
        return line
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
