/// The machine readable zone (MRZ) of a travel or identity document, as defined by ICAO Doc 9303.
///
/// `MRZ` is the namespace of the module: formats (``MRZ/Format``), fields (``MRZ/Field``),
/// the result of reading a zone (``MRZ/Zone``), check digits (``MRZ/CheckDigit``), country codes
/// (``MRZ/Country``), correction of recognition errors (``MRZ/Candidates``) and generation
/// (``MRZ/Generator``).
///
/// Three ways in:
/// - ``MRZ/parse(_:options:)`` for text as a person types or pastes it (whitespace tolerated and
///   reported; fixes are only ever *suggested*);
/// - ``MRZ/parse(lines:options:)`` for lines that are already clean (the fast path, used by the
///   benchmark);
/// - ``MRZ/parse(candidates:options:correction:)`` for a recogniser's output with alternatives per
///   position, where check digits may choose among the recogniser's own low-margin alternatives.
///
/// The module depends on nothing but the Swift standard library, so that it can be used alone.
public enum MRZ {}
