import Testing
@testable import IDCheckMRZ

/// Properties over thousands of random identities (seeded, so failures reproduce).
@Suite("Properties: round trips and single-character changes")
struct PropertyTests {
    static let generatedFormats: [MRZ.Format] = [.td1, .td2, .td3, .mrvA, .mrvB]
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let countries = MRZ.Country.all.filter { $0.kind != .isoOnly && $0.kind != .withdrawn }.map(\.code)

    static func word(_ count: Int, _ rng: inout SplitMix64) -> String {
        String((0..<count).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
    }

    static func identity(_ rng: inout SplitMix64, format: MRZ.Format) -> MRZ.Identity {
        let reference = (2024, 1, 1)
        func date(_ yearRange: ClosedRange<Int>) -> String {
            let year = Int(rng.next() % UInt64(yearRange.count)) + yearRange.lowerBound
            let month = Int(rng.next() % 12) + 1
            let day = Int(rng.next() % UInt64(MRZ.CalendarDate.daysIn(month: month, year: year))) + 1
            return MRZ.CalendarDate(year: year, month: month, day: day)?.mrz ?? "000101"
        }
        let numberLength = format == .td1 || format == .td2 ? Int(rng.next() % 5) + 6 : Int(rng.next() % 4) + 6
        let number = String((0..<numberLength).map { _ in alphanumerics[Int(rng.next() % 36)] })
        let optionalLength: Int = switch format {
        case .td3: Int(rng.next() % 15)
        case .td1: numberLength > 9 ? 0 : Int(rng.next() % 16)
        case .td2: numberLength > 9 ? 0 : Int(rng.next() % 8)
        default: Int(rng.next() % 8)
        }
        // Optional data of digits and letters, never ending in a filler (it would be trimmed).
        let optional = String((0..<optionalLength).map { _ in alphanumerics[Int(rng.next() % 36)] })
        let sexes: [MRZ.Sex] = [.male, .female, .unspecified, .notGiven]
        return MRZ.Identity(
            documentCode: format == .td3 ? "P" : (format == .mrvA || format == .mrvB) ? "V" : ["I", "ID", "AC", "C"][Int(rng.next() % 4)],
            issuingState: countries[Int(rng.next() % UInt64(countries.count))],
            primaryIdentifier: word(Int(rng.next() % 12) + 2, &rng) + (rng.next() % 3 == 0 ? " " + word(5, &rng) : ""),
            secondaryIdentifier: rng.next() % 5 == 0 ? "" : word(Int(rng.next() % 10) + 2, &rng) + " " + word(4, &rng),
            documentNumber: number,
            nationality: countries[Int(rng.next() % UInt64(countries.count))],
            birthDate: date(1925...(reference.0 - 1)),
            sex: sexes[Int(rng.next() % 4)],
            expiryDate: date(reference.0...(reference.0 + 20)),
            optionalData: optional,
            optionalData2: format == .td1 ? String((0..<Int(rng.next() % 12)).map { _ in alphanumerics[Int(rng.next() % 36)] }) : "")
    }

    @Test("generate → parse round trip", arguments: generatedFormats)
    func roundTrip(_ format: MRZ.Format) throws {
        var rng = SplitMix64(seed: 0x1D_C4EC + UInt64(format.lineLengths[0]) + UInt64(format.rawValue.count))
        let options = MRZ.ParsingOptions.at("2024-01-01")
        for _ in 0..<2000 {
            let identity = Self.identity(&rng, format: format)
            let lines = try MRZ.Generator.lines(for: identity, format: format)
            let zone = try MRZ.parse(lines: lines, options: options)
            #expect(zone.format == format)
            #expect(zone.isValid, "\(lines) \(zone.issues) \(zone.checks.filter { !$0.passes })")
            #expect(zone.documentNumber == identity.documentNumber)
            #expect(zone.issuingStateCode == identity.issuingState)
            #expect(zone.nationalityCode == identity.nationality)
            #expect(zone.birthDate?.raw == identity.birthDate)
            #expect(zone.expiryDate?.raw == identity.expiryDate)
            #expect(zone.sex == identity.sex)
            let name = try MRZ.Generator.nameField(identity, length: format.lineLengths.last == 30 ? 30 : format.lineLengths[0] - 5)
            if !name.truncated {
                #expect(zone.name.primaryIdentifier == identity.primaryIdentifier)
                #expect(zone.name.secondaryIdentifier == identity.secondaryIdentifier)
            }
            switch format {
            case .td3: #expect(zone.personalNumber == identity.optionalData)
            case .td1: #expect(zone.optionalData == identity.optionalData); #expect(zone.optionalData2 == identity.optionalData2)
            default: #expect(zone.optionalData == identity.optionalData)
            }
            if zone.isValid == false { break }
        }
    }

    /// Every single-character change inside a field covered by a check digit is caught by some
    /// check, except where the 7-3-1 scheme is blind by construction: two characters whose values
    /// differ by a multiple of 10 (`0`/`A`/`K`/`U`, `C`/`M`…) weigh the same modulo 10. Within a
    /// numeric field (dates) no such pair exists, so every change there is caught.
    @Test("single-character substitutions are detected", arguments: generatedFormats)
    func singleSubstitutions(_ format: MRZ.Format) throws {
        var rng = SplitMix64(seed: 42 &+ UInt64(format.rawValue.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        let options = MRZ.ParsingOptions.at("2024-01-01")
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<".utf8)
        for _ in 0..<25 {
            let lines = try MRZ.Generator.lines(for: Self.identity(&rng, format: format), format: format)
            let zone = try MRZ.parse(lines: lines, options: options)
            try #require(zone.isValid)
            var covered = Set<MRZ.Position>()
            for check in zone.checks {
                for span in check.covers { for column in span.start..<span.end { covered.insert(MRZ.Position(line: span.line, column: column)) } }
            }
            for position in covered {
                var bytes = lines.map { Array($0.utf8) }
                let original = bytes[position.line][position.column]
                for replacement in alphabet where replacement != original {
                    bytes[position.line][position.column] = replacement
                    let changed = try MRZ.parse(lines: bytes.map { String(decoding: $0, as: UTF8.self) }, options: options)
                    let caught = !changed.checks.allSatisfy { $0.passes }
                    let blind = (MRZ.CheckDigit.value(of: original)! - MRZ.CheckDigit.value(of: replacement)!) % 10 == 0
                    // A filler put into or taken out of a TD1/TD2 document number region moves the
                    // long-number overflow: the zone is then re-read with another structure, and
                    // must still not come out valid.
                    let restructures = (format == .td1 || format == .td2)
                        && (original == UInt8(ascii: "<") || replacement == UInt8(ascii: "<"))
                    if !blind && !restructures {
                        #expect(caught, "\(format) \(position) \(UnicodeScalar(original))→\(UnicodeScalar(replacement))")
                    } else if !blind {
                        #expect(!changed.isValid, "\(format) \(position) \(UnicodeScalar(original))→\(UnicodeScalar(replacement))")
                    }
                }
                bytes[position.line][position.column] = original
            }
        }
    }

    @Test func digitsForDigitsAreAlwaysCaught() throws {
        // In numeric fields the only possible substitutions are digit for digit (difference 1–9).
        let options = MRZ.ParsingOptions.at("2010-01-01")
        var bytes = Samples.td3.map { Array($0.utf8) }
        for column in Array(13..<19) + Array(21..<27) {
            let original = bytes[1][column]
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") where digit != original {
                bytes[1][column] = digit
                let zone = try MRZ.parse(lines: bytes.map { String(decoding: $0, as: UTF8.self) }, options: options)
                #expect(!zone.checks.allSatisfy { $0.passes }, "column \(column)")
            }
            bytes[1][column] = original
        }
    }
}
