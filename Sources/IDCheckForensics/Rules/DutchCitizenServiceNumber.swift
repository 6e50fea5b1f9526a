/// The Dutch citizen service number (burgerservicenummer, BSN): nine digits whose weighted sum
/// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (the "11-test"), and not all zeros.
/// Dutch passports carry it in the personal number, identity cards in the optional data.
public struct DutchCitizenServiceNumber: PersonalNumberScheme {
    public let issuingState = "NLD"
    public let name = "citizen service number (BSN)"

    public init() {}

    public func problem(with number: String) -> String? {
        let digits = number.compactMap(\.wholeNumberValue)
        guard digits.count == 9, number.count == 9 else { return "a BSN has nine digits" }
        guard digits.contains(where: { $0 != 0 }) else { return "a BSN is not all zeros" }
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 == 0 ? nil : "it fails the 11-test (weighted sum \(sum) is not a multiple of 11)"
    }
}
