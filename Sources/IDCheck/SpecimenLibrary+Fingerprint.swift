import Foundation
import IDCheckForensics
import IDCheckSpecimens

extension SpecimenLibrary {
    /// SHA-256 over every model's `specimen.json` (in ID order) and the name and byte size of each
    /// reference image: it changes whenever a model is added, edited or re-rendered, without
    /// reading megabytes of images on every run.
    public func fingerprint() -> String {
        var hasher = SHA256()
        for specimen in specimens {
            hasher.update(Array((specimen.id + "\n").utf8))
            let description = specimen.directory + "/" + Specimen.descriptionFileName
            if let data = FileManager.default.contents(atPath: description) { hasher.update([UInt8](data)) }
            for side in specimen.sides {
                let path = specimen.referencePath(of: side)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).flatMap { $0 } ?? -1
                hasher.update(Array("\n\(side.name) \(side.reference) \(size)\n".utf8))
            }
        }
        return hasher.finalizeHex()
    }

    /// This library as a report's provenance names it.
    public func provenance() -> Provenance.Library {
        Provenance.Library(directory: location.directory, source: location.source.rawValue, sha256: fingerprint(),
                           models: ids, problems: problems.map(\.description))
    }
}
