import Foundation
import IDCheck

/// Specimen description loading: JSON decoding and validation of an `idcheck.specimen/1`
/// description (reference images not required, so only the description is under test). Must
/// return a specimen or a typed `SpecimenLoadingError` naming the field.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let specimen = try Specimen.decode(data, file: "fuzz/specimen.json", directory: "/nonexistent-fuzz-specimen",
                                           requireReferenceImages: false)
        _ = specimen.id
    } catch {
        _ = error.description
    }
    return 0
}
