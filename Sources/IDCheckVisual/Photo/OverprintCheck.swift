/// Whether the security print that the specimen shows crossing the photo's border is still there:
/// printed with the portrait on a genuine document, covered by a photo stuck over the zone.
///
/// Compares the fine print (high-pass) of a band just inside the zone's border with the
/// reference's, after registration; the reference's own portrait contributes there too, which
/// lowers a genuine document's correlation but does not make it vanish as a covering print does.
struct OverprintCheck: Sendable {
    /// Band width inside the zone, as a fraction of the zone's width.
    var band = 0.17
    /// Outer part of the band left out, as a fraction of the zone's width.
    var outerSkip = 0.05
    /// Fine-print energy (grey levels RMS) the reference's band needs for the check to mean anything.
    var minimumReferenceEnergy = 1.0

    struct Measurement {
        /// Correlation of the band's fine print with the reference's, best of small shifts.
        var correlation: Double
        /// Fine-print energy of the reference's band and of the questioned band.
        var referenceEnergy: Double
        var questionedEnergy: Double
    }

    func measure(_ registered: ZoneRegistration.Registered) -> Measurement? {
        let zone = registered.zone
        let width = registered.reference.width, height = registered.reference.height
        let b = max(3, Int(Double(zone.x1 - zone.x0) * band))
        // Not the outer few per cent: a print trimmed a little smaller than the zone leaves them showing.
        let skip = max(2, Int(Double(zone.x1 - zone.x0) * outerSkip))
        var mask = [Bool](repeating: false, count: width * height)
        for y in zone.y0..<zone.y1 {
            for x in zone.x0..<zone.x1 {
                let inside = min(x - zone.x0, zone.x1 - 1 - x, y - zone.y0, zone.y1 - 1 - y)
                // Not the lowest quarter either: a portrait's shoulders fill it, differently on
                // every document; above them an ID photo shows its plain background at the sides.
                mask[y * width + x] = inside >= skip && inside < b && y < zone.y0 + (zone.y1 - zone.y0) * 3 / 4
            }
        }
        var q = registered.questioned.highPass(radius: 2).blurred(radius: 1), ref = registered.reference.highPass(radius: 2).blurred(radius: 1)
        let referenceEnergy = ref.energy(mask: mask)
        guard referenceEnergy >= minimumReferenceEnergy else { return nil }
        // Strong outlines (a drawn portrait's hair or jaw line reaching the band, on either side)
        // are clipped to the overprint's own strength, so that they cannot outweigh it.
        let limit = Float(2.5 * referenceEnergy)
        for index in q.values.indices { q.values[index] = min(limit, max(-limit, q.values[index])) }
        for index in ref.values.indices { ref.values[index] = min(limit, max(-limit, ref.values[index])) }
        var best: Double?
        for dy in -1...1 {
            for dx in -1...1 {
                if let c = q.shifted(dx: dx, dy: dy).correlation(with: ref, mask: mask, dx: 0, dy: 0), c > (best ?? -2) { best = c }
            }
        }
        guard let best else { return nil }
        return Measurement(correlation: best, referenceEnergy: referenceEnergy, questionedEnergy: q.energy(mask: mask))
    }
}

extension GreyPatch {
    /// The patch moved by (dx, dy), edges repeated.
    func shifted(dx: Int, dy: Int) -> GreyPatch {
        guard dx != 0 || dy != 0 else { return self }
        var result = values
        for y in 0..<height {
            let sy = min(height - 1, max(0, y + dy))
            for x in 0..<width { result[y * width + x] = values[sy * width + min(width - 1, max(0, x + dx))] }
        }
        return GreyPatch(width: width, height: height, values: result)
    }
}
