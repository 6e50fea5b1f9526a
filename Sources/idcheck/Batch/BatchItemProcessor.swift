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
}

/// What a worker did with one path.
enum BatchItemOutcome: Sendable {
    /// Already in the results (same path and SHA-256): nothing to write.
    case skipped(InputReference)
    case result(BatchItemResult)
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

    init(mode: BatchMode, inspector: Inspector, decoding options: DecodingOptions, pairsSides: Bool = true) {
        self.mode = mode
        self.inspector = inspector
        decoder = ImageDecoder(options: options)
        maxFileBytes = options.maxFileBytes
        self.pairsSides = pairsSides
    }

    /// - Parameters:
    ///   - hashed: told the file's reference as soon as it is known (a timeout line needs it).
    ///   - isDone: whether this path and SHA-256 already has a line.
    func process(path: String, hashed: (InputReference) -> Void, isDone: (InputReference) -> Bool) -> BatchItemOutcome {
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
            let label = URL(fileURLWithPath: path).lastPathComponent
            var pages = [Examination.Page(image: image, label: label)]
            var inputs = [input]
            // The card's other side, when it lies beside this one: one document, this file first.
            // Unreadable, it is left out here (its own line says why).
            if pairsSides, let other = CardSides.partner(of: path), let bytes = try? FileBytes.read(path: other, maxBytes: maxFileBytes),
               let side = try? decoder.decode(bytes).image {
                pages.append(Examination.Page(image: side, label: URL(fileURLWithPath: other).lastPathComponent))
                inputs.append(.file(other, bytes: bytes))
            }
            let inspection = inspector.inspect(pages)
            let report = VerifyReport(inputs: inputs, inspection: inspection, redact: false)
            var facts: CrossDocumentFacts?
            let examination = inspection.examination
            // The cross-document facts come from the side that holds the MRZ, so that a card is
            // one document across the batch, not two.
            if let zone = examination.zone, examination.mrzGeometry?.page == 0 {
                var portrait: PortraitHash?
                var region: [Point]?
                if let (placement, box) = PortraitHash.photoRegion(of: examination) {
                    portrait = PortraitHash.compute(image: image, placement: placement, box: box)
                    if portrait != nil { region = placement.region(of: box) }
                }
                facts = CrossDocumentFacts(zone: zone, geometry: examination.mrzGeometry, portrait: portrait,
                                           portraitRegion: region, label: label)
            }
            return .result(BatchItemResult(input: input, report: .verify(report), facts: facts,
                                           elapsedMilliseconds: Self.milliseconds(since: start)))
        }
    }

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
