import Foundation
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// File to checked MRZ on one core, per stage, against `djpeg` decoding the same file to RGB in
/// the same run. Goal: the whole read takes less time than djpeg's plain decode (ratio < 1).
enum ReadBenchmark {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        let runs = max(1, Int(arguments.first ?? "") ?? 25)
        var files = Array(arguments.dropFirst())
        do {
            if files.isEmpty { files = [try makePassportPage()] }
        } catch {
            print("cannot make the benchmark page: \(error)")
            return 1
        }
        let reader = MRZReader(referenceDate: MRZ.CalendarDate(year: 2026, month: 1, day: 1)!)
        var options = DecodingOptions(pixelFormat: .gray)
        options.inverseTransform = .fast // what `idcheck scan` decodes with
        let decoder = ImageDecoder(options: options)
        let spawn = Bench.median(runs: runs) { Bench.run("/bin/true", []) }
        print("read benchmark: median ms over \(runs) runs, one core; djpeg (RGB, full scale) as a process, start-up \(Bench.milliseconds(spawn)) ms included")
        print("file                          decode  locate segment recognise  check   total   djpeg  ratio  read")
        for file in files {
            guard let bytes = try? FileBytes.read(path: file, maxBytes: 1 << 30) else { print("\(file): unreadable"); continue }
            var stages: [String: [Double]] = [:]
            var totals: [Double] = []
            var text = "-"
            for _ in 0...runs {
                let start = Bench.now()
                guard let image = try? decoder.decode(bytes).image else { break }
                let decoded = Bench.now()
                var timings = MRZReader.StageTimings()
                let readings = reader.read(image, timings: &timings)
                let end = Bench.now()
                stages["decode", default: []].append(decoded - start)
                stages["locate", default: []].append(timings.locate)
                stages["segment", default: []].append(timings.segment)
                stages["recognise", default: []].append(timings.recognise)
                stages["check", default: []].append(timings.check)
                totals.append(end - start)
                text = readings.first.map { $0.zone?.isValid == true ? "valid" : "invalid" } ?? "none"
            }
            let djpeg = Bench.median(runs: runs) { Bench.run("/usr/bin/djpeg", ["-outfile", "/dev/null", file]) }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let total = median(totals)
            let name = URL(fileURLWithPath: file).lastPathComponent.padding(toLength: 28, withPad: " ", startingAt: 0)
            let cells = ["decode", "locate", "segment", "recognise", "check"].map { String(format: "%7.2f", median(stages[$0] ?? [0]) * 1000) }
            print("\(name) \(cells.joined(separator: " ")) \(String(format: "%7.2f %7.2f  %5.2f", total * 1000, djpeg * 1000, total / djpeg))  \(text)")
        }
        return 0
    }

    /// A 1800×1250 q90 JPEG of a passport data page: textured paper, visual-zone text and a TD3
    /// MRZ in OCR-B at 300 dpi size.
    static func makePassportPage() throws -> String {
        var page = syntheticScan(width: 1800, height: 1250, seed: 2)
        let ocrB = try SystemFonts.load(.ocrB)
        let lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
        let characterHeight = 28.0, pitch = 30.0
        for (index, line) in lines.enumerated() {
            for (column, character) in line.enumerated() {
                let glyph = try ocrB.glyph(for: character.unicodeScalars.first ?? "<", sizeInPixels: characterHeight / 0.7)
                page.draw(glyph: glyph, penX: 120 + Double(column) * pitch + (pitch - glyph.advance) / 2,
                          baselineY: 1050 + Double(index) * 50, colour: Colour(gray: 25))
            }
        }
        let path = NSTemporaryDirectory() + "idcheck-bench-passport-1800x1250-q90.jpg"
        try ImageEncoder.write(ImageEncoder.jpeg(page, quality: 90, dotsPerInch: 300), to: path)
        return path
    }
}
