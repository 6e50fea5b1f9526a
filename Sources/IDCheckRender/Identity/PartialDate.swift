import IDCheckMRZ

/// A date whose month or day may be unknown, as issuers print for some refugees (`XX`, `<<`).
public struct PartialDate: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ date: MRZ.CalendarDate) { self.init(year: date.year, month: date.month, day: date.day) }

    /// `YYMMDD` with `<<` for an unknown month or day.
    public var mrz: String {
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "<<" }
        return two(year % 100) + two(month) + two(day)
    }

    /// `yyyy-mm-dd` with `XX` for unknown parts (labels keep unknown parts unknown, never a guess).
    public var iso: String {
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "XX" }
        return String(year) + "-" + two(month) + "-" + two(day)
    }

    /// The full date when both month and day are known.
    public var calendarDate: MRZ.CalendarDate? {
        guard let month, let day else { return nil }
        return MRZ.CalendarDate(year: year, month: month, day: day)
    }
}

extension MRZ.CalendarDate {
    /// ISO `yyyy-mm-dd`.
    var iso: String { description }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic in the renderer.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        // Always valid: the arithmetic above only produces real dates.
        self = MRZ.CalendarDate(year: year, month: month, day: day) ?? MRZ.CalendarDate(year: 1970, month: 1, day: 1)!
    }

    func adding(days: Int) -> MRZ.CalendarDate { MRZ.CalendarDate(dayNumber: dayNumber + days) }

    /// The same day `years` later (29 February becomes 28 February).
    func adding(years: Int) -> MRZ.CalendarDate {
        MRZ.CalendarDate(year: year + years, month: month, day: day)
            ?? MRZ.CalendarDate(year: year + years, month: month, day: 28) ?? self
    }
}
