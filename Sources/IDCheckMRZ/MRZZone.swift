extension MRZ {
    /// A machine readable zone as read: its format, its fields, the result of every check digit,
    /// the rules it breaks, and what was done to the text on the way in.
    ///
    /// Field values are materialised on demand from the zone's bytes, so that a parse that only
    /// needs the verdict allocates little.
    public struct Zone: Sendable {
        public let format: Format
        /// The lines without separators, contiguous.
        let storage: [UInt8]
        /// One result per check digit of the format, in zone order.
        public let checks: [Check]
        /// Rules broken or remarked on; only failures make the zone invalid.
        public internal(set) var issues: [Issue]
        public let birthDate: Date?
        public let expiryDate: Date?
        /// French identity card: year and month of issue.
        public let issueMonth: Date?
        /// Where a long document number continues in the optional data (TD1, TD2).
        public let documentNumberExtension: Span?
        /// The day the zone was judged against.
        public let referenceDate: CalendarDate
        /// Spaces removed from inside lines of typed text, at their positions in the text as typed.
        public internal(set) var droppedSpaces: [Position] = []
        /// Fixes a person may want to consider; never applied (typed text is judged as given).
        public internal(set) var suggestions: [Suggestion] = []
        /// Characters changed among a recogniser's own low-margin alternatives.
        public internal(set) var corrections: [Correction] = []

        init(format: Format, storage: [UInt8], checks: [Check], issues: [Issue], birthDate: Date?, expiryDate: Date?,
             issueMonth: Date?, documentNumberExtension: Span?, referenceDate: CalendarDate) {
            self.format = format
            self.storage = storage
            self.checks = checks
            self.issues = issues
            self.birthDate = birthDate
            self.expiryDate = expiryDate
            self.issueMonth = issueMonth
            self.documentNumberExtension = documentNumberExtension
            self.referenceDate = referenceDate
        }

        /// Every check digit holds and no rule fails.
        public var isValid: Bool {
            checks.allSatisfy(\.passes) && !issues.contains { $0.severity == .failure }
        }

        /// Some character was changed from what the recogniser read first; the forensics layer
        /// raises a warning for this.
        public var isCorrected: Bool { !corrections.isEmpty }

        /// The lines as parsed (after any correction).
        public var lines: [String] {
            let offsets = format.lineOffsets
            return zip(offsets, format.lineLengths).map { offset, length in
                String(decoding: storage[offset..<offset + length], as: UTF8.self)
            }
        }

        /// The bytes of a span.
        func bytes(_ span: Span) -> ArraySlice<UInt8> {
            let offset = format.lineOffsets[span.line]
            return storage[offset + span.start..<offset + span.end]
        }

        func text(_ span: Span) -> String { String(decoding: bytes(span), as: UTF8.self) }

        /// Every field of the zone in order, with position, raw text and meaning.
        public var fields: [FieldReading] {
            fieldSpecs.map { reading($0.field, $0.span) }
        }

        /// The field, if the format has it.
        public func field(_ field: Field) -> FieldReading? {
            fieldSpecs.first { $0.field == field }.map { reading($0.field, $0.span) }
        }

        /// The field layout, adjusted for a long document number.
        var fieldSpecs: [MRZLayout.FieldSpec] {
            let layout = MRZLayout.of(format)
            guard let overflow = documentNumberExtension else { return layout.fields }
            var specs: [MRZLayout.FieldSpec] = []
            for spec in layout.fields {
                switch spec.field {
                case .documentNumberCheckDigit:
                    specs.append(.init(field: .filler, span: spec.span, kind: .filler))
                case .optionalData:
                    let line = overflow.line
                    specs.append(.init(field: .documentNumberExtension, span: overflow, kind: .alphanumeric))
                    specs.append(.init(field: .documentNumberCheckDigit,
                                       span: Span(line: line, start: overflow.end, end: overflow.end + 1), kind: .digit))
                    if overflow.end + 1 < spec.span.end {
                        specs.append(.init(field: .optionalData,
                                           span: Span(line: line, start: overflow.end + 1, end: spec.span.end), kind: .alphanumeric))
                    }
                default:
                    specs.append(spec)
                }
            }
            return specs
        }

        func reading(_ field: Field, _ span: Span) -> FieldReading {
            let raw = text(span)
            let value: String
            switch field {
            case .name:
                let name = Name(field: bytes(span))
                value = name.secondaryIdentifier.isEmpty ? name.primaryIdentifier : name.primaryIdentifier + ", " + name.secondaryIdentifier
            case .birthDate: value = birthDate?.iso ?? raw
            case .expiryDate: value = expiryDate?.iso ?? raw
            case .issueMonth: value = issueMonth?.iso ?? raw
            case .documentNumber: value = documentNumber
            default: value = Name.readable(bytes(span))
            }
            return FieldReading(field: field, span: span, raw: raw, value: value)
        }

        private func trimmed(_ field: Field) -> String {
            guard let spec = MRZLayout.of(format).spec(for: field) else { return "" }
            return Name.readable(bytes(spec.span))
        }

        /// Document code without fillers (`P`, `ID`, `V`).
        public var documentCode: String { trimmed(.documentCode) }
        /// Issuing state as printed, without fillers (`UTO`, `D`).
        public var issuingStateCode: String { trimmed(.issuingState) }
        /// The issuing state, or `nil` when the code is not an ICAO code.
        public var issuingState: Country? { Country.lookup(issuingStateCode) }
        /// Nationality as printed, without fillers; empty for formats without one.
        public var nationalityCode: String { trimmed(.nationality) }
        /// The nationality, or `nil` when absent or not an ICAO code.
        public var nationality: Country? { nationalityCode.isEmpty ? nil : Country.lookup(nationalityCode) }
        /// Optional data (TD1 line 1 after any long document number, TD2, visas), trimmed.
        public var optionalData: String {
            fieldSpecs.first { $0.field == .optionalData }.map { Name.readable(bytes($0.span)) } ?? ""
        }
        /// TD1 second optional data element, trimmed.
        public var optionalData2: String { trimmed(.optionalData2) }
        /// TD3 personal number, trimmed.
        public var personalNumber: String { trimmed(.personalNumber) }

        /// The full document number, a long number's overflow included, trailing fillers removed.
        public var documentNumber: String {
            guard let spec = MRZLayout.of(format).spec(for: .documentNumber) else { return "" }
            var bytes = Array(bytes(spec.span))
            if format == .swissDrivingLicence || documentNumberExtension == nil {
                while bytes.last == MRZCharacterClass.filler { bytes.removeLast() }
            }
            if let overflow = documentNumberExtension { bytes += self.bytes(overflow) }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The sex field, or `nil` when the format has none or it holds another character.
        public var sex: Sex? {
            guard let spec = MRZLayout.of(format).spec(for: .sex), let byte = bytes(spec.span).first else { return nil }
            return Sex(byte: byte)
        }

        /// The holder's name.
        public var name: Name {
            if let spec = MRZLayout.of(format).spec(for: .name) { return Name(field: bytes(spec.span)) }
            guard let primary = MRZLayout.of(format).spec(for: .primaryIdentifier),
                  let secondary = MRZLayout.of(format).spec(for: .secondaryIdentifier) else {
                return Name(primaryIdentifier: "", secondaryIdentifier: "", possiblyTruncated: false)
            }
            let given = bytes(secondary.span)
            return Name(primaryIdentifier: Name.readable(bytes(primary.span)), secondaryIdentifier: Name.readable(given),
                        possiblyTruncated: given.last.map { $0 != MRZCharacterClass.filler } ?? false)
        }
    }
}
