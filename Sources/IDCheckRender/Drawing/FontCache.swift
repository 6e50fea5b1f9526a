import IDCheckImaging
import Synchronization

/// Font faces by file name, loaded once per process (faces cache their glyphs, so sharing them
/// is what makes drawing the same labels on every document cheap).
final class FontCache: Sendable {
    static let shared = FontCache()
    private let faces = Mutex<[String: FontFace]>([:])

    func face(_ fileName: String) throws(RenderError) -> FontFace {
        if let face = faces.withLock({ $0[fileName] }) { return face }
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
        faces.withLock { $0[fileName] = face }
        return face
    }
}
