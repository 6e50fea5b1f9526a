/// Which input a report is about: every JSON object the tool writes carries one, so that a result
/// can be matched to the exact bytes it was computed from.
public struct InputReference: Codable, Sendable, Equatable {
    /// The path as the user gave it, or `nil` for text from an argument or standard input.
    public var path: String?
    /// Where the input came from when it is not a file: `"argument"` or `"stdin"`.
    public var source: String?
    /// SHA-256 of the input's bytes, lower-case hex.
    public var sha256: String

    public init(path: String?, source: String? = nil, sha256: String) {
        self.path = path
        self.source = source
        self.sha256 = sha256
    }

    public static func file(_ path: String, bytes: [UInt8]) -> InputReference {
        InputReference(path: path, sha256: SHA256.hexDigest(of: bytes))
    }

    public static func text(_ text: String, source: String) -> InputReference {
        InputReference(path: nil, source: source, sha256: SHA256.hexDigest(of: Array(text.utf8)))
    }
}
