extension MRZ {
    /// Builds the lines of a zone from an ``Identity``: fields padded with `<`, names
    /// transliterated and truncated by the rules of ICAO 9303 Part 3, every check digit computed.
    public enum Generator {
        /// The lines of `identity` in `format` (TD1, TD2, TD3, MRV-A or MRV-B).
        ///
        /// A TD1 or TD2 document number longer than 9 characters overflows into the optional data
        /// (ICAO 9303 Parts 5 and 6). The TD3 personal number check digit is `<` when the personal
        /// number is empty.
        public static func lines(for identity: Identity, format: Format,
                                 umlauts: Transliteration.Umlauts = .expanded) throws(MRZGenerationError) -> [String] {
            let code = try field(identity.documentCode, .documentCode, length: 2)
            let state = try field(identity.issuingState, .issuingState, length: 3)
            let nationality = try field(identity.nationality, .nationality, length: 3)
            let birth = try date(identity.birthDate, .birthDate)
            let expiry = try date(identity.expiryDate, .expiryDate)
            let sex = identity.sex.rawValue
            let number = try plain(identity.documentNumber, .documentNumber)

            switch format {
            case .td3, .mrvA, .td2, .mrvB:
                let long = format == .td3 || format == .mrvA
                let name = try nameField(identity, length: long ? 39 : 31, umlauts: umlauts).text
                var numberField = number
                var optional = try plain(identity.optionalData, format == .td3 ? .personalNumber : .optionalData)
                let optionalLength = [MRZ.Format.td3: 14, .mrvA: 16, .td2: 7, .mrvB: 8][format] ?? 0
                var numberCheck = String(digit(number))
                if number.count > 9 {
                    guard format == .td2 else { throw MRZGenerationError(reason: .tooLong(maximum: 9, found: number.count), field: .documentNumber) }
                    let overflow = String(number.dropFirst(9))
                    optional = overflow + String(digit(number)) + (optional.isEmpty ? "" : "<" + optional)
                    numberField = String(number.prefix(9))
                    numberCheck = "<"
                }
                guard optional.count <= optionalLength else {
                    throw MRZGenerationError(reason: .tooLong(maximum: optionalLength, found: optional.count),
                                             field: format == .td3 ? .personalNumber : .optionalData)
                }
                var lower = pad(numberField, 9) + numberCheck + nationality + birth + String(digit(birth)) + sex
                    + expiry + String(digit(expiry)) + pad(optional, optionalLength)
                if format == .td3 {
                    lower += optional.isEmpty ? "<" : String(digit(pad(optional, 14)))
                }
                if format == .td3 || format == .td2 {
                    let bytes = Array(lower.utf8)
                    var weighted = CheckDigit.Weighted()
                    for index in 0..<10 { _ = weighted.add(bytes[index]) }
                    for index in 13..<20 { _ = weighted.add(bytes[index]) }
                    for index in 21..<bytes.count { _ = weighted.add(bytes[index]) }
                    lower += String(weighted.digit)
                }
                return [code + state + name, lower]
            case .td1:
                let name = try nameField(identity, length: 30, umlauts: umlauts).text
                var optional1 = try plain(identity.optionalData, .optionalData)
                let optional2 = try plain(identity.optionalData2, .optionalData2)
                guard optional2.count <= 11 else {
                    throw MRZGenerationError(reason: .tooLong(maximum: 11, found: optional2.count), field: .optionalData2)
                }
                var numberField = pad(number, 9) + String(digit(number))
                if number.count > 9 {
                    optional1 = String(number.dropFirst(9)) + String(digit(number)) + (optional1.isEmpty ? "" : "<" + optional1)
                    numberField = String(number.prefix(9)) + "<"
                }
                guard optional1.count <= 15 else {
                    throw MRZGenerationError(reason: .tooLong(maximum: 15, found: optional1.count),
                                             field: number.count > 9 ? .documentNumber : .optionalData)
                }
                let upper = code + state + numberField + pad(optional1, 15)
                let middle = birth + String(digit(birth)) + sex + expiry + String(digit(expiry)) + nationality + pad(optional2, 11)
                let upperBytes = Array(upper.utf8), middleBytes = Array(middle.utf8)
                var weighted = CheckDigit.Weighted()
                for index in 5..<30 { _ = weighted.add(upperBytes[index]) }
                for index in 0..<7 { _ = weighted.add(middleBytes[index]) }
                for index in 8..<15 { _ = weighted.add(middleBytes[index]) }
                for index in 18..<29 { _ = weighted.add(middleBytes[index]) }
                return [upper, middle + String(weighted.digit), name]
            case .frenchIdentityCard, .swissDrivingLicence:
                throw MRZGenerationError(reason: .unsupportedFormat(format), field: nil)
            }
        }

        /// The name field: `PRIMARY<<SECONDARY` padded to `length`.
        ///
        /// Too long a name is truncated as ICAO 9303 Part 3 describes: the secondary identifier
        /// loses characters from its end first; if the primary identifier alone does not fit, it
        /// is cut and the secondary identifier left out. A truncated field ends with a letter, so
        /// readers can tell that it may be truncated; when the cut falls just after a component,
        /// the dangling filler is dropped rather than ending the field with it.
        public static func nameField(_ identity: Identity, length: Int,
                                     umlauts: Transliteration.Umlauts = .expanded) throws(MRZGenerationError) -> (text: String, truncated: Bool) {
            let primary = Transliteration.mrz(identity.primaryIdentifier, umlauts: umlauts).text
            let secondary = Transliteration.mrz(identity.secondaryIdentifier, umlauts: umlauts).text
            guard !primary.isEmpty else { throw MRZGenerationError(reason: .emptyName, field: .name) }
            let full = secondary.isEmpty ? primary : primary + "<<" + secondary
            if full.count <= length { return (pad(full, length), false) }
            var cut: Substring
            if primary.count + 3 <= length {
                cut = (primary + "<<" + secondary).prefix(length)
            } else {
                cut = primary.prefix(length)
            }
            while cut.last == "<" { cut = cut.dropLast() }
            return (pad(String(cut), length), true)
        }

        private static func digit(_ text: String) -> Int { CheckDigit.compute(text) ?? 0 }

        private static func pad(_ text: String, _ length: Int) -> String {
            text.count >= length ? text : text + String(repeating: "<", count: length - text.count)
        }

        /// Upper-cased, spaces and hyphens as `<`, checked against the MRZ alphabet.
        private static func plain(_ text: String, _ field: Field) throws(MRZGenerationError) -> String {
            var out = ""
            for character in text.uppercased() {
                switch character {
                case " ", "-": out.append("<")
                default: out.append(character)
                }
            }
            guard out.utf8.allSatisfy(MRZCharacterClass.isMRZ) else {
                throw MRZGenerationError(reason: .invalidCharacters(text), field: field)
            }
            while out.hasSuffix("<") { out.removeLast() }
            return out
        }

        private static func field(_ text: String, _ field: Field, length: Int) throws(MRZGenerationError) -> String {
            let value = try plain(text, field)
            guard !value.isEmpty, value.count <= length else {
                throw MRZGenerationError(reason: .tooLong(maximum: length, found: value.count), field: field)
            }
            return pad(value, length)
        }

        private static func date(_ text: String, _ field: Field) throws(MRZGenerationError) -> String {
            let bytes = Array(text.utf8)
            guard bytes.count == 6, bytes.allSatisfy({ $0 &- 48 < 10 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "X") }) else {
                throw MRZGenerationError(reason: .invalidDate(text), field: field)
            }
            return text
        }
    }
}
