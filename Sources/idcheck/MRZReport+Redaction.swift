import IDCheck

extension MRZReport {
    /// The MRZ fields that carry personal data: names, numbers, the date of birth.
    static var personalFields: Set<MRZ.Field> { PersonalData.mrzFields }

    /// Hides names, numbers and the date of birth (`--redact`): their characters become `*`
    /// in the lines and fields; the codes, expiry and check results stay.
    mutating func redact(_ zone: MRZ.Zone) {
        var lines = zone.lines.map { Array($0) }
        for field in zone.fields where Self.personalFields.contains(field.field) {
            let span = field.span
            guard lines.indices.contains(span.line) else { continue }
            for column in span.start..<min(span.end, lines[span.line].count) { lines[span.line][column] = "*" }
        }
        self.lines = lines.map { String($0) }
        fields = fields?.map { entry in
            guard let field = MRZ.Field(rawValue: entry.field), Self.personalFields.contains(field) else { return entry }
            var copy = entry
            copy.raw = String(repeating: "*", count: entry.raw.count)
            copy.value = Indicator.Evidence.redactionMark
            return copy
        }
        name = nil
        documentNumber = Indicator.Evidence.redactionMark
        birthDate = nil
        suggestions = nil
        issues = issues?.map { entry in
            guard let name = entry.field, let field = MRZ.Field(rawValue: name), Self.personalFields.contains(field) else { return entry }
            var copy = entry
            copy.message = "\(name): \(entry.code) (details redacted)"
            return copy
        }
    }
}
