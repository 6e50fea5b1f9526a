/// The byte-level reading of a zone: well-formedness, format detection, and the analysis of a
/// well-formed zone (classes, check digits, dates, codes, rules).
///
/// Everything here works on `[UInt8]` and static layout tables; strings are only made for the
/// messages of issues, which a valid zone does not have.
enum MRZParser {
    /// Larger input is refused before it is scanned: a zone has at most 90 characters, and even
    /// generous whitespace around it stays far below this.
    static let maximumInputBytes = 4096
    /// A longer line is refused without looking at its characters.
    static let maximumLineLength = 64

    // MARK: Well-formedness

    /// Checks line count, alphabet and lengths; returns the format and the lines stored contiguously.
    static func wellFormed(_ lines: [ArraySlice<UInt8>]) throws(MRZParsingError) -> (MRZ.Format, [UInt8]) {
        guard !lines.isEmpty else { throw MRZParsingError(.empty) }
        guard lines.count == 2 || lines.count == 3 else { throw MRZParsingError(.wrongLineCount(found: lines.count)) }
        for (index, line) in lines.enumerated() where line.count > maximumLineLength {
            throw MRZParsingError(.wrongLineLength(expected: expectedLength(lines, index), found: line.count), line: index)
        }
        var total = 0
        for (index, line) in lines.enumerated() {
            total += line.count
            let bad = MRZCharacterClass.admission.withUnsafeBufferPointer { admission in
                line.firstIndex { admission[Int($0)] & 0x80 == 0 }
            }
            if let bad { throw characterError(line, index: index, column: bad - line.startIndex) }
        }
        let format = detect(lines)
        for (index, expected) in format.lineLengths.enumerated() where lines[index].count != expected {
            throw MRZParsingError(.wrongLineLength(expected: expected, found: lines[index].count), line: index)
        }
        var storage: [UInt8] = []
        storage.reserveCapacity(total)
        for line in lines { storage.append(contentsOf: line) }
        return (format, storage)
    }

    /// The format the lines claim to be, from their count, lengths and document code.
    static func detect(_ lines: [ArraySlice<UInt8>]) -> MRZ.Format {
        let first = lines[0]
        let documentCode = first.first ?? 0
        if lines.count == 3 { return first.count <= 15 ? .swissDrivingLicence : .td1 }
        let longest = max(lines[0].count, lines[1].count)
        if longest >= 40 { return documentCode == UInt8(ascii: "V") ? .mrvA : .td3 }
        if first.starts(with: "IDFRA".utf8) { return .frenchIdentityCard }
        return documentCode == UInt8(ascii: "V") ? .mrvB : .td2
    }

    private static func expectedLength(_ lines: [ArraySlice<UInt8>], _ index: Int) -> Int {
        let format = lines.count == 3 ? (index == 0 ? MRZ.Format.swissDrivingLicence : .td1) : .td3
        return format.lineLengths[index]
    }

    /// The error for the first byte outside the alphabet, with the column counted in characters.
    private static func characterError(_ line: ArraySlice<UInt8>, index: Int, column byteColumn: Int) -> MRZParsingError {
        let text = String(decoding: line, as: UTF8.self)
        var bytesSeen = 0
        var column = 0
        for character in text {
            let width = character.utf8.count
            if bytesSeen + width > byteColumn {
                if character.isLowercase, character.uppercased().utf8.allSatisfy(MRZCharacterClass.isMRZ) {
                    return MRZParsingError(.lowercaseCharacter(character), line: index, column: column)
                }
                return MRZParsingError(.invalidCharacter(character), line: index, column: column)
            }
            bytesSeen += width
            column += 1
        }
        return MRZParsingError(.invalidCharacter("\u{FFFD}"), line: index, column: column)
    }

    // MARK: Analysis

    /// Reads a well-formed zone: every field located, every check digit computed, dates decoded,
    /// codes looked up, rules applied.
    static func analyse(_ storage: [UInt8], format: MRZ.Format, options: MRZ.ParsingOptions) -> MRZ.Zone {
        let layout = MRZLayout.of(format)
        let offsets = format.lineOffsets
        var issues: [MRZ.Issue] = []

        @inline(__always) func at(_ line: Int, _ column: Int) -> UInt8 { storage[offsets[line] + column] }
        @inline(__always) func slice(_ span: MRZ.Span) -> ArraySlice<UInt8> {
            storage[offsets[span.line] + span.start..<offsets[span.line] + span.end]
        }

        let overflow = (format == .td1 || format == .td2) ? longDocumentNumber(storage, format: format) : nil

        // Character classes: one pass over the bytes; the slow path only when something is off.
        let classesHold = storage.withUnsafeBufferPointer { bytes in
            layout.classes.withUnsafeBufferPointer { classes in
                MRZCharacterClass.admission.withUnsafeBufferPointer { admission in
                    var held = true
                    for index in 0..<min(bytes.count, classes.count) {
                        held = held && admission[Int(bytes[index])] & (1 << classes[index].rawValue) != 0
                    }
                    return held
                }
            }
        }
        if !classesHold { issues += classIssues(storage, layout: layout) }

        var checks: [MRZ.Check] = []
        checks.reserveCapacity(layout.checks.count)
        for spec in layout.checks {
            if spec.kind == .documentNumber, let overflow, let principal = layout.spec(for: .documentNumber) {
                checks.append(check(storage, offsets: offsets, kind: .documentNumber,
                                    position: MRZ.Position(line: overflow.line, column: overflow.end),
                                    covers: [principal.span, overflow], mayBeBlank: false))
            } else {
                checks.append(check(storage, offsets: offsets, kind: spec.kind, position: spec.position, covers: spec.covers,
                                    mayBeBlank: spec.mayBeBlank))
            }
        }

        var birthDate: MRZ.Date?
        var expiryDate: MRZ.Date?
        var issueMonth: MRZ.Date?
        for spec in layout.fields {
            switch spec.field {
            case .birthDate:
                let date = MRZ.Date(slice(spec.span), role: .birth, reference: options.referenceDate,
                                    expiryHorizonYears: options.expiryHorizonYears)
                birthDate = date
                dateIssues(date, spec, into: &issues)
            case .expiryDate:
                let date = MRZ.Date(slice(spec.span), role: .expiry, reference: options.referenceDate,
                                    expiryHorizonYears: options.expiryHorizonYears)
                expiryDate = date
                dateIssues(date, spec, into: &issues)
                if let calendar = date.calendarDate, calendar < options.referenceDate {
                    issues.append(MRZ.Issue(code: .expired, severity: .warning, field: .expiryDate, span: spec.span,
                                            message: "expired on \(calendar) (reference date \(options.referenceDate))"))
                }
            case .issueMonth:
                let date = MRZ.Date(slice(spec.span), role: .issue, reference: options.referenceDate,
                                    expiryHorizonYears: options.expiryHorizonYears)
                issueMonth = date
                dateIssues(date, spec, into: &issues)
            case .issuingState, .nationality:
                let span = spec.span
                countryIssues(MRZ.Country.pack(at(span.line, span.start), at(span.line, span.start + 1), at(span.line, span.start + 2)),
                              spec, storage: slice(span), into: &issues)
            case .sex:
                if MRZ.Sex(byte: at(spec.span.line, spec.span.start)) == nil {
                    issues.append(MRZ.Issue(code: .invalidSex, severity: .failure, field: .sex, span: spec.span,
                                            message: "sex is '\(String(decoding: slice(spec.span), as: UTF8.self))'; ICAO allows M, F, X or <"))
                }
            case .documentCode:
                documentCodeIssue(slice(spec.span), format: format, spec: spec, into: &issues)
            case .documentNumber:
                if slice(spec.span).allSatisfy({ $0 == MRZCharacterClass.filler }) {
                    issues.append(MRZ.Issue(code: .emptyDocumentNumber, severity: .failure, field: .documentNumber,
                                            span: spec.span, message: "the document number is empty"))
                }
            case .name, .primaryIdentifier:
                if at(spec.span.line, spec.span.start) == MRZCharacterClass.filler {
                    issues.append(MRZ.Issue(code: .emptyName, severity: .warning, field: spec.field, span: spec.span,
                                            message: "the name field has no primary identifier"))
                }
            case .languageCode:
                let byte = at(spec.span.line, spec.span.start)
                if !"DFIR".utf8.contains(byte) {
                    issues.append(MRZ.Issue(code: .invalidLanguageCode, severity: .warning, field: .languageCode,
                                            span: spec.span, message: "language code is not D, F, I or R"))
                }
            default:
                break
            }
        }
        if let birth = birthDate?.calendarDate, let expiry = expiryDate?.calendarDate, expiry < birth {
            issues.append(MRZ.Issue(code: .expiryBeforeBirth, severity: .failure, field: .expiryDate,
                                    span: layout.spec(for: .expiryDate)?.span,
                                    message: "the document expires (\(expiry)) before its holder was born (\(birth))"))
        }
        return MRZ.Zone(format: format, storage: storage, checks: checks, issues: issues, birthDate: birthDate,
                        expiryDate: expiryDate, issueMonth: issueMonth, documentNumberExtension: overflow,
                        referenceDate: options.referenceDate)
    }

    /// Analyses a well-formed zone, settling the one ambiguity of detection: a TD2 card of France
    /// (`IDFRA…`, 2×36) looks like the national French card until its check digits are read.
    static func read(_ storage: [UInt8], format: MRZ.Format, options: MRZ.ParsingOptions) -> MRZ.Zone {
        let zone = analyse(storage, format: format, options: options)
        guard format == .frenchIdentityCard, !zone.checks.allSatisfy(\.passes) else { return zone }
        let td2 = analyse(storage, format: .td2, options: options)
        return td2.checks.filter(\.passes).count > zone.checks.filter(\.passes).count ? td2 : zone
    }

    /// A TD1/TD2 document number longer than 9 characters (ICAO 9303 Parts 5 and 6): `<` in the
    /// check digit position, the rest of the number and its check digit at the start of the
    /// optional data, then `<`. Returns the span of the rest of the number.
    static func longDocumentNumber(_ storage: [UInt8], format: MRZ.Format) -> MRZ.Span? {
        let (line, checkColumn, start, end) = format == .td1 ? (0, 14, 15, 30) : (1, 9, 28, 35)
        let base = format.lineOffsets[line]
        guard storage[base + checkColumn] == MRZCharacterClass.filler,
              storage[base + start] != MRZCharacterClass.filler else { return nil }
        var stop = start
        while stop < end, storage[base + stop] != MRZCharacterClass.filler { stop += 1 }
        // The character before the first filler is the check digit; at least one character precedes it.
        guard stop - 1 > start else { return nil }
        return MRZ.Span(line: line, start: start, end: stop - 1)
    }

    static func check(_ storage: [UInt8], offsets: [Int], kind: MRZ.Check.Kind, position: MRZ.Position,
                      covers: [MRZ.Span], mayBeBlank: Bool) -> MRZ.Check {
        var weighted = MRZ.CheckDigit.Weighted()
        var allFillers = true
        storage.withUnsafeBufferPointer { bytes in
            for span in covers {
                let base = offsets[span.line]
                for index in base + span.start..<base + span.end {
                    let byte = bytes[index]
                    _ = weighted.add(byte)
                    if byte != MRZCharacterClass.filler { allFillers = false }
                }
            }
        }
        let expected = weighted.digit
        let found = storage[offsets[position.line] + position.column]
        let status: MRZ.Check.Status
        if found &- 48 < 10 {
            status = Int(found &- 48) == expected ? .valid : .invalid
        } else if found == MRZCharacterClass.filler, mayBeBlank, allFillers {
            status = .blank
        } else {
            status = .notADigit
        }
        return MRZ.Check(kind: kind, position: position, covers: covers, expected: expected, foundByte: found, status: status)
    }

    // MARK: Issues (slow paths: only reached when something is off)

    static func classIssues(_ storage: [UInt8], layout: MRZLayout) -> [MRZ.Issue] {
        var issues: [MRZ.Issue] = []
        let offsets = layout.format.lineOffsets
        for spec in layout.fields {
            // Check digits are reported by their check, dates by their own rule.
            if spec.kind == .digit || spec.kind == .date { continue }
            let base = offsets[spec.span.line]
            for column in spec.span.start..<spec.span.end where !spec.kind.admits(storage[base + column]) {
                let character = Character(Unicode.Scalar(storage[base + column]))
                let code: MRZ.Issue.Code = spec.kind == .filler ? .fillerExpected : .characterClass
                let expectation: String
                switch spec.kind {
                case .alphabetic: expectation = "letters and <"
                case .numeric: expectation = "digits and <"
                case .filler: expectation = "<"
                default: expectation = "A–Z, 0–9 and <"
                }
                issues.append(MRZ.Issue(code: code, severity: .failure, field: spec.field,
                                        span: MRZ.Span(line: spec.span.line, start: column, end: column + 1),
                                        message: "'\(character)' in \(spec.field.rawValue), which holds \(expectation)"))
                break
            }
        }
        return issues
    }

    static func dateIssues(_ date: MRZ.Date, _ spec: MRZLayout.FieldSpec, into issues: inout [MRZ.Issue]) {
        switch date.status {
        case .complete, .partlyUnknown: return
        case .impossible:
            issues.append(MRZ.Issue(code: .impossibleDate, severity: .failure, field: spec.field, span: spec.span,
                                    message: "\(spec.field.rawValue) \(date.raw) is not a date that exists"))
        case .malformed:
            issues.append(MRZ.Issue(code: .malformedDate, severity: .failure, field: spec.field, span: spec.span,
                                    message: "\(spec.field.rawValue) \(date.raw) is not YYMMDD digits (unknown parts as << or XX)"))
        }
    }

    static func countryIssues(_ key: UInt32, _ spec: MRZLayout.FieldSpec, storage: ArraySlice<UInt8>, into issues: inout [MRZ.Issue]) {
        guard let country = MRZ.Country.lookup(packed: key) else {
            issues.append(MRZ.Issue(code: spec.field == .nationality ? .unknownNationality : .unknownIssuingState,
                                    severity: .failure, field: spec.field, span: spec.span,
                                    message: "'\(String(decoding: storage, as: UTF8.self))' is not an ICAO 9303 country code"))
            return
        }
        switch country.kind {
        case .isoOnly:
            let code = MRZ.Name.readable(storage)
            issues.append(MRZ.Issue(code: .isoCodeNotUsedInMRZ, severity: .warning, field: spec.field, span: spec.span,
                                    message: "\(code) is an ISO code that ICAO replaces in the MRZ: \(country.name) prints D"))
        case .withdrawn:
            let code = MRZ.Name.readable(storage)
            issues.append(MRZ.Issue(code: .withdrawnCountryCode, severity: .warning, field: spec.field, span: spec.span,
                                    message: "\(code) is a withdrawn code: \(country.name)"))
        default:
            break
        }
    }

    static func documentCodeIssue(_ code: ArraySlice<UInt8>, format: MRZ.Format, spec: MRZLayout.FieldSpec,
                                  into issues: inout [MRZ.Issue]) {
        let first = code.first ?? 0
        let allowed: String
        switch format {
        case .td3: allowed = "P"
        case .mrvA, .mrvB: allowed = "V"
        case .td1, .td2: allowed = "ACI"
        case .frenchIdentityCard: allowed = "I"
        case .swissDrivingLicence: allowed = "F"
        }
        if !allowed.utf8.contains(first) {
            let letters = allowed.map(String.init).joined(separator: ", ")
            issues.append(MRZ.Issue(code: .unexpectedDocumentCode, severity: .warning, field: .documentCode, span: spec.span,
                                    message: "document code '\(String(decoding: code, as: UTF8.self))' does not start with \(letters) as \(format.displayName) requires"))
        }
    }
}
