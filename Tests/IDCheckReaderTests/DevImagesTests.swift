import Foundation
import Testing
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// The four real ICAO Utopia specimen images in ../shared/dev-images: printed by nobody in this
/// project, in a bolder OCR-B than Debian's. Skipped when the folder is absent.
@Suite("Reading the real dev images")
struct DevImagesTests {
    struct Label: Decodable {
        var file: String
        var format: String
        var lines: [String]
    }

    static let folder: String? = {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/dev-images")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("labels.json").path) { return candidate.path }
        }
        return nil
    }()

    static var labels: [Label] {
        guard let folder, let data = try? Data(contentsOf: URL(fileURLWithPath: folder + "/labels.json")) else { return [] }
        return (try? JSONDecoder().decode([Label].self, from: data)) ?? []
    }

    @Test("every dev image reads exactly", .enabled(if: folder != nil), arguments: labels.map(\.file))
    func readsExactly(file: String) throws {
        let label = try #require(Self.labels.first { $0.file == file })
        let folder = try #require(Self.folder)
        let image = try ImageDecoder(options: DecodingOptions(pixelFormat: .gray)).decode(contentsOf: folder + "/" + file).image
        let reader = MRZReader(referenceDate: MRZ.CalendarDate(year: 2010, month: 1, day: 1)!)
        let readings = reader.read(image)
        #expect(readings.count == 1)
        let reading = try #require(readings.first)
        #expect(reading.lines == label.lines, "recognised \(reading.recognisedLines)")
        #expect(reading.zone?.format.rawValue.uppercased() == label.format.uppercased())
        #expect(reading.zone?.checks.allSatisfy(\.passes) == true)
    }
}
