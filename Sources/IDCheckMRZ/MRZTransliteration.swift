extension MRZ {
    /// Writing names in the MRZ alphabet, by the rules of ICAO 9303 Part 3, Section 6.
    ///
    /// Latin letters with diacritics lose them, except those ICAO spells out (`Ä`→`AE`, `Ö`→`OE`,
    /// `Ü`→`UE`, `Å`→`AA`, `Æ`→`AE`, `Ø`→`OE`, `ß`→`SS`, `Þ`→`TH`, `Ĳ`→`IJ`, `Œ`→`OE`); Cyrillic and
    /// Greek follow the Part 3 tables letter by letter (Greek digraphs such as `ΟΥ` are written
    /// letter by letter as well). Spaces and hyphens become `<`; apostrophes and other
    /// punctuation are omitted; digits are omitted (names carry none).
    public enum Transliteration {
        /// How `Ä`, `Ö`, `Ü` and `Å` are written: ICAO allows both.
        public enum Umlauts: String, Sendable, Hashable, CaseIterable {
            /// `AE`, `OE`, `UE`, `AA` (ICAO's recommended form).
            case expanded
            /// `A`, `O`, `U`, `A`.
            case plain
        }

        /// The result of writing a name in the MRZ alphabet.
        public struct Result: Sendable, Hashable {
            /// A–Z and `<`, no leading, trailing or doubled `<`.
            public var text: String
            /// Characters that have no MRZ form and were dropped (other scripts, symbols).
            public var unmapped: [Character]
        }

        /// `name` written in the MRZ alphabet.
        public static func mrz(_ name: String, umlauts: Umlauts = .expanded) -> Result {
            var out: [UInt8] = []
            var unmapped: [Character] = []
            for character in name.uppercased() {
                var mapped = false
                for scalar in character.unicodeScalars {
                    let value = scalar.value
                    switch value {
                    case 0x41...0x5A:
                        out.append(UInt8(value)); mapped = true
                    case 0x20, 0x09, 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x3C:
                        // Spaces and hyphens separate name components.
                        if out.last != MRZCharacterClass.filler, !out.isEmpty { out.append(MRZCharacterClass.filler) }
                        mapped = true
                    case 0x0300...0x036F:
                        // Combining marks (decomposed accents) are dropped with the accent.
                        mapped = true
                    case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4, 0x2C, 0x2E, 0x30...0x39:
                        // Apostrophes, commas, full stops and digits are omitted.
                        mapped = true
                    default:
                        if let letters = umlautForm(scalar, umlauts) ?? table[scalar] ?? latinBase(scalar) {
                            out.append(contentsOf: letters.utf8); mapped = true
                        } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .otherSymbol {
                            break
                        } else {
                            mapped = true  // other punctuation and symbols: omitted
                        }
                    }
                }
                if !mapped { unmapped.append(character) }
            }
            while out.last == MRZCharacterClass.filler { out.removeLast() }
            return Result(text: String(decoding: out, as: UTF8.self), unmapped: unmapped)
        }

        /// Any other precomposed Latin letter (`Ễ`, `Ṣ`, `Ǧ`…) is its base letter: the accent is
        /// dropped, as ICAO does for every diacritic it does not spell out. The Unicode name says
        /// which base letter it is ("LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND TILDE").
        private static func latinBase(_ scalar: Unicode.Scalar) -> String? {
            guard scalar.value >= 0xC0, let name = scalar.properties.name else { return nil }
            let prefix = "LATIN CAPITAL LETTER "
            guard name.hasPrefix(prefix) else { return nil }
            let rest = name.dropFirst(prefix.count)
            guard let letter = rest.first, letter.isASCII, letter.isLetter,
                  rest.count == 1 || rest.dropFirst().hasPrefix(" WITH ") else { return nil }
            return String(letter)
        }

        private static func umlautForm(_ scalar: Unicode.Scalar, _ umlauts: Umlauts) -> String? {
            switch scalar {
            case "Ä": umlauts == .expanded ? "AE" : "A"
            case "Ö": umlauts == .expanded ? "OE" : "O"
            case "Ü": umlauts == .expanded ? "UE" : "U"
            case "Å": umlauts == .expanded ? "AA" : "A"
            default: nil
            }
        }

        /// Upper-case letters and their MRZ spelling (ICAO 9303 Part 3, Section 6).
        static let table: [Unicode.Scalar: String] = {
            var table: [Unicode.Scalar: String] = [:]
            let groups: [(String, String)] = [
                // Latin
                ("ÀÁÂÃĀĂĄǍ", "A"), ("Æ", "AE"), ("ÇĆĈĊČ", "C"), ("ÐĎĐ", "D"), ("ÈÉÊËĒĔĖĘĚ", "E"),
                ("ĜĞĠĢ", "G"), ("ĤĦ", "H"), ("ÌÍÎÏĨĪĬĮİǏ", "I"), ("Ĳ", "IJ"), ("Ĵ", "J"), ("Ķ", "K"),
                ("ĹĻĽĿŁ", "L"), ("ÑŃŅŇŊ", "N"), ("ÒÓÔÕŌŎŐǑ", "O"), ("ØŒ", "OE"), ("ŔŖŘ", "R"),
                ("ŚŜŞŠȘ", "S"), ("ẞ", "SS"), ("ŢŤŦȚ", "T"), ("Þ", "TH"), ("ÙÚÛŨŪŬŮŰŲǓ", "U"), ("Ŵ", "W"),
                ("ÝŶŸ", "Y"), ("ŹŻŽ", "Z"),
                // Cyrillic
                ("А", "A"), ("Б", "B"), ("В", "V"), ("ГҐЃ", "G"), ("ДЂ", "D"), ("ЕЁЭ", "E"), ("Є", "IE"),
                ("Ж", "ZH"), ("З", "Z"), ("ЅЏ", "DZ"), ("ИІЇЙ", "I"), ("Ј", "J"), ("КЌ", "K"), ("Л", "L"),
                ("Љ", "LJ"), ("М", "M"), ("Н", "N"), ("Њ", "NJ"), ("О", "O"), ("П", "P"), ("Р", "R"),
                ("С", "S"), ("Т", "T"), ("Ћ", "C"), ("УЎ", "U"), ("Ф", "F"), ("Х", "KH"), ("Ц", "TS"),
                ("Ч", "CH"), ("Ш", "SH"), ("Щ", "SHCH"), ("Ъ", "IE"), ("Ы", "Y"), ("Ь", ""), ("Ю", "IU"),
                ("Я", "IA"),
                // Greek
                ("ΑΆ", "A"), ("Β", "V"), ("Γ", "G"), ("Δ", "D"), ("ΕΈ", "E"), ("Ζ", "Z"), ("ΗΉ", "I"),
                ("Θ", "TH"), ("ΙΊΪ", "I"), ("Κ", "K"), ("Λ", "L"), ("Μ", "M"), ("Ν", "N"), ("Ξ", "X"),
                ("ΟΌ", "O"), ("Π", "P"), ("Ρ", "R"), ("Σ", "S"), ("Τ", "T"), ("ΥΎΫ", "Y"), ("Φ", "F"),
                ("Χ", "CH"), ("Ψ", "PS"), ("ΩΏ", "O"),
            ]
            for (letters, spelling) in groups {
                for scalar in letters.unicodeScalars { table[scalar] = spelling }
            }
            return table
        }()
    }
}
