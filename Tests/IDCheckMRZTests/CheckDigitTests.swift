import Testing
@testable import IDCheckMRZ

@Suite("7-3-1 check digits")
struct CheckDigitTests {
    @Test(arguments: [
        ("L898902C3", 6), ("740812", 2), ("120415", 9), ("ZE184226B<<<<<", 1), ("D23145890", 7),
        ("<<<<<<", 0), ("AB2134<<<", 5), ("HA672242<658022549601086<<<<<<<<<<<<<<0", 8),
    ])
    func knownDigits(_ text: String, _ digit: Int) {
        #expect(MRZ.CheckDigit.compute(text) == digit)
    }

    @Test func characterValues() {
        #expect(MRZ.CheckDigit.value(of: UInt8(ascii: "<")) == 0)
        #expect(MRZ.CheckDigit.value(of: UInt8(ascii: "A")) == 10)
        #expect(MRZ.CheckDigit.value(of: UInt8(ascii: "Z")) == 35)
        #expect(MRZ.CheckDigit.value(of: UInt8(ascii: "7")) == 7)
        #expect(MRZ.CheckDigit.value(of: UInt8(ascii: "a")) == nil)
        #expect(MRZ.CheckDigit.compute("ab") == nil)
    }

    /// ICAO's composite over the TD3 example: document number + check, birth + check, expiry
    /// onwards; any single change in those ranges moves it.
    @Test func td3Composite() {
        let lower = Array("L898902C36UTO7408122F1204159ZE184226B<<<<<10".utf8)
        let covered = Array(lower[0..<10] + lower[13..<20] + lower[21..<43])
        #expect(MRZ.CheckDigit.compute(covered) == 0)
    }
}
