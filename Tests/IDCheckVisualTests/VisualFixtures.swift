import IDCheck
import IDCheckRender

/// Documents rendered for the visual checks' tests: real renderings of the bundled specimens,
/// decoded from the renderer's own JPEG/PNG bytes as a user's scan would be.
enum VisualFixtures {
    /// The renderer's fixed check date, so that rendered documents are valid on it.
    static let checkDate = DocumentRenderer.defaultCheckDate ?? .today

    struct Document {
        var images: [Image]
        var labels: [RenderLabel]
    }

    /// Document `seed` of `model`, genuine or forged as `forge` says, scanned under `conditions`.
    static func render(model: String, seed: UInt64, index: Int = 0, forge: ForgeryChoice = .none,
                       conditions: ScanConditions.Preset, library: SpecimenLibrary) throws -> Document {
        let renderer = DocumentRenderer(library: library, checkDate: checkDate)
        let document = try renderer.render(specimenID: model, seed: seed, index: index, count: 1, forge: forge, conditions: conditions)
        var images: [Image] = []
        for file in document.files { images.append(try ImageDecoder().decode(file.bytes).image) }
        return Document(images: images, labels: document.files.map { $0.label })
    }

    /// The pages of a rendered document as the inspector takes them.
    static func pages(_ document: Document) -> [Examination.Page] {
        zip(document.images, document.labels).map { Examination.Page(image: $0, label: $1.file) }
    }
}
