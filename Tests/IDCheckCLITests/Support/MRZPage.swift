import Foundation
import IDCheck

/// Test pages drawn with the real OCR-B font: a passport-sized page (about 1500×1050, as a
/// 300-dpi scan of a data page) with some visual-zone text and an MRZ, written as PNG.
enum MRZPage {
    static func write(lines: [String], to path: String, characterHeight: Double = 26) throws {
        let font = try SystemFonts.load(.ocrB)
        let sans = try SystemFonts.load(.dejaVuSans)
        let emSize = characterHeight / 0.70
        let pitch = characterHeight * 1.05
        let width = 1500, height = 1050
        var image = Image(width: width, height: height, format: .rgb, fill: 240)
        for y in stride(from: 0, to: height, by: 9) {
            image.drawLine(from: Point(x: 0, y: Double(y)), to: Point(x: Double(width), y: Double(y) + 60),
                           colour: Colour(red: 205, green: 220, blue: 236), lineWidth: 1)
        }
        image.fill(Rectangle(x: 70, y: 150, width: 330, height: 420), colour: Colour(gray: 190))
        for (row, text) in ["PASSPORT / PASSEPORT", "Surname / Nom", "DE VRIES", "Given names / Prénoms", "ANNA"].enumerated() {
            try image.draw(text: text, at: Point(x: 460, y: 190 + Double(row) * 70), font: sans, sizeInPixels: 34, colour: Colour(gray: 40))
        }
        let left = (Double(width) - Double(lines[0].count) * pitch) / 2
        for (index, line) in lines.enumerated() {
            let baseline = Double(height) - 70 - Double(lines.count - 1 - index) * characterHeight * 1.9
            for (column, character) in line.enumerated() {
                let glyph = try font.glyph(for: character.unicodeScalars.first ?? "<", sizeInPixels: emSize)
                let x = left + Double(column) * pitch + (pitch - glyph.advance) / 2
                image.draw(glyph: glyph, penX: x, baselineY: baseline, colour: Colour(gray: 20))
            }
        }
        try ImageEncoder.write(ImageEncoder.png(image), to: path)
    }

    /// A blank page (the back of a card without an MRZ).
    static func writeBlank(to path: String) throws {
        let sans = try SystemFonts.load(.dejaVuSans)
        var image = Image(width: 1000, height: 640, format: .rgb, fill: 235)
        try image.draw(text: "Authority / Autorité: MINISTRY", at: Point(x: 60, y: 120), font: sans, sizeInPixels: 30, colour: Colour(gray: 40))
        try ImageEncoder.write(ImageEncoder.png(image), to: path)
    }

    /// TD3 lines for a holder, check digits computed.
    static func td3(state: String, number: String, birth: String = "850312", expiry: String = "310101", personal: String = "",
                    surname: String = "DE VRIES") throws -> [String] {
        try MRZ.Generator.lines(for: MRZ.Identity(documentCode: "P", issuingState: state, primaryIdentifier: surname,
                                                  secondaryIdentifier: "ANNA", documentNumber: number, nationality: state,
                                                  birthDate: birth, sex: .female, expiryDate: expiry, optionalData: personal),
                                format: .td3)
    }

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "idcheck-verify-\(UUID().uuidString)-\(name)"
    }
}
