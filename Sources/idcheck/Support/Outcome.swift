import ArgumentParser

/// How one input fared, mapped to the exit status every command uses (see README, "Exit status").
///
/// With several inputs the worst outcome wins, so the ordering of the cases matters.
enum Outcome: Int32, Comparable, Sendable {
    /// Read, valid and consistent.
    case fine = 0
    /// Read, but something fails: an invalid MRZ, a review or suspect verdict, no MRZ found.
    case failing = 1
    /// Could not be read at all: a corrupt or unsupported file, malformed MRZ text.
    case unreadable = 2

    static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Ends the command with this outcome's exit status (nothing is thrown for `.fine`).
    func exit() throws {
        if self != .fine { throw ExitCode(rawValue) }
    }
}
