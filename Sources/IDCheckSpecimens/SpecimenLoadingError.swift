/// Why a specimen description could not be loaded: the file, the field (a path such as
/// `sides[0].zones[3].box.width`), and what was wrong.
public struct SpecimenLoadingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The file or folder does not exist or cannot be read.
        case unreadable(String)
        /// The file is not valid JSON.
        case malformedJSON(String)
        /// A required field is absent.
        case missingField
        /// The field has the wrong JSON type or an unknown value (e.g. an unknown MRZ format).
        case wrongType(String)
        /// The field is present and well-typed but its value breaks a rule of the format.
        case invalidValue(String)
    }

    /// The file the problem is in.
    public let file: String
    /// The dotted path of the field, `nil` when the whole file is at fault.
    public let field: String?
    public let reason: Reason

    public init(file: String, field: String?, reason: Reason) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        let location = field.map { "\(file): \($0)" } ?? file
        switch reason {
        case .unreadable(let why): return "\(location): cannot read: \(why)"
        case .malformedJSON(let why): return "\(location): not valid JSON: \(why)"
        case .missingField: return "\(location): required field is missing"
        case .wrongType(let why): return "\(location): \(why)"
        case .invalidValue(let why): return "\(location): \(why)"
        }
    }
}
