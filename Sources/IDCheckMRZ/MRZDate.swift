extension MRZ {
    /// A date field as printed (`YYMMDD`) and what it means.
    ///
    /// The century is chosen against a reference date: a date of birth is never in the future; a
    /// date of expiry lies at most ``ParsingOptions/expiryHorizonYears`` ahead (50 by default:
    /// no travel document is valid that long, so anything further is taken as a century earlier).
    /// A month or day printed as `<<`, `XX` or `00` is unknown, stays unknown (`nil`) and is valid:
    /// issuers print them for holders whose birth date is not known.
    public struct Date: Sendable, Hashable {
        /// What a date is used for, which decides its century.
        public enum Role: String, Sendable, Hashable, Codable {
            case birth, expiry, issue
        }

        public enum Status: String, Sendable, Hashable, Codable {
            /// Year, month and day known and possible.
            case complete
            /// Some part unknown (`<<`, `XX`, `00`); the known parts are possible.
            case partlyUnknown
            /// A day or month that cannot exist (31 February, month 13).
            case impossible
            /// Characters that are neither digits nor unknown markers.
            case malformed
        }

        /// The raw characters, packed (up to 6 bytes), so that parsing allocates nothing.
        let packed: UInt64
        let length: Int
        /// The full year, once the century is chosen; `nil` when unknown or malformed.
        public let year: Int?
        /// 1–12, or `nil` when unknown.
        public let month: Int?
        /// 1–31, or `nil` when unknown (or absent, as in a YYMM date).
        public let day: Int?
        public let status: Status

        /// The date as printed, e.g. `740812`.
        public var raw: String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            for index in 0..<length { bytes.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt64(index)))) }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// ISO 8601 with the precision known: `1974-08-12`, `1974-08`, `1974`; `nil` when the year
        /// is unknown or the date is impossible or malformed.
        public var iso: String? {
            guard let year, status == .complete || status == .partlyUnknown else { return nil }
            var text = Date.pad(year, 4)
            if let month {
                text += "-" + Date.pad(month, 2)
                if let day { text += "-" + Date.pad(day, 2) }
            }
            return text
        }

        /// The calendar date, when every part is known.
        public var calendarDate: CalendarDate? {
            guard status == .complete, let year, let month, let day else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        }

        /// Decodes `bytes` (6 for YYMMDD, 4 for YYMM) with the century chosen for `role`.
        init<C: Collection>(_ bytes: C, role: Role, reference: CalendarDate, expiryHorizonYears: Int) where C.Element == UInt8 {
            var packed: UInt64 = 0
            var count = 0
            for byte in bytes {
                if count < 8 { packed |= UInt64(byte) << (8 * UInt64(count)) }
                count += 1
            }
            self.packed = packed
            self.length = min(count, 8)
            @inline(__always) func byte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * UInt64(index))) }
            // Each part: a value, unknown (nil, true), or malformed (nil, false).
            @inline(__always) func part(_ index: Int) -> (value: Int?, unknown: Bool) {
                let a = byte(2 * index), b = byte(2 * index + 1)
                if let value = Date.twoDigits(a, b) { return (value, false) }
                return (nil, Date.isUnknownMarker(a, b))
            }
            let hasDay = count == 6
            let yy = part(0), mm = part(1)
            let dd = hasDay ? part(2) : (value: nil as Int?, unknown: false)
            var malformed = (count != 6 && count != 4)
                || (yy.value == nil && !yy.unknown) || (mm.value == nil && !mm.unknown)
                || (hasDay && dd.value == nil && !dd.unknown)
            var month = mm.value
            var day = dd.value
            var unknown = yy.unknown || mm.unknown || dd.unknown
            // 00 reads as unknown: several issuers print it for an unknown month or day.
            if month == 0 { month = nil; unknown = true }
            if day == 0 { day = nil; unknown = true }

            var status: Status = unknown ? .partlyUnknown : .complete
            if malformed {
                status = .malformed
            } else if let month, month > 12 {
                status = .impossible
            }
            var year: Int?
            if !malformed, let value = yy.value {
                year = Date.century(yy: value, month: month ?? 1, day: day ?? 1, role: role, reference: reference,
                                    horizon: expiryHorizonYears)
            }
            if status != .malformed, status != .impossible, let day {
                let limit = month.map { CalendarDate.daysIn(month: $0, year: year) } ?? 31
                if day > limit { status = .impossible }
            }
            malformed = status == .malformed
            self.year = malformed ? nil : year
            self.month = malformed ? nil : month
            self.day = malformed ? nil : day
            self.status = status
        }

        @inline(__always)
        static func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
            guard a &- 48 < 10, b &- 48 < 10 else { return nil }
            return Int(a &- 48) * 10 + Int(b &- 48)
        }

        @inline(__always)
        static func isUnknownMarker(_ a: UInt8, _ b: UInt8) -> Bool {
            (a == UInt8(ascii: "<") && b == UInt8(ascii: "<")) || (a == UInt8(ascii: "X") && b == UInt8(ascii: "X"))
        }

        /// Chooses the century of a two-digit year.
        static func century(yy: Int, month: Int, day: Int, role: Role, reference: CalendarDate, horizon: Int) -> Int {
            let base = reference.year - reference.year % 100 + yy
            switch role {
            case .birth, .issue:
                // Never after the reference date.
                let candidate = base
                if (candidate, month, day) > (reference.year, reference.month, reference.day) { return candidate - 100 }
                return candidate
            case .expiry:
                // Within (reference - (100 - horizon) years, reference + horizon years].
                if base > reference.year + horizon { return base - 100 }
                if base <= reference.year + horizon - 100 { return base + 100 }
                return base
            }
        }

        static func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
    }
}
