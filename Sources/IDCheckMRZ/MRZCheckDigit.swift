extension MRZ {
    /// The ICAO 9303 check digit: weights 7, 3, 1 repeating; digits count their value, A–Z count
    /// 10–35, the filler `<` counts 0; the sum modulo 10.
    public enum CheckDigit {
        /// The value a character contributes, or `nil` outside the MRZ alphabet.
        @inline(__always)
        public static func value(of byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte &- 48)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte &- 55)
            case UInt8(ascii: "<"): 0
            default: nil
            }
        }

        /// The check digit (0–9) of `characters`, or `nil` if one is outside the MRZ alphabet.
        public static func compute<C: Collection>(_ characters: C) -> Int? where C.Element == UInt8 {
            var weighted = Weighted()
            for byte in characters {
                guard weighted.add(byte) else { return nil }
            }
            return weighted.digit
        }

        /// The check digit of a string of MRZ characters, or `nil` if one is outside the alphabet.
        public static func compute(_ text: String) -> Int? { compute(text.utf8) }

        /// A running 7-3-1 sum, so that a composite check can be fed range by range.
        struct Weighted {
            private(set) var sum = 0
            private var phase = 0

            /// Adds one character; `false` if it is outside the MRZ alphabet.
            @inline(__always)
            mutating func add(_ byte: UInt8) -> Bool {
                guard let value = CheckDigit.value(of: byte) else { return false }
                sum &+= value &* (phase == 0 ? 7 : phase == 1 ? 3 : 1)
                phase = phase == 2 ? 0 : phase + 1
                return true
            }

            var digit: Int { sum % 10 }
        }
    }
}
