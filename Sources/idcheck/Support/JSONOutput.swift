import Foundation

/// Writes report objects as JSON, one object per line, with keys in a stable order so that
/// outputs can be diffed and resumed batches compared line by line.
enum JSONOutput {
    static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try line(value))
    }
}

/// Standard error, for messages that must not mix with a report on standard output.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
