extension MRZ {
    /// Reads a recogniser's output, resolving low-confidence characters with the check digits.
    ///
    /// The first choice at each position is taken, then:
    /// 1. a first choice outside the field's class (a letter in a date) is replaced by the
    ///    best-scoring alternative of the right class, if that alternative is within the class
    ///    margin (``CorrectionOptions/classMargin``, wider than the check digits' margin); so is
    ///    a letter after three fillers in a row in a name, which can hold only fillers there, by a
    ///    filler alternative;
    /// 2. for each failing check digit, the fewest changes among low-margin alternatives of the
    ///    covered positions (and of the digit itself) that make it hold are applied, if exactly
    ///    one best change exists;
    /// 3. the composite check likewise, over positions no other check covers.
    ///
    /// A character read confidently (no alternative within ``CorrectionOptions/margin``) is never
    /// changed: a forger's broken check digit stays broken. Every change is listed in
    /// ``Zone/corrections`` with both readings, and ``Zone/isCorrected`` is set.
    public static func parse(candidates: Candidates, options: ParsingOptions,
                             correction: CorrectionOptions = CorrectionOptions()) throws(MRZParsingError) -> Zone {
        var corrector = try MRZCorrector(candidates, options: options, correction: correction)
        return corrector.run()
    }
}

/// The working state of one candidate-resolution run.
struct MRZCorrector {
    struct Choice {
        var byte: UInt8
        var score: Double
    }

    let format: MRZ.Format
    let options: MRZ.ParsingOptions
    let correction: MRZ.CorrectionOptions
    var storage: [UInt8]
    /// The first choice per position.
    let firstChoice: [Choice]
    /// Low-margin alternatives per position (MRZ alphabet, right class, not the first choice).
    let alternatives: [[Choice]]
    /// Alternatives of the right class within the wider class margin, per position.
    let classAlternatives: [[Choice]]
    var corrections: [MRZ.Correction] = []

    init(_ candidates: MRZ.Candidates, options: MRZ.ParsingOptions, correction: MRZ.CorrectionOptions) throws(MRZParsingError) {
        guard candidates.lines.count <= 3 else { throw MRZParsingError(.wrongLineCount(found: candidates.lines.count)) }
        var lines: [ArraySlice<UInt8>] = []
        var rankedPerLine: [[[Choice]]] = []
        for (lineIndex, line) in candidates.lines.enumerated() {
            guard line.count <= MRZParser.maximumLineLength else {
                throw MRZParsingError(.wrongLineLength(expected: line.count < 36 ? 30 : 44, found: line.count), line: lineIndex)
            }
            var bytes: [UInt8] = []
            var ranked: [[Choice]] = []
            for (column, position) in line.enumerated() {
                guard !position.isEmpty else { throw MRZParsingError(.emptyCandidatePosition, line: lineIndex, column: column) }
                var choices: [Choice] = []
                for alternative in position {
                    let scalars = alternative.character.unicodeScalars
                    guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII,
                          MRZCharacterClass.isMRZ(UInt8(scalar.value)), alternative.score.isFinite else { continue }
                    choices.append(Choice(byte: UInt8(scalar.value), score: alternative.score))
                }
                choices.sort { $0.score > $1.score }
                // Nothing in the alphabet: keep the first reading so that the error names it.
                guard !choices.isEmpty else {
                    let best = (position.max { $0.score < $1.score } ?? position[0]).character
                    throw MRZParsingError(best.isLowercase ? .lowercaseCharacter(best) : .invalidCharacter(best),
                                          line: lineIndex, column: column)
                }
                bytes.append(choices[0].byte)
                ranked.append(choices)
            }
            lines.append(bytes[...])
            rankedPerLine.append(ranked)
        }
        let (detected, storage) = try MRZParser.wellFormed(lines)
        let format = MRZParser.read(storage, format: detected, options: options).format
        self.format = format
        self.options = options
        self.correction = correction
        self.storage = storage
        let layout = MRZLayout.of(format)
        var first: [Choice] = []
        var alternatives: [[Choice]] = []
        var classAlternatives: [[Choice]] = []
        for (index, choices) in rankedPerLine.joined().enumerated() {
            first.append(choices[0])
            let admitted = choices.dropFirst().filter { $0.byte != choices[0].byte && layout.classes[index].admits($0.byte) }
            alternatives.append(admitted.filter { $0.score >= choices[0].score - correction.margin })
            classAlternatives.append(admitted.filter { $0.score >= choices[0].score - correction.classMargin })
        }
        self.firstChoice = first
        self.alternatives = alternatives
        self.classAlternatives = classAlternatives
    }

    mutating func run() -> MRZ.Zone {
        let layout = MRZLayout.of(format)
        // 1. Character classes.
        for index in storage.indices where !layout.classes[index].admits(storage[index]) {
            if let best = classAlternatives[index].first { apply(index, best, reason: .characterClass) }
        }
        // A name's end: a name's components are joined by one filler and its primary and
        // secondary identifiers by two, so after three fillers in a row a name field holds only
        // fillers, and a letter there is a misread filler (a blurred `<` reads as `C` or `E`):
        // the recogniser's filler alternative replaces it.
        let filler = UInt8(ascii: "<")
        for spec in layout.fields where spec.field == .name {
            let start = absolute(spec.span.line, spec.span.start), end = absolute(spec.span.line, spec.span.end)
            var run = 0
            for index in start..<end {
                if run >= 3, storage[index] != filler, let alternative = classAlternatives[index].first(where: { $0.byte == filler }) {
                    apply(index, alternative, reason: .characterClass)
                }
                run = storage[index] == filler ? run + 1 : 0
            }
        }
        // 2. Field checks, then 3. the composite over what no field check covers.
        var zone = MRZParser.analyse(storage, format: format, options: options)
        for check in zone.checks where check.kind != .composite && !check.passes {
            resolve(check, positions: positions(of: check))
        }
        zone = MRZParser.analyse(storage, format: format, options: options)
        if let composite = zone.checks.first(where: { $0.kind == .composite }), !composite.passes {
            var guarded = Set<Int>()
            for check in zone.checks where check.kind != .composite { guarded.formUnion(positions(of: check)) }
            resolve(composite, positions: positions(of: composite).filter { !guarded.contains($0) })
            zone = MRZParser.analyse(storage, format: format, options: options)
        }
        zone.corrections = corrections.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return zone
    }

    private func absolute(_ line: Int, _ column: Int) -> Int { format.lineOffsets[line] + column }

    /// The covered positions and the digit's own, as storage indices.
    private func positions(of check: MRZ.Check) -> [Int] {
        var result: [Int] = []
        for span in check.covers { for column in span.start..<span.end { result.append(absolute(span.line, column)) } }
        result.append(absolute(check.position.line, check.position.column))
        return result
    }

    private func passes(_ check: MRZ.Check, in trial: [UInt8]) -> Bool {
        MRZParser.check(trial, offsets: format.lineOffsets, kind: check.kind, position: check.position, covers: check.covers,
                        mayBeBlank: check.kind == .personalNumber).passes
    }

    /// Applies the unique smallest, best-scoring set of alternative choices that makes `check` hold.
    private mutating func resolve(_ check: MRZ.Check, positions: [Int]) {
        let ambiguous = positions.filter { !alternatives[$0].isEmpty }
        guard !ambiguous.isEmpty else { return }
        for changes in 1...min(correction.maximumChangesPerCheck, ambiguous.count) {
            var best: (score: Double, choice: [(Int, MRZCorrector.Choice)])?
            var tied = false
            var trial = storage
            forEachChoice(of: changes, among: ambiguous, from: 0, chosen: []) { chosen in
                for (index, choice) in chosen { trial[index] = choice.byte }
                defer { for (index, _) in chosen { trial[index] = storage[index] } }
                guard passes(check, in: trial) else { return }
                let score = chosen.reduce(0) { $0 + $1.1.score }
                if let current = best {
                    if score > current.score + 1e-12 { best = (score, chosen); tied = false }
                    else if abs(score - current.score) <= 1e-12 { tied = true }
                } else {
                    best = (score, chosen)
                }
            }
            if let best {
                // Two equally good ways to make the check hold: the check cannot tell, so leave it.
                if !tied { for (index, choice) in best.choice { apply(index, choice, reason: .checkDigit) } }
                return
            }
        }
    }

    private func forEachChoice(of count: Int, among positions: [Int], from start: Int, chosen: [(Int, Choice)],
                               _ body: ([(Int, Choice)]) -> Void) {
        if chosen.count == count { body(chosen); return }
        guard start < positions.count else { return }
        for next in start..<positions.count {
            for alternative in alternatives[positions[next]] where alternative.byte != storage[positions[next]] {
                forEachChoice(of: count, among: positions, from: next + 1, chosen: chosen + [(positions[next], alternative)], body)
            }
        }
    }

    private mutating func apply(_ index: Int, _ choice: Choice, reason: MRZ.Correction.Reason) {
        storage[index] = choice.byte
        var line = 0
        while line + 1 < format.lineOffsets.count, format.lineOffsets[line + 1] <= index { line += 1 }
        let column = index - format.lineOffsets[line]
        let field = MRZLayout.of(format).fields.last { $0.span.line == line && $0.span.start <= column && column < $0.span.end }?.field
        corrections.removeAll { $0.position == MRZ.Position(line: line, column: column) }
        let original = firstChoice[index]
        guard original.byte != choice.byte else { return }
        corrections.append(MRZ.Correction(position: MRZ.Position(line: line, column: column), field: field,
                                          original: Character(Unicode.Scalar(original.byte)), originalScore: original.score,
                                          corrected: Character(Unicode.Scalar(choice.byte)), correctedScore: choice.score,
                                          reason: reason))
    }
}
