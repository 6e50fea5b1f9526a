import Foundation

/// The other side of a card scanned as two files: `ID-1234-front.jpg` and `ID-1234-back.jpg`
/// (also `_front`/`_back`, ` front`/` back`, `.front`/`.back`, and `recto`/`verso`, in any letter
/// case). A card's MRZ is on one side and its name, photo and printed fields often on the other,
/// so `batch` verifies the two together, as `verify --same-document` does.
enum CardSides {
    /// Side names that pair, each with its other side.
    static let pairs: [(String, String)] = [("front", "back"), ("back", "front"), ("recto", "verso"), ("verso", "recto")]
    static let separators: Set<Character> = ["-", "_", " ", "."]
    /// Extensions the other side may have when it is not saved like this one.
    static let imageExtensions = ["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"]

    /// The existing file of the other side of the card `path` shows, beside it; `nil` when the
    /// file's name names no side or the other side is not there.
    static func partner(of path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension
        let lower = stem.lowercased()
        for (side, other) in pairs where lower.hasSuffix(side) && lower.count > side.count {
            let cut = stem.index(stem.endIndex, offsetBy: -side.count)
            guard let separator = stem[..<cut].last, separators.contains(separator) else { continue }
            let written = String(stem[cut...])
            // Keep the way the side is written: FRONT → BACK, Front → Back, front → back.
            let replacement = written == written.uppercased() ? other.uppercased()
                : (written.first?.isUppercase == true ? other.prefix(1).uppercased() + other.dropFirst() : other)
            let otherStem = String(stem[..<cut]) + replacement
            let folder = url.deletingLastPathComponent()
            for candidate in [ext] + imageExtensions.filter({ $0 != ext }) {
                let file = folder.appendingPathComponent(otherStem).appendingPathExtension(candidate).path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue { return file }
            }
            return nil
        }
        return nil
    }
}
