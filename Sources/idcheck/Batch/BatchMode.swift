import ArgumentParser

/// What `idcheck batch` computes per file: `--verify` (the default; the `idcheck verify` report)
/// or `--scan` (the MRZ reading of `idcheck scan`).
enum BatchMode: String, Codable, Sendable, CaseIterable, EnumerableFlag {
    case verify, scan
}
