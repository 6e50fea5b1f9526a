import Foundation
import IDCheckMRZ

/// Checks a decoded description against the rules of the format, naming the field at fault.
struct SpecimenValidator {
    let file: String
    let directory: String
    let requireReferenceImages: Bool

    private func fail(_ field: String, _ why: String) -> SpecimenLoadingError {
        SpecimenLoadingError(file: file, field: field, reason: .invalidValue(why))
    }

    mutating func validate(_ raw: SpecimenDescription) throws(SpecimenLoadingError) -> Specimen {
        guard raw.schema == Specimen.schema else {
            throw fail("schema", "expected \"\(Specimen.schema)\", found \"\(raw.schema)\"")
        }
        guard !raw.id.isEmpty, raw.id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw fail("id", "must be letters, digits, - and _ only, found \"\(raw.id)\"")
        }
        let folder = (directory as NSString).lastPathComponent
        guard folder == raw.id else { throw fail("id", "must equal the folder name \"\(folder)\", found \"\(raw.id)\"") }
        guard (1...3).contains(raw.issuingState.count), raw.issuingState.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw fail("issuingState", "must be 1–3 capital letters as in the MRZ, found \"\(raw.issuingState)\"")
        }
        guard (1...2).contains(raw.documentCode.count), raw.documentCode.allSatisfy({ $0.isASCII && ($0.isUppercase || $0 == "<") }) else {
            throw fail("documentCode", "must be 1–2 capital letters as in the MRZ, found \"\(raw.documentCode)\"")
        }
        let size: Specimen.PhysicalSize
        switch raw.size {
        case .named(let name):
            guard let named = Specimen.PhysicalSize.named[name] else {
                throw fail("size", "unknown size \"\(name)\"; use ID-1, ID-2, ID-3 or millimetres")
            }
            size = named
        case .millimetres(let millimetres):
            guard millimetres.widthMillimetres > 10, millimetres.heightMillimetres > 10,
                  millimetres.widthMillimetres < 1000, millimetres.heightMillimetres < 1000 else {
                throw fail("size", "width and height must be between 10 and 1000 mm")
            }
            size = millimetres
        }
        let issuedFrom = try date(raw.issuedFrom, field: "issuedFrom")
        let issuedUntil = try date(raw.issuedUntil, field: "issuedUntil")
        if let issuedFrom, let issuedUntil, issuedUntil < issuedFrom {
            throw fail("issuedUntil", "is before issuedFrom")
        }
        guard !raw.sides.isEmpty else { throw fail("sides", "a specimen needs at least one side") }
        var sides: [Specimen.Side] = []
        var sideNames = Set<String>()
        var mrzCount = 0
        for (sideIndex, side) in raw.sides.enumerated() {
            let path = "sides[\(sideIndex)]"
            guard sideNames.insert(side.name).inserted else { throw fail(path + ".name", "side \"\(side.name)\" appears twice") }
            guard !side.reference.isEmpty, !side.reference.contains("/") || !side.reference.hasPrefix("/") else {
                throw fail(path + ".reference", "must be a file name relative to the specimen folder")
            }
            if requireReferenceImages, !FileManager.default.isReadableFile(atPath: directory + "/" + side.reference) {
                throw fail(path + ".reference", "reference image \"\(side.reference)\" not found in \(directory)")
            }
            var zones: [Specimen.Zone] = []
            var zoneIDs = Set<String>()
            for (zoneIndex, zone) in side.zones.enumerated() {
                let zonePath = "\(path).zones[\(zoneIndex)]"
                guard !zone.id.isEmpty, zoneIDs.insert(zone.id).inserted else {
                    throw fail(zonePath + ".id", "zone ids must be unique and not empty, \"\(zone.id)\" is not")
                }
                try check(zone.box, field: zonePath + ".box")
                if zone.kind == .mrz { mrzCount += 1 }
                var mrzField: MRZ.Field?
                if zone.kind == .field {
                    guard let printed = zone.field else { throw SpecimenLoadingError(file: file, field: zonePath + ".field", reason: .missingField) }
                    mrzField = zone.mrzFieldNone ? nil : (zone.mrzField ?? printed.defaultMRZField)
                    if printed.isDate, let format = zone.dateFormat {
                        guard PrintedDate.isValidFormat(format) else {
                            throw fail(zonePath + ".dateFormat", "use the tokens dd, MM, MMM, yy, yyyy and separators, found \"\(format)\"")
                        }
                    }
                } else if zone.field != nil {
                    throw fail(zonePath + ".field", "only zones of kind \"field\" name a printed field")
                }
                if zone.kind == .staticText, (zone.label ?? "").isEmpty {
                    throw SpecimenLoadingError(file: file, field: zonePath + ".label", reason: .missingField)
                }
                if let text = zone.text, !(0.005...0.5).contains(text.size) {
                    throw fail(zonePath + ".text.size", "must be between 0.005 and 0.5 of the side's height, found \(text.size)")
                }
                if let colour = zone.text?.colour, RGBHex.parse(colour) == nil {
                    throw fail(zonePath + ".text.colour", "must be #rrggbb, found \"\(colour)\"")
                }
                zones.append(Specimen.Zone(id: zone.id, kind: zone.kind, box: zone.box, field: zone.field, mrzField: mrzField,
                                           dateFormat: zone.dateFormat, label: zone.label, text: zone.text))
            }
            sides.append(Specimen.Side(name: side.name, reference: side.reference, zones: zones))
        }
        guard mrzCount == 1 else { throw fail("sides", "exactly one zone of kind \"mrz\" is required, found \(mrzCount)") }
        guard (try? Regex(raw.rules.documentNumberPattern)) != nil else {
            throw fail("rules.documentNumberPattern", "not a valid regular expression: \"\(raw.rules.documentNumberPattern)\"")
        }
        if let pattern = raw.rules.optionalDataPattern, (try? Regex(pattern)) == nil {
            throw fail("rules.optionalDataPattern", "not a valid regular expression: \"\(pattern)\"")
        }
        guard !raw.rules.validityYears.isEmpty, raw.rules.validityYears.allSatisfy({ (1...30).contains($0) }) else {
            throw fail("rules.validityYears", "give one or more periods of 1–30 years")
        }
        guard !raw.rules.allowedSexes.isEmpty else { throw fail("rules.allowedSexes", "give at least one of M, F, X, <") }
        if let rendering = raw.rendering {
            for (index, colour) in ([rendering.ink, rendering.accent] + rendering.paper + rendering.pattern.colours).enumerated()
            where RGBHex.parse(colour) == nil {
                throw fail("rendering", "colour \(index + 1) must be #rrggbb, found \"\(colour)\"")
            }
            guard !rendering.paper.isEmpty, !rendering.pattern.colours.isEmpty else {
                throw fail("rendering", "paper and pattern.colours need at least one colour each")
            }
        }
        return Specimen(id: raw.id, name: raw.name, issuingState: raw.issuingState, documentCode: raw.documentCode,
                        documentType: raw.documentType, mrzFormat: raw.mrzFormat, size: size,
                        issuedFrom: issuedFrom, issuedUntil: issuedUntil, sides: sides,
                        rules: Specimen.Rules(documentNumberPattern: raw.rules.documentNumberPattern,
                                              validityYears: raw.rules.validityYears, allowedSexes: raw.rules.allowedSexes,
                                              optionalDataPattern: raw.rules.optionalDataPattern),
                        deviations: raw.deviations ?? [], rendering: raw.rendering, directory: directory)
    }

    private func date(_ text: String?, field: String) throws(SpecimenLoadingError) -> MRZ.CalendarDate? {
        guard let text else { return nil }
        guard let date = MRZ.CalendarDate(iso: text) else { throw fail(field, "must be an ISO date yyyy-mm-dd, found \"\(text)\"") }
        return date
    }

    private func check(_ box: Specimen.Box, field: String) throws(SpecimenLoadingError) {
        for (name, value) in [("x", box.x), ("y", box.y), ("width", box.width), ("height", box.height)]
        where !(value.isFinite && value >= 0 && value <= 1) {
            throw fail(field + "." + name, "must be between 0 and 1 (relative to the side), found \(value)")
        }
        guard box.width > 0, box.height > 0 else { throw fail(field, "width and height must be positive") }
        guard box.x + box.width <= 1.0001, box.y + box.height <= 1.0001 else {
            throw fail(field, "the box reaches past the side's edge")
        }
    }
}
