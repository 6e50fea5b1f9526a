import Foundation
import IDCheckMRZ

extension Specimen {
    /// The description's file name inside a specimen folder.
    public static let descriptionFileName = "specimen.json"
    /// The `schema` value of the current format.
    public static let schema = "idcheck.specimen/1"

    /// Loads and validates the specimen in `directory` (its `specimen.json`).
    ///
    /// - Parameter requireReferenceImages: whether every side's reference image must exist; the
    ///   renderer turns this off while it produces the bundled models' reference images.
    public static func load(directory: String, requireReferenceImages: Bool = true) throws(SpecimenLoadingError) -> Specimen {
        let path = directory + "/" + descriptionFileName
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SpecimenLoadingError(file: path, field: nil, reason: .unreadable(Self.reason(error)))
        }
        return try decode(data, file: path, directory: directory, requireReferenceImages: requireReferenceImages)
    }

    /// Decodes and validates a description; `file` is only used to name it in errors.
    public static func decode(_ data: Data, file: String, directory: String,
                              requireReferenceImages: Bool = true) throws(SpecimenLoadingError) -> Specimen {
        let raw: SpecimenDescription
        do {
            raw = try JSONDecoder().decode(SpecimenDescription.self, from: data)
        } catch let error as DecodingError {
            throw translate(error, file: file)
        } catch {
            throw SpecimenLoadingError(file: file, field: nil, reason: .malformedJSON(Self.reason(error)))
        }
        var validator = SpecimenValidator(file: file, directory: directory, requireReferenceImages: requireReferenceImages)
        return try validator.validate(raw)
    }

    private static func reason(_ error: any Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? String(describing: error) : text
    }

    /// Turns a `DecodingError` into the field path a person can find in the file.
    private static func translate(_ error: DecodingError, file: String) -> SpecimenLoadingError {
        switch error {
        case .keyNotFound(let key, let context):
            return SpecimenLoadingError(file: file, field: fieldPath(context.codingPath + [key]), reason: .missingField)
        case .typeMismatch(let type, let context):
            return SpecimenLoadingError(file: file, field: fieldPath(context.codingPath),
                                        reason: .wrongType("expected \(describe(type))"))
        case .valueNotFound(let type, let context):
            return SpecimenLoadingError(file: file, field: fieldPath(context.codingPath),
                                        reason: .wrongType("expected \(describe(type)), found null"))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = context.underlyingError.map { reason($0) } ?? context.debugDescription
                return SpecimenLoadingError(file: file, field: nil, reason: .malformedJSON(underlying))
            }
            return SpecimenLoadingError(file: file, field: fieldPath(context.codingPath), reason: .wrongType(context.debugDescription))
        @unknown default:
            return SpecimenLoadingError(file: file, field: nil, reason: .malformedJSON(String(describing: error)))
        }
    }

    static func fieldPath(_ path: [any CodingKey]) -> String? {
        guard !path.isEmpty else { return nil }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type, is UInt64.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }
}

/// The JSON as written, before validation (see docs/specimen-format.md).
struct SpecimenDescription: Decodable {
    var schema: String
    var id: String
    var name: String
    var issuingState: String
    var documentCode: String
    var documentType: Specimen.DocumentType
    var mrzFormat: MRZ.Format
    var size: SizeDescription
    var issuedFrom: String?
    var issuedUntil: String?
    var sides: [SideDescription]
    var rules: RulesDescription
    var deviations: [Specimen.Deviation]?
    var rendering: Specimen.RenderingStyle?

    struct SideDescription: Decodable {
        var name: String
        var reference: String
        var zones: [ZoneDescription]
    }

    struct ZoneDescription: Decodable {
        var id: String
        var kind: Specimen.Zone.Kind
        var box: Specimen.Box
        var field: Specimen.PrintedField?
        var mrzField: MRZ.Field?
        /// `"none"` in the JSON says a field has no MRZ counterpart although its kind usually has one.
        var mrzFieldNone: Bool = false
        var dateFormat: String?
        var label: String?
        var text: Specimen.TextStyle?

        enum CodingKeys: String, CodingKey { case id, kind, box, field, mrzField, dateFormat, label, text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            kind = try container.decode(Specimen.Zone.Kind.self, forKey: .kind)
            box = try container.decode(Specimen.Box.self, forKey: .box)
            field = try container.decodeIfPresent(Specimen.PrintedField.self, forKey: .field)
            if (try? container.decodeIfPresent(String.self, forKey: .mrzField)) == "none" {
                mrzFieldNone = true
            } else {
                mrzField = try container.decodeIfPresent(MRZ.Field.self, forKey: .mrzField)
            }
            dateFormat = try container.decodeIfPresent(String.self, forKey: .dateFormat)
            label = try container.decodeIfPresent(String.self, forKey: .label)
            text = try container.decodeIfPresent(Specimen.TextStyle.self, forKey: .text)
        }
    }

    struct RulesDescription: Decodable {
        var documentNumberPattern: String
        var validityYears: [Int]
        var allowedSexes: [MRZ.Sex]
        var optionalDataPattern: String?
    }

    /// `"ID-1"`, `"ID-2"`, `"ID-3"` or `{"widthMillimetres": …, "heightMillimetres": …}`.
    enum SizeDescription: Decodable {
        case named(String)
        case millimetres(Specimen.PhysicalSize)

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self = .named(name)
            } else {
                self = .millimetres(try Specimen.PhysicalSize(from: decoder))
            }
        }
    }
}
