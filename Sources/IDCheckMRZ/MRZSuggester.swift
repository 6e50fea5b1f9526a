/// Finds fixes to suggest for typed text. Suggestions are tried against the check digits and
/// rules but never applied to the zone that is judged.
enum MRZSuggester {
    /// Confusable characters of the wrong class, per field: letters in numeric fields become the
    /// digits they resemble, digits in letter fields the letters.
    static func characterClassFixes(_ zone: MRZ.Zone, options: MRZ.ParsingOptions) -> [MRZ.Suggestion] {
        var suggestions: [MRZ.Suggestion] = []
        for spec in zone.fieldSpecs {
            let map: [UInt8: UInt8]
            switch spec.kind {
            case .numeric, .date, .digit: map = MRZCharacterClass.letterToDigit
            case .alphabetic: map = MRZCharacterClass.digitToLetter
            case .alphanumeric, .filler: continue
            }
            let original = Array(zone.bytes(spec.span))
            var fixed = original
            for index in fixed.indices where !spec.kind.admits(fixed[index]) {
                // In dates, X is an unknown marker and stays.
                if let replacement = map[fixed[index]] { fixed[index] = replacement }
            }
            guard fixed != original else { continue }
            var storage = zone.storage
            let base = zone.format.lineOffsets[spec.span.line] + spec.span.start
            storage.replaceSubrange(base..<base + fixed.count, with: fixed)
            let trial = MRZParser.analyse(storage, format: zone.format, options: options)
            suggestions.append(MRZ.Suggestion(kind: .characterClass, field: spec.field, span: spec.span,
                                              original: String(decoding: original, as: UTF8.self),
                                              suggested: String(decoding: fixed, as: UTF8.self),
                                              makesZoneValid: trial.isValid))
        }
        return suggestions
    }

    /// Lines of the wrong length: tries lengthening or shortening each run of `<` by the missing
    /// or extra count, and returns the first variant that is well-formed and fully valid.
    static func fillerCountFix(_ lines: [ArraySlice<UInt8>], options: MRZ.ParsingOptions) -> [String]? {
        guard lines.count == 2 || lines.count == 3,
              lines.allSatisfy({ $0.count <= MRZParser.maximumLineLength && $0.allSatisfy(MRZCharacterClass.isMRZ) })
        else { return nil }
        let format = MRZParser.detect(lines)
        var variantsPerLine: [[[UInt8]]] = []
        for (index, line) in lines.enumerated() {
            let delta = format.lineLengths[index] - line.count
            if delta == 0 { variantsPerLine.append([Array(line)]); continue }
            guard abs(delta) <= 8 else { return nil }
            let variants = fillerRunVariants(Array(line), delta: delta)
            if variants.isEmpty { return nil }
            variantsPerLine.append(variants)
        }
        var combinations: [[[UInt8]]] = [[]]
        for variants in variantsPerLine {
            combinations = combinations.flatMap { prefix in variants.map { prefix + [$0] } }
            if combinations.count > 512 { return nil }
        }
        for combination in combinations {
            let slices = combination.map { $0[...] }
            guard let (format, storage) = try? MRZParser.wellFormed(slices) else { continue }
            if MRZParser.read(storage, format: format, options: options).isValid {
                return combination.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        return nil
    }

    /// The line with one run of fillers changed by `delta`, trailing runs first.
    private static func fillerRunVariants(_ line: [UInt8], delta: Int) -> [[UInt8]] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < line.count {
            if line[index] == MRZCharacterClass.filler {
                let start = index
                while index < line.count, line[index] == MRZCharacterClass.filler { index += 1 }
                runs.append(start..<index)
            } else {
                index += 1
            }
        }
        // A line missing all of its trailing fillers has no final run: allow appending there too.
        if line.last != MRZCharacterClass.filler { runs.append(line.count..<line.count) }
        var variants: [[UInt8]] = []
        for run in runs.reversed() {
            var variant = line
            if delta > 0 {
                variant.insert(contentsOf: repeatElement(MRZCharacterClass.filler, count: delta), at: run.upperBound)
            } else if run.count >= -delta {
                variant.removeSubrange(run.upperBound + delta..<run.upperBound)
            } else {
                continue
            }
            variants.append(variant)
        }
        return variants
    }
}
