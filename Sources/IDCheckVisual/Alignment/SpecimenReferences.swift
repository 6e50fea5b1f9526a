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
    private var grids: [String: StructureGrid] = [:]
    private var colours: [String: ChromaticityGrid] = [:]

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

    /// The reference of `side` reduced to its print structure on a `width` × `height` grid.
    func grid(of specimen: Specimen, side: Specimen.Side, width: Int, height: Int) -> StructureGrid? {
        let key = "\(specimen.referencePath(of: side))#\(width)x\(height)"
        if let cached = lock.withLock({ grids[key] }) { return cached }
        guard let reference = image(of: specimen, side: side) else { return nil }
        let grid = StructureGrid(image: reference, placement: Homography([Double(reference.width), 0, 0, 0, Double(reference.height), 0, 0, 0, 1]),
                                 width: width, height: height)
        lock.withLock { grids[key] = grid }
        return grid
    }

    /// The reference of `side`'s colours on the coarse chromaticity grid.
    func chromaticity(of specimen: Specimen, side: Specimen.Side, height: Int) -> ChromaticityGrid? {
        let key = "\(specimen.referencePath(of: side))#\(height)"
        if let cached = lock.withLock({ colours[key] }) { return cached }
        guard let reference = image(of: specimen, side: side) else { return nil }
        let grid = ChromaticityGrid(image: reference, placement: Homography([Double(reference.width), 0, 0, 0, Double(reference.height), 0, 0, 0, 1]),
                                    height: height)
        lock.withLock { colours[key] = grid }
        return grid
    }
}
