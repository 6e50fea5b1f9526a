extension MRZ {
    /// What a parse needs besides the text: the day against which two-digit years get their
    /// century and expiry is judged.
    ///
    /// The module has no clock of its own (it depends on nothing but the standard library), so the
    /// caller says what "today" is; this also makes results reproducible.
    public struct ParsingOptions: Sendable, Hashable {
        /// Birth dates are never after this day; expiry is judged against it.
        public var referenceDate: CalendarDate
        /// How far ahead of the reference date a date of expiry may lie before it is taken as a
        /// century earlier. 50 years: longer than any document is valid, short enough that a
        /// document expired decades ago still reads as expired.
        public var expiryHorizonYears: Int

        public init(referenceDate: CalendarDate, expiryHorizonYears: Int = 50) {
            self.referenceDate = referenceDate
            self.expiryHorizonYears = min(max(expiryHorizonYears, 1), 99)
        }
    }
}
