extension MRZ {
    /// A day in the Gregorian calendar, without time or zone: the reference date against which
    /// two-digit years get their century, and the date of expiry is compared.
    public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        public var year: Int
        public var month: Int
        public var day: Int

        /// `nil` unless month and day exist in that year.
        public init?(year: Int, month: Int, day: Int) {
            guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
                return nil
            }
            self.year = year
            self.month = month
            self.day = day
        }

        /// Parses `yyyy-mm-dd`.
        public init?(iso text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
            else { return nil }
            self.init(year: year, month: month, day: day)
        }

        public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// `yyyy-mm-dd`.
        public var description: String {
            MRZ.Date.pad(year, 4) + "-" + MRZ.Date.pad(month, 2) + "-" + MRZ.Date.pad(day, 2)
        }

        /// Days in `month` (1–12) of `year`; February of an unknown year (`nil`) has 29.
        static func daysIn(month: Int, year: Int?) -> Int {
            switch month {
            case 2:
                guard let year else { return 29 }
                return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }
}
