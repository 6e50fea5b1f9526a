/// Work on an examination before the rules judge it: aligning the image with the specimen,
/// reading the visual zone. A step adds what it measured (a better ``Examination/placement``,
/// ``Examination/printedDates``, ``Examination/printedFields``); the rules then read it, so that
/// the date rules see full-year dates from the visual zone, for instance.
///
/// A step never raises indicators itself: what it could not do, a rule reports.
public protocol ExaminationStep: Sendable {
    /// A short stable name (`alignment`, `visual-zone`), listed in a report's provenance.
    var name: String { get }
    func prepare(_ examination: inout Examination)
}
