#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal styling that turns itself off when standard output is not a terminal (pipes, files, CI)
/// or when `NO_COLOR` is set.
struct Terminal: Sendable {
    let usesColour: Bool

    static let standardOutput = Terminal(
        usesColour: isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil)

    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
