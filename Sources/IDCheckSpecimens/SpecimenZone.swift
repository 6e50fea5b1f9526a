import IDCheckMRZ

extension Specimen {
    /// A region of a side that examiners compare: the photo, the ghost image, the MRZ, a printed
    /// field (with the MRZ field it must agree with), a background-pattern area.
    public struct Zone: Sendable, Hashable {
        /// What a zone holds.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// The holder's main portrait.
            case photo
            /// A second, faint portrait (security feature): must show the same person as `photo`.
            case ghostImage
            /// The machine readable zone.
            case mrz
            /// A personalised printed field of the visual inspection zone.
            case field
            /// An area where the guilloche/background pattern is printed without personal data.
            case backgroundPattern
            /// Text printed on every document of the model (title, state name).
            case staticText
            /// The holder's signature.
            case signature
            /// The issuer's emblem or seal.
            case emblem
        }

        /// Unique within the side, e.g. `surname`, `photo`, `pattern-left`.
        public let id: String
        public let kind: Kind
        /// Where the zone lies, relative to the side (0…1 both ways, origin top-left).
        public let box: Box
        /// For `field` zones: which datum is printed.
        public let field: PrintedField?
        /// For `field` zones: the MRZ field the printed value must agree with (`nil`: none).
        public let mrzField: MRZ.Field?
        /// For date fields: how the date is printed, in the tokens `dd`, `MM`, `MMM`, `yy`, `yyyy`
        /// (e.g. `dd MMM yyyy` → `07 MAR 1985`); unknown parts print as `XX`.
        public let dateFormat: String?
        /// The caption printed above a field, or the text of a `staticText` zone.
        public let label: String?
        /// How the zone's text is set; `nil` where there is no text or it is not known.
        public let text: TextStyle?

        public init(id: String, kind: Kind, box: Box, field: PrintedField? = nil, mrzField: MRZ.Field? = nil,
                    dateFormat: String? = nil, label: String? = nil, text: TextStyle? = nil) {
            self.id = id
            self.kind = kind
            self.box = box
            self.field = field
            self.mrzField = mrzField
            self.dateFormat = dateFormat
            self.label = label
            self.text = text
        }
    }

    /// A rectangle relative to a side: x and width in fractions of the width, y and height of the height.
    public struct Box: Sendable, Hashable, Codable {
        public let x: Double
        public let y: Double
        public let width: Double
        public let height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// This box in pixels of an upright image of the side `width × height` pixels.
        public func rectangle(width: Double, height: Double) -> (x: Double, y: Double, width: Double, height: Double) {
            (x * width, y * height, self.width * width, self.height * height)
        }
    }

    /// The font and size a zone's text is set in.
    public struct TextStyle: Sendable, Hashable, Codable {
        /// Font file name (looked up through `SystemFonts`), e.g. `DejaVuSans-Bold.ttf`.
        public let font: String
        /// Em size relative to the side's height.
        public let size: Double
        /// `#rrggbb`; the style's ink colour when absent.
        public let colour: String?

        public init(font: String, size: Double, colour: String? = nil) {
            self.font = font
            self.size = size
            self.colour = colour
        }
    }

    /// The data a `field` zone prints.
    public enum PrintedField: String, Sendable, Hashable, Codable, CaseIterable {
        case surname, givenNames, documentNumber, nationality, birthDate, sex, expiryDate, issueDate
        case placeOfBirth, authority, personalNumber, documentCode, issuingState, remarks
        case validFrom, numberOfEntries, durationOfStay

        /// The MRZ field this datum appears in, if any (the default for a zone's `mrzField`).
        public var defaultMRZField: MRZ.Field? {
            switch self {
            case .surname: .primaryIdentifier
            case .givenNames: .secondaryIdentifier
            case .documentNumber: .documentNumber
            case .nationality: .nationality
            case .birthDate: .birthDate
            case .sex: .sex
            case .expiryDate: .expiryDate
            case .personalNumber: .personalNumber
            case .documentCode: .documentCode
            case .issuingState: .issuingState
            default: nil
            }
        }

        /// Whether the datum is a date (printed with the zone's `dateFormat`).
        public var isDate: Bool { [.birthDate, .expiryDate, .issueDate, .validFrom].contains(self) }

        /// The datum as people name it ("date of birth"), for messages.
        public var words: String {
            switch self {
            case .surname: "surname"
            case .givenNames: "given names"
            case .documentNumber: "document number"
            case .nationality: "nationality"
            case .birthDate: "date of birth"
            case .sex: "sex"
            case .expiryDate: "date of expiry"
            case .issueDate: "date of issue"
            case .placeOfBirth: "place of birth"
            case .authority: "authority"
            case .personalNumber: "personal number"
            case .documentCode: "document code"
            case .issuingState: "issuing state"
            case .remarks: "remarks"
            case .validFrom: "first day of validity"
            case .numberOfEntries: "number of entries"
            case .durationOfStay: "duration of stay"
            }
        }
    }
}
