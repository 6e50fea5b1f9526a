import Foundation
import IDCheck

/// One file's result as a worker hands it back: the report that becomes its line, and what the
/// cross-document checks need. No image survives it.
struct BatchItemResult: Sendable {
    enum Report: Sendable {
        case verify(VerifyReport)
        case scan(ScanReport)
    }

    var input: InputReference
    var report: Report
    var facts: CrossDocumentFacts?
    var elapsedMilliseconds: Double?
    /// The report is the card's, verified on the worker of the card's other file.
    var takenFromOtherSide = false
}

/// What a worker did with one path.
enum BatchItemOutcome: Sendable {
    /// Already in the results (same path and SHA-256): nothing to write.
    case skipped(InputReference)
    /// One result per document the file shows, in the order of their lines: one, or several for
    /// a sheet of documents (their reports say which document of the image each is). Never empty.
    case results([BatchItemResult])

    static func result(_ result: BatchItemResult) -> Self { .results([result]) }
}

/// Processes one file on a worker thread: reads it (size limit first), hashes it, asks whether it
/// is already done, decodes it and runs `verify` or `scan`. Every problem becomes a result with
/// its error code; nothing here throws or traps on a file's content.
struct BatchItemProcessor: Sendable {
    let mode: BatchMode
    let inspector: Inspector
    let decoder: ImageDecoder
    let maxFileBytes: Int
    /// Whether a card side is verified together with its other side (``CardSides``).
    let pairsSides: Bool
    /// Cards verified once for both their files.
    let cards = CardPairResults()

    init(mode: BatchMode, inspector: Inspector, decoding options: DecodingOptions, pairsSides: Bool = true) {
        self.mode = mode
        self.inspector = inspector
        decoder = ImageDecoder(options: options)
        maxFileBytes = options.maxFileBytes
        self.pairsSides = pairsSides
    }

    /// - Parameters:
    ///   - hashed: told the file's reference as soon as it is known (a timeout line needs it).
    ///   - isDone: whether this path and SHA-256 already has a line, or is being worked on for
    ///     an earlier listing of the same path in this run.
    ///   - waiting: told `true` when the worker starts waiting for a card that the other side's
    ///     worker is verifying (it holds no image then, and its slot may run another file), and
    ///     `false` when, the wait over, it has to verify the card's file itself after all: the
    ///     call returns once the scheduler has a slot for it again.
    func process(path: String, hashed: (InputReference) -> Void, isDone: (InputReference) -> Bool,
                 waiting: (Bool) -> Void = { _ in }) -> BatchItemOutcome {
        let start = ContinuousClock.now
        let input: InputReference
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, maxBytes: maxFileBytes)
            input = .file(path, bytes: bytes)
        } catch {
            let reference = InputReference(path: path, sha256: "")
            return .result(failure(reference, error: error, start: start))
        }
        hashed(input)
        if isDone(input) { return .skipped(input) }
        if mode == .verify, pairsSides, let other = CardSides.partner(of: path) {
            return .results(verifyCard(path: path, input: input, bytes: bytes, other: other, start: start, waiting: waiting))
        }
        let image: Image
        do {
            image = try decoder.decode(bytes).image
        } catch {
            return .result(failure(input, error: error, start: start))
        }
        switch mode {
        case .scan:
            let report = ScanReport(input: input, readings: inspector.reader.read(image), reference: inspector.checkDate)
            return .result(BatchItemResult(input: input, report: .scan(report), elapsedMilliseconds: Self.milliseconds(since: start)))
        case .verify:
            return .results(verifyAlone(path: path, input: input, image: image, start: start))
        }
    }

    /// One file verified as a document of its own, or, where it shows several documents (a sheet
    /// of a family's papers), each of them on its own: one result each, the elapsed time (the
    /// file's) on the first.
    private func verifyAlone(path: String, input: InputReference, image: Image, start: ContinuousClock.Instant) -> [BatchItemResult] {
        let label = Self.label(path)
        let pages = [Examination.Page(image: image, label: label)]
        var results: [BatchItemResult] = []
        VerifyReport.ofEachDocument(on: pages, inputs: [input], inspector: inspector, redact: false) { report, inspection in
            let name = report.documentOnImage?.naming(label) ?? label
            results.append(BatchItemResult(input: input, report: .verify(report), facts: Self.facts(of: inspection, labels: [name])?.facts))
        }
        // `documentsToExamine` gives at least one document; no trap on it all the same.
        if !results.isEmpty { results[0].elapsedMilliseconds = Self.milliseconds(since: start) }
        return results
    }

    /// A card side's line: the card verified once with both its images (``CardPairResults``), in
    /// the card's order (``CardPair``), shown with this file first. The other side unreadable, the
    /// file is verified alone (the other side's own line says why).
    private func verifyCard(path: String, input: InputReference, bytes: [UInt8], other: String,
                            start: ContinuousClock.Instant, waiting: (Bool) -> Void) -> [BatchItemResult] {
        let pair = CardPair(path, other)
        let own = pair.page(of: path)
        // Verified from these very bytes (a file rewritten since is verified again here).
        var waited = false
        let claim = cards.claim(pair.key) { waits in
            waited = waits
            waiting(waits)
        }
        if case .verified(let card) = claim, card.report.inputs.indices.contains(own), card.report.inputs[own].sha256 == input.sha256 {
            return [BatchItemResult(input: input, report: .verify(card.report.leading(page: own, as: input)),
                                    facts: card.mrzPage == own ? card.facts.map(Self.onFirstPage) : nil,
                                    elapsedMilliseconds: Self.milliseconds(since: start), takenFromOtherSide: true)]
        }
        // Verifying after all (the other worker had nothing to share, or the file changed since):
        // a slot is needed again before any image is decoded.
        if waited { waiting(false) }
        let image: Image
        do {
            image = try decoder.decode(bytes).image
        } catch {
            cards.finish(pair.key, with: nil)
            return [failure(input, error: error, start: start)]
        }
        return verifyCardHere(pair: pair, own: own, input: input, image: image, start: start)
    }

    /// Verifies the card on this worker and leaves the result for the other file's.
    private func verifyCardHere(pair: CardPair, own: Int, input: InputReference, image: Image,
                                start: ContinuousClock.Instant) -> [BatchItemResult] {
        let otherPath = pair.files[1 - own]
        guard let bytes = try? FileBytes.read(path: otherPath, maxBytes: maxFileBytes), let otherImage = try? decoder.decode(bytes).image else {
            cards.finish(pair.key, with: nil)
            return verifyAlone(path: pair.files[own], input: input, image: image, start: start)
        }
        var images = [image, otherImage], inputs = [input, .file(otherPath, bytes: bytes)]
        if own == 1 {
            images.reverse()
            inputs.reverse()
        }
        let labels = pair.files.map(Self.label)
        let inspection = inspector.inspect(zip(images, labels).map { Examination.Page(image: $0, label: $1) })
        let found = Self.facts(of: inspection, labels: labels)
        let card = CardPairResults.Result(report: VerifyReport(inputs: inputs, inspection: inspection, redact: false),
                                          facts: found?.facts, mrzPage: found?.page)
        cards.finish(pair.key, with: card)
        return [BatchItemResult(input: input, report: .verify(card.report.leading(page: own, as: input)),
                                facts: card.mrzPage == own ? card.facts.map(Self.onFirstPage) : nil,
                                elapsedMilliseconds: Self.milliseconds(since: start))]
    }

    /// Facts for the line of the file that holds the MRZ, which shows that file first: the
    /// evidence of a cross-document finding (its MRZ span) is on page 0 there.
    static func onFirstPage(_ facts: CrossDocumentFacts) -> CrossDocumentFacts {
        var facts = facts
        facts.geometry?.page = 0
        return facts
    }

    /// The cross-document facts of an inspected document and the page they come from: the page
    /// that holds the MRZ, so that a card is one document across the batch, not two (only that
    /// file's line carries them).
    static func facts(of inspection: Inspection, labels: [String]) -> (facts: CrossDocumentFacts, page: Int)? {
        let examination = inspection.examination
        guard let zone = examination.zone, let page = examination.mrzGeometry?.page,
              examination.pages.indices.contains(page), labels.indices.contains(page) else { return nil }
        var portrait: PortraitHash?
        var region: [Point]?
        if let (placement, box) = PortraitHash.photoRegion(of: examination) {
            portrait = PortraitHash.compute(image: examination.pages[page].image, placement: placement, box: box)
            if portrait != nil { region = placement.region(of: box) }
        }
        let facts = CrossDocumentFacts(zone: zone, geometry: examination.mrzGeometry, portrait: portrait, portraitRegion: region,
                                       label: labels[page])
        return (facts, page)
    }

    static func label(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    private func failure(_ input: InputReference, error: ImageDecodingError, start: ContinuousClock.Instant) -> BatchItemResult {
        let path = input.path ?? "-"
        let report: BatchItemResult.Report
        switch mode {
        case .scan: report = .scan(ScanReport(input: input, error: error))
        case .verify:
            report = .verify(VerifyReport(inputs: [input], failing: 0, message: "\(path): \(error)", code: error.code,
                                          checkDate: inspector.checkDate, redact: false))
        }
        return BatchItemResult(input: input, report: report, elapsedMilliseconds: Self.milliseconds(since: start))
    }

    /// The line of a file abandoned after `seconds`.
    func timeout(_ input: InputReference, seconds: Double) -> BatchItemResult {
        let path = input.path ?? "-"
        let message = "\(path): not finished within the --timeout of \(seconds) s; abandoned"
        let report: BatchItemResult.Report
        switch mode {
        case .scan:
            var scan = ScanReport(input: input, error: .empty)
            scan.status = "timeout"
            scan.error = ScanReport.ErrorEntry(code: "timeout", message: message)
            report = .scan(scan)
        case .verify:
            var verify = VerifyReport(inputs: [input], failing: 0, message: message, code: "timeout",
                                      checkDate: inspector.checkDate, redact: false)
            verify.status = "timeout"
            report = .verify(verify)
        }
        return BatchItemResult(input: input, report: report, elapsedMilliseconds: nil)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return (ms * 10).rounded() / 10
    }
}
