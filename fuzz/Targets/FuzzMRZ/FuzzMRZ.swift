import IDCheck

/// The MRZ core: typed-text parsing with suggestions, the byte fast path, pre-split lines, and the
/// check-digit corrector over a recogniser's candidates. The first byte picks the entry point.
/// Every parse must return a zone or a typed `MRZParsingError`; a returned zone must answer every
/// accessor and its lines must parse again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let mode = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    let options = MRZ.ParsingOptions(referenceDate: MRZ.CalendarDate(year: 2025, month: 6, day: 1)!)
    do {
        let zone: MRZ.Zone
        switch mode % 4 {
        case 0: zone = try MRZ.parse(String(decoding: body, as: UTF8.self), options: options)
        case 1: zone = try MRZ.parse(utf8: body, options: options)
        case 2:
            let lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            zone = try MRZ.parse(lines: lines, options: options)
        default: zone = try MRZ.parse(candidates: candidates(body), options: options, correction: correction(mode))
        }
        exercise(zone)
        let again = try MRZ.parse(lines: zone.lines, options: options)
        precondition(again.lines == zone.lines, "a parsed zone's lines do not parse to the same zone")
    } catch {
        _ = error.code
        _ = error.description
        _ = error.suggestedLines
    }
    return 0
}

func exercise(_ zone: MRZ.Zone) {
    _ = zone.isValid
    _ = zone.isCorrected
    for field in zone.fields { _ = (field.raw, field.value) }
    _ = (zone.documentCode, zone.issuingState, zone.nationality, zone.optionalData, zone.optionalData2)
    _ = (zone.personalNumber, zone.documentNumber, zone.sex, zone.name)
    _ = (zone.birthDate, zone.expiryDate, zone.issueMonth, zone.checks.count)
}

/// A recogniser's output from bytes: a line count, then per character a first choice and up to
/// two alternatives with scores.
func candidates(_ body: [UInt8]) -> MRZ.Candidates {
    guard let first = body.first else { return MRZ.Candidates(lines: []) }
    let lineCount = Int(first % 4) // 0...3; the corrector must refuse the wrong counts
    var stream = body.dropFirst().makeIterator()
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
    func character(_ byte: UInt8) -> Character {
        byte < 0xF0 ? alphabet[Int(byte) % alphabet.count] : Character(Unicode.Scalar(UInt8(byte & 0x7F)))
    }
    let lengths = [44, 36, 30]
    var lines: [[[MRZ.Candidates.Alternative]]] = []
    for _ in 0..<lineCount {
        var length = lengths[Int(first >> 2) % 3]
        if first & 0x80 != 0, let delta = stream.next() { length = max(0, length + Int(delta % 5) - 2) }
        var characters: [[MRZ.Candidates.Alternative]] = []
        for _ in 0..<length {
            guard let byte = stream.next() else { break }
            var alternatives = [MRZ.Candidates.Alternative(character(byte), score: 1)]
            if byte & 0x01 != 0, let other = stream.next(), let score = stream.next() {
                alternatives.append(.init(character(other), score: Double(score) / 255))
            }
            if byte & 0x02 != 0, let other = stream.next(), let score = stream.next() {
                alternatives.append(.init(character(other), score: Double(score) / 255 - 0.5))
            }
            characters.append(alternatives)
        }
        lines.append(characters)
    }
    return MRZ.Candidates(lines: lines)
}

func correction(_ mode: UInt8) -> MRZ.CorrectionOptions {
    MRZ.CorrectionOptions(margin: Double(mode >> 2) / 64, maximumChangesPerCheck: Int(mode >> 6) + 1)
}
