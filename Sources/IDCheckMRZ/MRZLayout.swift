/// Where each field and check digit of a format sits (ICAO 9303 Parts 4–7, and the national
/// layouts of the French identity card and the Swiss driving licence).
///
/// One static table per format; parsing walks the table instead of branching per format.
struct MRZLayout: Sendable {
    struct FieldSpec: Sendable {
        let field: MRZ.Field
        let span: MRZ.Span
        let kind: MRZCharacterClass.Kind
    }

    struct CheckSpec: Sendable {
        let kind: MRZ.Check.Kind
        let position: MRZ.Position
        let covers: [MRZ.Span]
        /// `<` is allowed in place of the digit when every covered character is `<`.
        let mayBeBlank: Bool
    }

    let format: MRZ.Format
    let fields: [FieldSpec]
    let checks: [CheckSpec]
    /// The character class of every position of the contiguous storage.
    let classes: [MRZCharacterClass.Kind]

    init(format: MRZ.Format, fields: [FieldSpec], checks: [CheckSpec]) {
        self.format = format
        self.fields = fields
        self.checks = checks
        var classes = [MRZCharacterClass.Kind](repeating: .alphanumeric, count: format.totalLength)
        let offsets = format.lineOffsets
        // Later fields refine earlier ones where they overlap (issue month inside a card number).
        for spec in fields {
            for column in spec.span.start..<spec.span.end { classes[offsets[spec.span.line] + column] = spec.kind }
        }
        self.classes = classes
    }

    func spec(for field: MRZ.Field) -> FieldSpec? { fields.first { $0.field == field } }

    static func of(_ format: MRZ.Format) -> MRZLayout {
        switch format {
        case .td1: td1
        case .td2: td2
        case .td3: td3
        case .mrvA: mrvA
        case .mrvB: mrvB
        case .frenchIdentityCard: frenchIdentityCard
        case .swissDrivingLicence: swissDrivingLicence
        }
    }

    private static func f(_ field: MRZ.Field, _ line: Int, _ start: Int, _ end: Int, _ kind: MRZCharacterClass.Kind) -> FieldSpec {
        FieldSpec(field: field, span: MRZ.Span(line: line, start: start, end: end), kind: kind)
    }

    private static func c(_ kind: MRZ.Check.Kind, _ line: Int, _ column: Int, _ covers: [(Int, Int, Int)], blank: Bool = false) -> CheckSpec {
        CheckSpec(kind: kind, position: MRZ.Position(line: line, column: column),
                  covers: covers.map { MRZ.Span(line: $0.0, start: $0.1, end: $0.2) }, mayBeBlank: blank)
    }

    /// The upper line shared by TD2, TD3 and both visa formats.
    private static func nameLine(length: Int) -> [FieldSpec] {
        [f(.documentCode, 0, 0, 2, .alphabetic), f(.issuingState, 0, 2, 5, .alphabetic), f(.name, 0, 5, length, .alphabetic)]
    }

    /// Document number to expiry check digit: the same positions in TD2, TD3 and both visas.
    private static let lowerLineCommon: [FieldSpec] = [
        f(.documentNumber, 1, 0, 9, .alphanumeric), f(.documentNumberCheckDigit, 1, 9, 10, .digit),
        f(.nationality, 1, 10, 13, .alphabetic), f(.birthDate, 1, 13, 19, .date),
        f(.birthDateCheckDigit, 1, 19, 20, .digit), f(.sex, 1, 20, 21, .alphabetic),
        f(.expiryDate, 1, 21, 27, .date), f(.expiryDateCheckDigit, 1, 27, 28, .digit),
    ]

    private static let lowerLineChecks: [CheckSpec] = [
        c(.documentNumber, 1, 9, [(1, 0, 9)]), c(.birthDate, 1, 19, [(1, 13, 19)]), c(.expiryDate, 1, 27, [(1, 21, 27)]),
    ]

    static let td3 = MRZLayout(
        format: .td3,
        fields: nameLine(length: 44) + lowerLineCommon + [
            f(.personalNumber, 1, 28, 42, .alphanumeric), f(.personalNumberCheckDigit, 1, 42, 43, .digit),
            f(.compositeCheckDigit, 1, 43, 44, .digit),
        ],
        checks: lowerLineChecks + [
            c(.personalNumber, 1, 42, [(1, 28, 42)], blank: true),
            c(.composite, 1, 43, [(1, 0, 10), (1, 13, 20), (1, 21, 43)]),
        ])

    static let mrvA = MRZLayout(
        format: .mrvA,
        fields: nameLine(length: 44) + lowerLineCommon + [f(.optionalData, 1, 28, 44, .alphanumeric)],
        checks: lowerLineChecks)

    static let td2 = MRZLayout(
        format: .td2,
        fields: nameLine(length: 36) + lowerLineCommon + [
            f(.optionalData, 1, 28, 35, .alphanumeric), f(.compositeCheckDigit, 1, 35, 36, .digit),
        ],
        checks: lowerLineChecks + [c(.composite, 1, 35, [(1, 0, 10), (1, 13, 20), (1, 21, 35)])])

    static let mrvB = MRZLayout(
        format: .mrvB,
        fields: nameLine(length: 36) + lowerLineCommon + [f(.optionalData, 1, 28, 36, .alphanumeric)],
        checks: lowerLineChecks)

    static let td1 = MRZLayout(
        format: .td1,
        fields: [
            f(.documentCode, 0, 0, 2, .alphabetic), f(.issuingState, 0, 2, 5, .alphabetic),
            f(.documentNumber, 0, 5, 14, .alphanumeric), f(.documentNumberCheckDigit, 0, 14, 15, .digit),
            f(.optionalData, 0, 15, 30, .alphanumeric),
            f(.birthDate, 1, 0, 6, .date), f(.birthDateCheckDigit, 1, 6, 7, .digit), f(.sex, 1, 7, 8, .alphabetic),
            f(.expiryDate, 1, 8, 14, .date), f(.expiryDateCheckDigit, 1, 14, 15, .digit),
            f(.nationality, 1, 15, 18, .alphabetic), f(.optionalData2, 1, 18, 29, .alphanumeric),
            f(.compositeCheckDigit, 1, 29, 30, .digit),
            f(.name, 2, 0, 30, .alphabetic),
        ],
        checks: [
            c(.documentNumber, 0, 14, [(0, 5, 14)]), c(.birthDate, 1, 6, [(1, 0, 6)]), c(.expiryDate, 1, 14, [(1, 8, 14)]),
            c(.composite, 1, 29, [(0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)]),
        ])

    static let frenchIdentityCard = MRZLayout(
        format: .frenchIdentityCard,
        fields: [
            f(.documentCode, 0, 0, 2, .alphabetic), f(.issuingState, 0, 2, 5, .alphabetic),
            f(.primaryIdentifier, 0, 5, 30, .alphabetic), f(.administrativeCode, 0, 30, 36, .alphanumeric),
            f(.documentNumber, 1, 0, 12, .alphanumeric), f(.issueMonth, 1, 0, 4, .numeric),
            f(.documentNumberCheckDigit, 1, 12, 13, .digit), f(.secondaryIdentifier, 1, 13, 27, .alphabetic),
            f(.birthDate, 1, 27, 33, .date), f(.birthDateCheckDigit, 1, 33, 34, .digit),
            f(.sex, 1, 34, 35, .alphabetic), f(.compositeCheckDigit, 1, 35, 36, .digit),
        ],
        checks: [
            c(.documentNumber, 1, 12, [(1, 0, 12)]), c(.birthDate, 1, 33, [(1, 27, 33)]),
            c(.composite, 1, 35, [(0, 0, 36), (1, 0, 35)]),
        ])

    static let swissDrivingLicence = MRZLayout(
        format: .swissDrivingLicence,
        fields: [
            f(.documentNumber, 0, 0, 9, .alphanumeric), f(.languageCode, 0, 6, 7, .alphabetic),
            f(.documentCode, 1, 0, 2, .alphabetic), f(.issuingState, 1, 2, 5, .alphabetic),
            f(.pinCode, 1, 5, 14, .numeric), f(.versionNumber, 1, 14, 17, .numeric), f(.filler, 1, 17, 19, .filler),
            f(.birthDate, 1, 19, 25, .date), f(.filler, 1, 25, 30, .filler),
            f(.name, 2, 0, 30, .alphabetic),
        ],
        checks: [])
}
