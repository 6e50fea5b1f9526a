import IDCheckMRZ
import IDCheckSpecimens

/// Draws plausible fictional holders and document data for a model, from a seeded generator.
public struct IdentityGenerator: Sendable {
    public let specimen: Specimen
    /// The day the documents are examined: genuine ones are issued before it and valid on it.
    public let checkDate: MRZ.CalendarDate

    public init(specimen: Specimen, checkDate: MRZ.CalendarDate) {
        self.specimen = specimen
        self.checkDate = checkDate
    }

    public func make(using random: inout SplitMix64) throws(RenderError) -> DocumentData {
        let culture = random.pick(NamePool.cultures)
        let foreign = specimen.documentType == .residencePermit || specimen.documentType == .visa
        let nationality: String
        if foreign {
            // Some holders are stateless (XXA) or refugees (XXB): ICAO 9303 Part 3 codes.
            nationality = random.chance(0.1) ? random.pick(["XXA", "XXB"]) : random.pick(culture.nationalities)
        } else {
            nationality = specimen.issuingState
        }
        let sexes = specimen.rules.allowedSexes.filter { $0 != .notGiven }
        let sex: MRZ.Sex = sexes.isEmpty ? .notGiven : (random.chance(0.03) && sexes.contains(.unspecified) ? .unspecified
            : random.pick(sexes.filter { $0 != .unspecified }.isEmpty ? sexes : sexes.filter { $0 != .unspecified }))
        let givenNames: String = random.chance(0.04) ? "" : random.pick(culture.givenNames)

        // Age 1–85 on the check date; a holder of a model no longer issued was born before its
        // last issue day (a document cannot be issued before its holder is born).
        var birthDay = checkDate.adding(days: -random.int(365...(85 * 365)))
        if let until = specimen.issuedUntil, birthDay.dayNumber >= until.dayNumber {
            birthDay = until.adding(days: -random.int(30...(60 * 365)))
        }
        var birth = PartialDate(birthDay)
        let unknownShare = nationality == "XXB" || nationality == "XXA" || specimen.documentType == .residencePermit ? 0.25 : 0.03
        if random.chance(unknownShare) {
            birth.day = nil
            if random.chance(0.5) { birth.month = nil }
        }

        // Issue date: inside the model's issue period, on or before the check date, late enough to
        // be valid on the check date, after birth.
        let ageYears = checkDate.year - birthDay.year
        let validities = specimen.rules.validityYears.sorted()
        let validity = validities.count > 1 && ageYears < 18 ? validities[0] : (validities.last ?? 10)
        var earliest = checkDate.adding(years: -validity).adding(days: 1).dayNumber
        if let from = specimen.issuedFrom { earliest = max(earliest, from.dayNumber) }
        earliest = max(earliest, birthDay.dayNumber)
        var latest = checkDate.dayNumber
        if let until = specimen.issuedUntil { latest = min(latest, until.dayNumber) }
        if latest < earliest { latest = earliest }
        let issue = MRZ.CalendarDate(dayNumber: random.int(earliest...latest))
        let expiry = issue.adding(years: validity).adding(days: -1)

        var remarks = ""
        var validFrom: PartialDate?
        var entries = "", duration = ""
        switch specimen.documentType {
        case .residencePermit: remarks = random.pick(NamePool.permitKinds)
        case .visa:
            remarks = random.pick(NamePool.visaRemarks)
            validFrom = PartialDate(issue.adding(days: random.int(0...14)))
            entries = random.pick(["1", "2", "MULT"])
            duration = String(random.pick([15, 30, 45, 90]))
        default: break
        }
        let personalNumber: String
        if specimen.rules.optionalDataPattern != nil, specimen.documentType != .visa, random.chance(0.8) {
            personalNumber = (0..<10).map { _ in String(random.int(0...9)) }.joined()
        } else {
            personalNumber = ""
        }
        let bornHere = nationality == specimen.issuingState && random.chance(0.7)
        return DocumentData(
            documentCode: specimen.documentCode, issuingState: specimen.issuingState,
            documentNumber: try DocumentNumberPattern(specimen.rules.documentNumberPattern).generate(using: &random),
            surname: random.pick(culture.surnames), givenNames: givenNames, script: culture.script,
            nationality: nationality, birthDate: birth, sex: sex,
            placeOfBirth: bornHere ? random.pick(NamePool.utopianPlaces) : random.pick(culture.places),
            issueDate: PartialDate(issue), expiryDate: PartialDate(expiry),
            authority: random.pick(NamePool.authorities), personalNumber: personalNumber, remarks: remarks,
            validFrom: validFrom, numberOfEntries: entries, durationOfStay: duration)
    }
}

/// Generates document numbers from the simple regular expressions the bundled models use:
/// literals, character classes such as `[A-Z0-9]`, and `{n}` repetitions.
struct DocumentNumberPattern {
    private var parts: [(characters: [Character], count: Int)] = []
    let pattern: String

    init(_ pattern: String) throws(RenderError) {
        self.pattern = pattern
        var index = pattern.startIndex
        while index < pattern.endIndex {
            var characters: [Character] = []
            if pattern[index] == "[" {
                guard let close = pattern[index...].firstIndex(of: "]") else { throw .unsupportedPattern(pattern) }
                let body = Array(pattern[pattern.index(after: index)..<close])
                var i = 0
                while i < body.count {
                    if i + 2 < body.count, body[i + 1] == "-", let low = body[i].asciiValue, let high = body[i + 2].asciiValue, low <= high {
                        characters += (low...high).map { Character(Unicode.Scalar($0)) }
                        i += 3
                    } else {
                        characters.append(body[i])
                        i += 1
                    }
                }
                index = pattern.index(after: close)
            } else if pattern[index].isLetter || pattern[index].isNumber || pattern[index] == "<" {
                characters = [pattern[index]]
                index = pattern.index(after: index)
            } else {
                throw .unsupportedPattern(pattern)
            }
            var count = 1
            if index < pattern.endIndex, pattern[index] == "{" {
                guard let close = pattern[index...].firstIndex(of: "}"),
                      let n = Int(pattern[pattern.index(after: index)..<close]) else { throw .unsupportedPattern(pattern) }
                count = n
                index = pattern.index(after: close)
            }
            guard !characters.isEmpty else { throw .unsupportedPattern(pattern) }
            parts.append((characters, count))
        }
    }

    func generate(using random: inout SplitMix64) -> String {
        var text = ""
        for part in parts {
            for _ in 0..<part.count { text.append(random.pick(part.characters)) }
        }
        return text
    }
}
