import IDCheck

/// The `idcheck.scan/1` JSON object (docs/schemas/scan.md) and its text form.
struct ScanReport: Encodable {
    struct CharacterEntry: Encodable {
        var character: String
        var confidence: Double
        var alternatives: [AlternativeEntry]
    }

    struct AlternativeEntry: Encodable {
        var character: String
        var score: Double
    }

    struct CorrectionEntry: Encodable {
        var line: Int
        var column: Int
        var field: String?
        var original: String
        var originalScore: Double
        var corrected: String
        var correctedScore: Double
        var reason: String
    }

    struct MRZEntry: Encodable {
        /// The MRZ on the image: 4 corners, clockwise from the MRZ's own top-left, in pixels.
        var location: [[Double]]
        var angle: Double
        var characterHeight: Double
        var recognisedLines: [String]
        var minimumConfidence: Double
        var characters: [[CharacterEntry]]
        var corrections: [CorrectionEntry]
        var report: MRZReport
    }

    struct ErrorEntry: Encodable {
        var code: String
        var message: String
    }

    var schema = "idcheck.scan/1"
    var input: InputReference
    var toolVersion = IDCheckVersion.string
    /// `read` (at least one MRZ), `no-mrz`, `error`.
    var status: String
    var mrzs: [MRZEntry] = []
    var error: ErrorEntry?

    private var readings: [MRZReading] = []

    enum CodingKeys: String, CodingKey { case schema, input, toolVersion, status, mrzs, error }

    init(input: InputReference, readings: [MRZReading], reference: MRZ.CalendarDate) {
        self.input = input
        self.readings = readings
        status = readings.isEmpty ? "no-mrz" : "read"
        mrzs = readings.compactMap { reading in
            // The reader always gives a zone or the parsing error that prevented one.
            guard let report = reading.zone.map({ MRZReport(input: input, zone: $0, reference: reference) })
                ?? reading.parsingError.map({ MRZReport(input: input, error: $0, reference: reference) }) else { return nil }
            return MRZEntry(
                location: reading.location.map { [Self.round($0.x), Self.round($0.y)] },
                angle: Self.round(reading.angle), characterHeight: Self.round(reading.characterHeight),
                recognisedLines: reading.recognisedLines, minimumConfidence: Self.round(reading.minimumConfidence),
                characters: reading.characters.map { line in
                    line.map { character in
                        CharacterEntry(character: String(character.character), confidence: Self.round(character.confidence),
                                       alternatives: character.alternatives.dropFirst().map {
                                           AlternativeEntry(character: String($0.character), score: Self.round($0.score))
                                       })
                    }
                },
                corrections: (reading.zone?.corrections ?? []).map {
                    CorrectionEntry(line: $0.position.line, column: $0.position.column, field: $0.field?.rawValue,
                                    original: String($0.original), originalScore: Self.round($0.originalScore),
                                    corrected: String($0.corrected), correctedScore: Self.round($0.correctedScore),
                                    reason: $0.reason.rawValue)
                },
                report: report)
        }
    }

    init(input: InputReference, error: ImageDecodingError) {
        self.input = input
        status = "error"
        self.error = ErrorEntry(code: error.code, message: error.description)
    }

    var outcome: Outcome {
        if error != nil { return .unreadable }
        if mrzs.isEmpty { return .failing }
        return mrzs.map(\.report.outcome).max() ?? .failing
    }

    private static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    func text(terminal: Terminal) -> String {
        let name = input.path ?? "-"
        if let error { return "\(name): \(terminal.red("error")): \(error.message)" }
        if mrzs.isEmpty { return "\(name): \(terminal.red("no MRZ found"))" }
        var out: [String] = []
        for (index, entry) in mrzs.enumerated() {
            let corners = entry.location.map { "(\(Int($0[0])), \(Int($0[1])))" }.joined(separator: " ")
            out.append("\(name)\(mrzs.count > 1 ? " MRZ \(index + 1) of \(mrzs.count)" : ""): found at \(corners), "
                + "\(Int(entry.angle.rounded()))°, characters \(Int(entry.characterHeight.rounded())) px high")
            out.append(entry.report.text(terminal: terminal))
            out.append("")
            out.append(terminal.bold("Recognition") + terminal.dim("  (lowest confidence \(entry.minimumConfidence); characters under 0.6 marked)"))
            for line in entry.characters {
                out.append("  " + line.map { $0.confidence < 0.6 ? terminal.yellow($0.character) : $0.character }.joined()
                    + "  " + terminal.dim("min \(line.map(\.confidence).min() ?? 0)"))
            }
            for correction in entry.corrections {
                out.append("  " + terminal.yellow("!") + " corrected line \(correction.line + 1) column \(correction.column + 1)"
                    + " \(correction.field.map { "(\($0)) " } ?? "")'\(correction.original)' (\(correction.originalScore)) → "
                    + "'\(correction.corrected)' (\(correction.correctedScore)) by \(correction.reason)")
            }
        }
        return out.joined(separator: "\n")
    }

    /// `image` with each MRZ's box (green when valid, red when not) and every character's box,
    /// red where a failing check digit covers the character.
    func annotated(_ image: Image) -> Image {
        var canvas = image.converted(to: .rgb)
        for reading in readings {
            let valid = reading.zone?.isValid ?? false
            let failing = Set((reading.zone?.checks ?? []).filter { !$0.passes }.flatMap { check in
                check.covers.flatMap { span in (span.start..<span.end).map { MRZ.Position(line: span.line, column: $0) } }
                    + [check.position]
            })
            let width = max(2, reading.characterHeight / 12)
            for (line, characters) in reading.characters.enumerated() {
                for (column, character) in characters.enumerated() {
                    let bad = failing.contains(MRZ.Position(line: line, column: column))
                    canvas.stroke(polygon: character.box, colour: bad ? .red : .blue, lineWidth: max(1, width / 2), alpha: 0.8)
                }
            }
            canvas.stroke(polygon: reading.location, colour: valid ? .green : .red, lineWidth: width)
        }
        return canvas
    }
}
