import IDCheckImaging
import IDCheckSpecimens

/// The specimens' reference images, decoded on first use and kept: every document of a batch is
/// compared with the same few references.
///
/// A reference that cannot be read is remembered as missing (the comparisons that need it are
/// then skipped and say so), never retried per document.
public final class SpecimenReferences: @unchecked Sendable {
    public let library: SpecimenLibrary?
    private let lock = PThreadLock()
    private var images: [String: Image?] = [:]

    public init(library: SpecimenLibrary?) {
        self.library = library
    }

    /// The reference image of `side` of `specimen`, RGB, or `nil` when it is missing or unreadable.
    public func image(of specimen: Specimen, side: Specimen.Side) -> Image? {
        let path = specimen.referencePath(of: side)
        if let cached = lock.withLock({ images[path] }) { return cached }
        let decoded = (try? ImageDecoder().decode(contentsOf: path))?.image.converted(to: .rgb)
        lock.withLock { images[path] = decoded }
        return decoded
    }
}
