import Foundation
import IDCheck
import Testing

/// The catalogue and docs/indicators.md stay in step: every code has a row with its severity.
@Suite("Indicator catalogue")
struct CatalogueTests {
    @Test("codes are unique, dotted and lower-case")
    func codes() {
        let codes = IndicatorCatalogue.entries.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(code.range(of: "^[a-z-]+(\\.[a-z-]+)+$", options: .regularExpression) != nil, "\(code)") }
    }

    @Test("docs/indicators.md lists every code with its severity")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/indicators.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for entry in IndicatorCatalogue.entries {
            #expect(text.contains("| `\(entry.code.rawValue)` | \(entry.severity.rawValue) |"), "\(entry.code) missing from docs/indicators.md")
        }
    }

    @Test("verdict: suspect if any critical, review if any warning, else consistent")
    func verdict() {
        let info = Indicator(code: .modelNotCompared, message: "")
        let warning = Indicator(code: .dateExpired, message: "")
        let critical = Indicator(code: .mrzCheckDigit, message: "")
        #expect(Verdict(indicators: []) == .consistent)
        #expect(Verdict(indicators: [info]) == .consistent)
        #expect(Verdict(indicators: [info, warning]) == .review)
        #expect(Verdict(indicators: [warning, critical, info]) == .suspect)
        #expect(info.severity == .info && warning.severity == .warning && critical.severity == .critical)
    }
}
