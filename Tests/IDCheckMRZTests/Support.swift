import Foundation
@testable import IDCheckMRZ

/// A test vector from Vectors/zones.json.
struct ZoneVector: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let lines: [String]
    let referenceDate: String
    let format: String
    let valid: Bool
    let fields: [String: String]
    let checks: [String: Int]

    var testDescription: String { name }

    var options: MRZ.ParsingOptions { .at(referenceDate) }

    static let all: [ZoneVector] = {
        struct File: Decodable { let zones: [ZoneVector] }
        guard let url = Bundle.module.url(forResource: "zones", withExtension: "json", subdirectory: "Vectors"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.zones
    }()
}

import Testing

extension MRZ.ParsingOptions {
    /// Options at a fixed day, so that tests do not depend on the clock.
    static func at(_ iso: String) -> MRZ.ParsingOptions {
        MRZ.ParsingOptions(referenceDate: MRZ.CalendarDate(iso: iso) ?? MRZ.CalendarDate(year: 2024, month: 1, day: 1)!)
    }
}

/// SplitMix64: a small, seeded generator so that property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Samples {
    static let td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    static let td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    static let td2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
    static let options = MRZ.ParsingOptions.at("2010-01-01")
}
