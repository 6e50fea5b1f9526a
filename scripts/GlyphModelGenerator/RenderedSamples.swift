import Foundation
import IDCheckImaging
import IDCheckReader

/// Adds the characters of the MRZs in a folder written by `idcheck render` to the training data:
/// the reader's own cells paired with the truth of labels.jsonl. Returns how many were added.
func renderedSamples(folder: String, reader: MRZReader, into trainer: inout NetworkTrainer) throws -> Int {
    struct Label: Decodable {
        struct Zone: Decodable { var lines: [String] }
        var file: String
        var mrz: Zone?
    }
    let text = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8)
    let decoder = ImageDecoder(options: DecodingOptions(pixelFormat: .gray))
    var added = 0
    for line in text.split(separator: "\n") {
        guard let label = try? JSONDecoder().decode(Label.self, from: Data(line.utf8)), let truth = label.mrz?.lines,
              let image = try? decoder.decode(contentsOf: folder + "/" + label.file).image else { continue }
        let samples = reader.trainingSamples(image, truth: truth, upright: false)
        guard !samples.isEmpty else { continue }
        let agreeing = samples.filter { reader.classifier.classify($0.features, limit: 1).first?.character == $0.character }.count
        guard Double(agreeing) >= 0.7 * Double(samples.count) else { continue }
        for (character, features) in samples {
            guard let index = GlyphNetwork.characters.firstIndex(of: character) else { continue }
            trainer.inputs += GlyphNetwork.input(features)
            trainer.labels.append(index)
            added += 1
        }
    }
    return added
}
