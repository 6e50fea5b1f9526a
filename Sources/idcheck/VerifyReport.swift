import IDCheck

/// The `idcheck.verify/1` object (docs/schemas/verify.md) and its text form.
struct VerifyReport: Encodable {
    struct PageEntry: Encodable {
        var path: String?
        var sha256: String
        var width: Int?
        var height: Int?
        var mrzFound: Bool
    }

    struct ModelEntry: Encodable {
        var status: String
        var id: String?
        var name: String?
        var nearest: [String]
        var reasons: [String]
        var placement: String?
        var alignment: AlignmentEntry?
        /// The model's sides found on the images.
        var sides: [SideEntry]
    }

    struct SideEntry: Encodable {
        var page: Int
        var side: String
        var aligned: Bool
        var similarity: Double
    }

    /// How the image was aligned with the identified model's specimen side.
    struct AlignmentEntry: Encodable {
        var aligned: Bool
        var similarity: Double
        var residualPixels: Double?
        var zoneSimilarity: [String: Double]
        var colourDistance: Double?
    }

    struct EvidenceEntry: Encodable {
        var page: Int?
        var region: [[Double]]?
        var mrzSpan: MRZ.Span?
        var field: String?
        var expected: String?
        var observed: String?
        var score: Double?
    }

    struct IndicatorEntry: Encodable {
        var code: String
        var severity: String
        var message: String
        var evidence: EvidenceEntry
        var deviation: String?
    }

    struct Counts: Encodable {
        var critical = 0
        var warning = 0
        var info = 0
    }

    struct ErrorEntry: Encodable {
        var code: String
        var message: String
    }

    /// Which of the documents on one image this report covers (several documents photocopied on
    /// one sheet each get a report); absent when the image shows one.
    /// Which of the documents one image shows a report is about.
    struct DocumentOnImage: Codable, CustomStringConvertible {
        var number: Int
        var of: Int

        var description: String { "document \(number) of \(of) on the image" }

        /// How the document is named in another document's finding: the file's `label` and which
        /// document of it this is.
        func naming(_ label: String) -> String { "\(label) (\(self))" }
    }

    var schema = "idcheck.verify/1"
    var input: InputReference
    var inputs: [PageEntry]
    var toolVersion = IDCheckVersion.string
    /// `checked` or `error` (an image could not be read).
    var status: String
    var verdict: String?
    var checkDate: String
    var redacted: Bool
    var model: ModelEntry?
    var mrz: MRZReport?
    var indicators: [IndicatorEntry] = []
    var counts = Counts()
    var notChecked: [String] = []
    var provenance: Provenance?
    var error: ErrorEntry?
    var documentOnImage: DocumentOnImage?

    enum CodingKeys: String, CodingKey {
        case schema, input, inputs, toolVersion, status, verdict, checkDate, redacted, model, mrz, indicators, counts
        case notChecked, provenance, error, documentOnImage
    }

    init(inputs references: [InputReference], inspection: Inspection, redact: Bool) {
        input = references.first ?? InputReference(path: nil, sha256: "")
        let report = redact ? inspection.report.redacted() : inspection.report
        let examination = inspection.examination
        inputs = zip(references, examination.pages).enumerated().map { index, pair in
            PageEntry(path: pair.0.path, sha256: pair.0.sha256, width: pair.1.image.width, height: pair.1.image.height,
                      mrzFound: !(inspection.readings.indices.contains(index) ? inspection.readings[index] : []).isEmpty)
        }
        status = "checked"
        verdict = report.verdict.rawValue
        checkDate = examination.checkDate.description
        redacted = redact
        let identification = report.identification
        model = ModelEntry(status: identification.status.rawValue, id: identification.model?.id, name: identification.model?.name,
                           nearest: identification.nearest.map(\.id), reasons: identification.reasons,
                           placement: examination.placement?.method,
                           alignment: examination.alignment.map { alignment in
                               AlignmentEntry(aligned: alignment.aligned, similarity: Self.round(alignment.score),
                                              residualPixels: alignment.residualPixels.map(Self.round),
                                              zoneSimilarity: alignment.zoneSimilarity.mapValues(Self.round),
                                              colourDistance: alignment.colourDistance.map { ($0 * 1000).rounded() / 1000 })
                           },
                           sides: examination.sides.map { view in
                               SideEntry(page: view.page, side: view.side, aligned: view.alignment.aligned,
                                         similarity: Self.round(view.alignment.score))
                           })
        if let zone = examination.zone {
            var mrz = MRZReport(input: input, zone: zone, reference: examination.checkDate)
            if redact { mrz.redact(zone) }
            self.mrz = mrz
        }
        indicators = report.indicators.map { indicator in
            let evidence = indicator.evidence
            return IndicatorEntry(
                code: indicator.code.rawValue, severity: indicator.severity.rawValue, message: indicator.message,
                evidence: EvidenceEntry(page: evidence.page, region: evidence.region?.map { [Self.round($0.x), Self.round($0.y)] },
                                        mrzSpan: evidence.mrzSpan, field: evidence.field, expected: evidence.expected,
                                        observed: evidence.observed, score: evidence.score.map(Self.round)),
                deviation: indicator.deviation)
        }
        for indicator in report.indicators {
            switch indicator.severity {
            case .critical: counts.critical += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }
        notChecked = report.notChecked
        provenance = report.provenance
    }

    /// The report of a document one of whose images could not be read.
    init(inputs references: [InputReference], failing: Int, message: String, code: String,
         checkDate: MRZ.CalendarDate, redact: Bool) {
        input = references.indices.contains(failing) ? references[failing] : (references.first ?? InputReference(path: nil, sha256: ""))
        inputs = references.map { PageEntry(path: $0.path, sha256: $0.sha256, mrzFound: false) }
        status = "error"
        self.checkDate = checkDate.description
        redacted = redact
        self.error = ErrorEntry(code: code, message: message)
        notChecked = Report.beyondVisibleLight
    }

    var outcome: Outcome {
        if error != nil { return .unreadable }
        return verdict == Verdict.consistent.rawValue ? .fine : .failing
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    // MARK: Text

    /// The verdict line first, then the indicators (most severe first), the MRZ, the model,
    /// what was not checked and the provenance.
    func text(terminal: Terminal) -> String {
        let name = inputs.compactMap(\.path).joined(separator: " + ")
            + (documentOnImage.map { " (\($0))" } ?? "")
        if let error { return "\(name): \(terminal.red("error")): \(error.message)" }
        var out: [String] = []
        let summary = [(counts.critical, "critical"), (counts.warning, "warning"), (counts.info, "info")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let verdictWord: String
        switch verdict {
        case "suspect": verdictWord = terminal.red("✗ SUSPECT")
        case "review": verdictWord = terminal.yellow("! REVIEW")
        default: verdictWord = terminal.green("✓ CONSISTENT")
        }
        out.append("\(name): \(verdictWord)" + (summary.isEmpty ? "" : " — " + summary))
        for (index, indicator) in indicators.enumerated() {
            let mark: String
            switch indicator.severity {
            case "critical": mark = terminal.red("✗")
            case "warning": mark = terminal.yellow("!")
            default: mark = terminal.dim("·")
            }
            out.append("  \(mark) [\(index + 1)] \(terminal.bold(indicator.code))  \(indicator.message)")
            var details: [String] = []
            if let expected = indicator.evidence.expected { details.append("expected \(expected)") }
            if let observed = indicator.evidence.observed { details.append("observed \(observed)") }
            if let span = indicator.evidence.mrzSpan {
                details.append("MRZ line \(span.line + 1), " + (span.end - span.start == 1 ? "column \(span.end)" : "columns \(span.start + 1)–\(span.end)"))
            }
            if !details.isEmpty { out.append("        " + terminal.dim(details.joined(separator: "; "))) }
        }
        if let mrz, let lines = mrz.lines {
            out.append("")
            out.append(terminal.bold("MRZ") + " " + (mrz.formatName ?? ""))
            for line in lines { out.append("  " + line) }
        }
        if let model {
            out.append("")
            switch model.status {
            case "identified": out.append(terminal.bold("Model") + " \(model.id ?? "") — \(model.name ?? "")")
            case "noMatchingModel": out.append(terminal.bold("Model") + " none fits; nearest: \(model.nearest.joined(separator: ", "))")
            case "noModelForIssuer": out.append(terminal.bold("Model") + " not in the specimen library: not compared")
            default: out.append(terminal.bold("Model") + " not identified (no MRZ)")
            }
        }
        out.append("")
        out.append(terminal.bold("Not checked") + " " + notChecked.joined(separator: "; ")
            + ". A visible-light scan finds inconsistencies; it cannot prove a document genuine.")
        if let provenance {
            var parts = inputs.map { "sha256 \(String($0.sha256.prefix(16)))…" }
            parts.append("idcheck \(provenance.toolVersion)")
            parts.append("check date \(provenance.checkDate)")
            if let library = provenance.specimenLibrary {
                parts.append("specimens \(library.source) \(String(library.sha256.prefix(12))) (\(library.models.count) models)")
            }
            if let list = provenance.watchList { parts.append("watch list \(list.entries) entries \(String(list.sha256.prefix(12)))") }
            out.append(terminal.dim("Provenance: " + parts.joined(separator: ", ")))
        }
        return out.joined(separator: "\n")
    }
}
