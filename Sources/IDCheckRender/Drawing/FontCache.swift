import Foundation
import IDCheckImaging

/// Font faces by file name, loaded once per process (faces cache their glyphs, so sharing them
/// is what makes drawing the same labels on every document cheap).
///
/// Guarded by an `NSLock` (a pthread mutex) rather than Synchronization's `Mutex`: ThreadSanitizer
/// sees pthread locks but not the `Mutex`'s futex, and reported two render threads loading their
/// first face at once as a race (a CI run of the batch tests, which render with two jobs).
final class FontCache: @unchecked Sendable {
    static let shared = FontCache()
    private let lock = NSLock()
    private var faces: [String: FontFace] = [:]

    func face(_ fileName: String) throws(RenderError) -> FontFace {
        if let face = cached(fileName) { return face }
        let path: String
        if let known = SystemFonts.Name(rawValue: fileName) {
            path = SystemFonts.path(for: known)
        } else {
            path = SystemFonts.systemDirectories.map { $0 + "/" + fileName }.first ?? fileName
        }
        let face: FontFace
        do {
            face = try FontFace(path: path)
        } catch {
            throw .font(error.description)
        }
        lock.lock()
        faces[fileName] = face
        lock.unlock()
        return face
    }

    private func cached(_ fileName: String) -> FontFace? {
        lock.lock()
        defer { lock.unlock() }
        return faces[fileName]
    }
}
