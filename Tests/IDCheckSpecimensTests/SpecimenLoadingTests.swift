import Foundation
import Testing
import IDCheckMRZ
@testable import IDCheckSpecimens

/// The bundled library, found the way the tool finds it (the `#filePath` fallback at the latest).
let bundledDirectory = SpecimenLibrary.Location.bundled() ?? "specimens"

@Suite("Specimen descriptions")
struct SpecimenLoadingTests {
    @Test("the five bundled models load strictly, with their reference images")
    func bundledModelsLoad() throws {
        let library = try SpecimenLibrary(location: .init(directory: bundledDirectory, source: .bundled), strict: true)
        #expect(library.ids == ["UTO-ID-2021", "UTO-P-2014", "UTO-P-2020", "UTO-RP-2019", "UTO-V-2018"])
        #expect(library.problems.isEmpty)
        let passport = try #require(library["UTO-P-2020"])
        #expect(passport.mrzFormat == .td3)
        #expect(passport.size == .id3)
        #expect(passport.mrzSide?.name == "front")
        #expect(passport.mrzSide?.zones(of: .ghostImage).count == 1)
        #expect(passport.acceptsDocumentNumber("AB1234567"))
        #expect(!passport.acceptsDocumentNumber("P1234567"))
        let card = try #require(library["UTO-ID-2021"])
        #expect(card.sides.map(\.name) == ["front", "back"])
        #expect(card.mrzSide?.name == "back")
        let surname = try #require(card.side("front")?.zone("surname"))
        #expect(surname.mrzField == .primaryIdentifier)
    }

    @Test("the lookup order is --specimens, then IDCHECK_SPECIMENS, then the bundled folder")
    func lookupOrder() {
        let both = SpecimenLibrary.Location.resolve(explicit: "/a", environment: ["IDCHECK_SPECIMENS": "/b"])
        #expect(both == .init(directory: "/a", source: .option))
        let environment = SpecimenLibrary.Location.resolve(explicit: nil, environment: ["IDCHECK_SPECIMENS": "/b"])
        #expect(environment == .init(directory: "/b", source: .environment))
        let bundled = SpecimenLibrary.Location.resolve(explicit: nil, environment: [:])
        #expect(bundled?.source == .bundled)
    }

    /// A broken copy of the passport description: each case changes one thing and names the
    /// field the error must point at.
    static let breakages: [(String, @Sendable (inout [String: Any]) -> Void, String?)] = [
        ("missing mrzFormat", { $0.removeValue(forKey: "mrzFormat") }, "mrzFormat"),
        ("unknown mrzFormat", { $0["mrzFormat"] = "td9" }, "mrzFormat"),
        ("size name", { $0["size"] = "ID-7" }, "size"),
        ("box outside", { json in
            var sides = json["sides"] as! [[String: Any]]
            var zones = sides[0]["zones"] as! [[String: Any]]
            zones[3]["box"] = ["x": 0.5, "y": 0.2, "width": 1.4, "height": 0.1]
            sides[0]["zones"] = zones
            json["sides"] = sides
        }, "sides[0].zones[3].box.width"),
        ("regex", { json in
            var rules = json["rules"] as! [String: Any]
            rules["documentNumberPattern"] = "[A-Z"
            json["rules"] = rules
        }, "rules.documentNumberPattern"),
        ("wrong type", { $0["issuingState"] = 5 }, "issuingState"),
        ("id not folder", { $0["id"] = "UTO-P-2099" }, "id"),
    ]

    @Test("a broken description names the file and the field", arguments: 0..<breakages.count)
    func brokenDescription(index: Int) throws {
        let (name, breakIt, field) = Self.breakages[index]
        let original = try Data(contentsOf: URL(fileURLWithPath: bundledDirectory + "/UTO-P-2020/specimen.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        breakIt(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specimen-\(getpid())-\(index)/UTO-P-2020")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent("specimen.json"))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try Specimen.load(directory: folder.path, requireReferenceImages: false)
            Issue.record("\(name): loaded although broken")
        } catch {
            #expect(error.file.hasSuffix("UTO-P-2020/specimen.json"), "\(name)")
            #expect(error.field == field, "\(name): \(error)")
        }
    }

    @Test("malformed JSON and a missing file are told apart")
    func malformedAndMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specimen-bad-\(getpid())/X")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect { try Specimen.load(directory: folder.path) } throws: { error in
            guard let error = error as? SpecimenLoadingError, case .unreadable = error.reason else { return false }
            return true
        }
        try Data("{\"schema\": ".utf8).write(to: folder.appendingPathComponent("specimen.json"))
        #expect { try Specimen.load(directory: folder.path) } throws: { error in
            guard let error = error as? SpecimenLoadingError, case .malformedJSON = error.reason else { return false }
            return error.field == nil
        }
    }

    @Test("printed dates follow the model's format, unknown parts as XX")
    func printedDates() {
        #expect(PrintedDate.format(year: 1985, month: 3, day: 7, as: "dd MMM yyyy") == "07 MAR 1985")
        #expect(PrintedDate.format(year: 1985, month: nil, day: nil, as: "dd.MM.yyyy") == "XX.XX.1985")
        #expect(PrintedDate.format(year: 2031, month: 12, day: 1, as: "dd-MM-yy") == "01-12-31")
        #expect(!PrintedDate.isValidFormat("dd/QQ/yyyy"))
    }
}
