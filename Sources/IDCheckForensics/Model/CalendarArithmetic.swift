import IDCheckMRZ

/// Day counts and whole-year steps on calendar dates, for validity periods and ages.
enum CalendarArithmetic {
    /// Days since 1970-01-01 (proleptic Gregorian).
    static func dayNumber(_ date: MRZ.CalendarDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (inverse of ``dayNumber(_:)``).
    static func date(dayNumber: Int) -> MRZ.CalendarDate? {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return MRZ.CalendarDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    static func adding(years: Int, to date: MRZ.CalendarDate) -> MRZ.CalendarDate {
        MRZ.CalendarDate(year: date.year + years, month: date.month, day: date.day)
            ?? MRZ.CalendarDate(year: date.year + years, month: date.month, day: date.day - 1)
            ?? date
    }

    /// Whole years from `start` to `end` (an age).
    static func wholeYears(from start: MRZ.CalendarDate, to end: MRZ.CalendarDate) -> Int {
        var years = end.year - start.year
        if (end.month, end.day) < (start.month, start.day) { years -= 1 }
        return years
    }

    /// Days from `start` to `end`.
    static func days(from start: MRZ.CalendarDate, to end: MRZ.CalendarDate) -> Int {
        dayNumber(end) - dayNumber(start)
    }
}
