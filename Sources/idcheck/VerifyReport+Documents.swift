import IDCheck

extension VerifyReport {
    /// Examines each document that `pages` show and hands over its report with its inspection,
    /// top to bottom: one document, or each of a sheet of several photocopied together
    /// (``Inspector/documentsToExamine(on:)``), whose reports then say which document of the image
    /// each is. `earlier`: the documents seen before each one (asked anew for each, since a run
    /// may record each document as it is handed over). `verify` and `batch` report through it alike.
    static func ofEachDocument(on pages: [Examination.Page], inputs: [InputReference], inspector: Inspector, redact: Bool,
                               earlier: () -> SeenDocuments = { SeenDocuments() },
                               _ body: (VerifyReport, Inspection) throws -> Void) rethrows {
        let (readings, documents) = inspector.documentsToExamine(on: pages)
        for (index, location) in documents.enumerated() {
            let inspection = inspector.inspect(pages, readings: readings, examining: location, earlier: earlier())
            var report = VerifyReport(inputs: inputs, inspection: inspection, redact: redact)
            if documents.count > 1 { report.documentOnImage = .init(number: index + 1, of: documents.count) }
            try body(report, inspection)
        }
    }
}
