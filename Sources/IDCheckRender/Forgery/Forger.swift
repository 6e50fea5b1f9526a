import IDCheckImaging
import IDCheckMRZ
import IDCheckSpecimens

/// Applies one forgery to a document's data and print, the way a forger would: on the document,
/// before it is scanned.
struct Forger {
    let specimen: Specimen
    let library: SpecimenLibrary
    let checkDate: MRZ.CalendarDate

    /// What a forgery did, for the labels.
    struct Effect {
        var kind: ForgeryKind
        var zones: [String] = []
        var details: [String] = []
        /// The model whose layout is printed (other-model layout).
        var layout: Specimen?
        var watchlist: WatchlistEntry?
        /// For splices: the field zone to splice over, applied after drawing.
        var spliceZone: String?
    }

    /// Changes `print` (and returns what changed) for every kind that acts before drawing.
    func apply(_ kind: ForgeryKind, to print: inout SidePrint, random: inout SplitMix64,
               reusedNumber: () throws(RenderError) -> (number: String, document: Int)?) throws(RenderError) -> Effect {
        var effect = Effect(kind: kind)
        let format = specimen.mrzFormat
        switch kind {
        case .mrzAlteredCheckDigitBroken:
            let (line, range, field) = alterableSpan(format: format, random: &random)
            var characters = Array(print.mrzLines[line])
            let original = characters
            // Change one character so that the field's check digit no longer matches.
            for _ in 0..<20 {
                characters = original
                let position = random.int(range)
                let old = characters[position]
                let pool: [Character] = old.isNumber ? Array("0123456789") : Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                characters[position] = random.pick(pool.filter { $0 != old })
                let text = String(characters[range])
                let digit = characters[checkDigitIndex(after: range, line: line, format: format)]
                if MRZ.CheckDigit.compute(text).map({ String($0) }) != String(digit) { break }
            }
            print.mrzLines[line] = String(characters)
            effect.zones = ["mrz"]
            effect.details = ["MRZ \(field) changed from \(String(original[range])) to \(String(characters[range])), check digits not recomputed"]
        case .mrzAlteredCheckDigitRecomputed:
            var altered = print.data
            let choice = random.int(0...2)
            switch choice {
            case 0:
                altered.birthDate.year -= random.int(3...12)
                effect.details = ["MRZ birth date changed to \(altered.birthDate.iso) (printed \(print.data.birthDate.iso)), check digits recomputed"]
            case 1:
                altered.expiryDate.year += random.int(2...6)
                effect.details = ["MRZ expiry date changed to \(altered.expiryDate.iso) (printed \(print.data.expiryDate.iso)), check digits recomputed"]
            default:
                altered.documentNumber = try DocumentNumberPattern(specimen.rules.documentNumberPattern).generate(using: &random)
                effect.details = ["MRZ document number changed to \(altered.documentNumber) (printed \(print.data.documentNumber)), check digits recomputed"]
            }
            print.mrzLines = try altered.mrzLines(format: format)
            effect.zones = ["mrz"]
        case .vizMRZMismatch:
            let targets: [Specimen.PrintedField] = [.surname, .givenNames, .documentNumber, .birthDate, .expiryDate]
            let zones = specimen.sides.flatMap(\.zones).filter { zone in zone.field.map(targets.contains) ?? false }
            guard let zone = zones.isEmpty ? nil : random.pick(zones), let field = zone.field else { break }
            var altered = print.data
            switch field {
            case .surname: altered.surname = random.pick(NamePool.cultures.flatMap(\.surnames).filter { $0 != altered.surname }, or: "DOE")
            case .givenNames: altered.givenNames = random.pick(NamePool.cultures.flatMap(\.givenNames).filter { $0 != altered.givenNames }, or: "JANE")
            case .documentNumber:
                var characters = Array(altered.documentNumber)
                let digitPositions = characters.indices.filter { characters[$0].isNumber }
                if !digitPositions.isEmpty {
                    let index = random.pick(digitPositions)
                    let digits = Array("0123456789").filter { $0 != characters[index] }
                    characters[index] = random.pick(digits)
                }
                altered.documentNumber = String(characters)
            case .birthDate: altered.birthDate.year += random.pick([-11, -7, -3, 2, 5])
            default: altered.expiryDate.year += random.pick([2, 3, 5])
            }
            let text = altered.printed(field, dateFormat: zone.dateFormat)
            print.printedOverrides[zone.id] = text
            effect.zones = [zone.id]
            effect.details = ["printed \(field.rawValue) is \(text), the MRZ says \(print.data.printed(field, dateFormat: zone.dateFormat))"]
        case .photoSubstituted:
            var other = Portrait.random(using: &random)
            if other.seed == print.portrait.seed { other.seed &+= 1 }
            print.portrait = other
            let pasted = PastedPhoto.random(using: &random)
            print.pastedPhoto = pasted
            effect.zones = ["photo"]
            effect.details = ["main photo replaced (portrait \(other.style.rawValue) \(other.seed)) by a \(pasted.detail); ghost image still shows the holder"]
        case .otherModelLayout:
            effect.layout = ForgeryPlan.partner(of: specimen, in: library)
            effect.zones = ["layout"]
            effect.details = ["\(specimen.id) data printed on the layout of \(effect.layout?.id ?? "?")"]
        case .mrzWrongFont:
            // The last two are held out from tuning the font check (benchmarks/visual-forensics.sh).
            print.mrzFont = random.pick(["DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSans.ttf", "DejaVuSerif.ttf",
                                         "DejaVuSansCondensed.ttf", "LiberationMono-Regular.ttf"])
            effect.zones = ["mrz"]
            effect.details = ["MRZ printed in \(print.mrzFont) instead of OCR-B"]
        case .impossibleDates:
            var data = print.data
            let variant = random.int(0...3)
            switch variant {
            case 0:
                // Expired: issued long enough ago that the validity ran out before the check date.
                let validity = specimen.rules.validityYears.max() ?? 10
                let issue = checkDate.adding(years: -validity).adding(days: -random.int(30...900))
                data.issueDate = PartialDate(issue)
                data.expiryDate = PartialDate(issue.adding(years: validity).adding(days: -1))
                effect.details = ["expired on \(data.expiryDate.iso), before the check date \(checkDate.iso)"]
            case 1:
                if let issue = data.issueDate.calendarDate {
                    data.birthDate = PartialDate(issue.adding(days: random.int(10...2000)))
                }
                effect.details = ["born \(data.birthDate.iso), after the date of issue \(data.issueDate.iso)"]
            case 2:
                data.expiryDate.year += random.int(4...9)
                effect.details = ["validity from \(data.issueDate.iso) to \(data.expiryDate.iso) is longer than the model grants"]
            default:
                data.expiryDate.month = random.pick([2, 4, 6, 9, 11])
                data.expiryDate.day = data.expiryDate.month == 2 ? random.int(30...31) : 31
                effect.details = ["expiry date \(data.expiryDate.iso) does not exist"]
            }
            print.data = data
            print.mrzLines = try data.mrzLines(format: format)
            effect.zones = ["mrz", "birthDate", "issueDate", "expiryDate"]
        case .splicedRegion:
            let targets: [Specimen.PrintedField] = [.documentNumber, .birthDate, .expiryDate, .surname, .givenNames]
            let zones = specimen.sides.flatMap(\.zones).filter { zone in zone.field.map(targets.contains) ?? false }
            if let zone = zones.isEmpty ? nil : random.pick(zones) {
                effect.spliceZone = zone.id
                effect.zones = [zone.id]
            }
        case .watchlisted:
            let listed = checkDate.adding(days: -random.int(1...700))
            effect.watchlist = WatchlistEntry(issuingState: print.data.issuingState, documentNumber: print.data.documentNumber,
                                              date: listed.iso, source: random.pick(["SLTD", "national police", "issuer"]))
            effect.zones = ["documentNumber"]
            effect.details = ["document number \(print.data.documentNumber) is on the watch list"]
        case .numberReused:
            if let (number, document) = try reusedNumber() {
                print.data.documentNumber = number
                print.mrzLines = try print.data.mrzLines(format: format)
                effect.zones = ["documentNumber", "mrz"]
                effect.details = ["document number \(number) also belongs to document \(document) of this run, another holder"]
            }
        }
        return effect
    }

    /// A data field of the MRZ and its span: (line, character range, field name).
    private func alterableSpan(format: MRZ.Format, random: inout SplitMix64) -> (Int, ClosedRange<Int>, String) {
        switch format {
        case .td1:
            return random.pick([(0, 5...13, "documentNumber"), (1, 0...5, "birthDate"), (1, 8...13, "expiryDate")])
        default:
            return random.pick([(1, 0...8, "documentNumber"), (1, 13...18, "birthDate"), (1, 21...26, "expiryDate")])
        }
    }

    private func checkDigitIndex(after range: ClosedRange<Int>, line: Int, format: MRZ.Format) -> Int { range.upperBound + 1 }
}

extension SplitMix64 {
    mutating func pick<T>(_ items: [T], or fallback: T) -> T { items.isEmpty ? fallback : pick(items) }
}
