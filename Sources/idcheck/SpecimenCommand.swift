import ArgumentParser
import Foundation
import IDCheck

/// `idcheck specimen`: the specimen library — list its models, show one, add a real model from a
/// reference scan and a description.
struct SpecimenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specimen",
        abstract: "List, show and add specimen models (the library verify compares documents with).",
        discussion: """
            The library is --specimens DIR, else $IDCHECK_SPECIMENS, else the bundled specimens/ \
            folder. The description format is docs/specimen-format.md.

            Examples:
              idcheck specimen list
              idcheck specimen show UTO-P-2020
              idcheck specimen add --specimens ~/models --description nld-p-2021.json --front scan.png
            """,
        subcommands: [List.self, Show.self, Add.self])

    struct LibraryOption: ParsableArguments {
        @Option(help: ArgumentHelp("Specimen library folder.", valueName: "dir"))
        var specimens: String?

        func load(strict: Bool = false) throws -> SpecimenLibrary {
            do {
                return try SpecimenLibrary.load(explicit: specimens, strict: strict, requireReferenceImages: false)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the library's models (and any that fail to load).")

        @OptionGroup var library: LibraryOption
        @Flag(help: "One JSON object per model.") var json = false

        struct Entry: Encodable {
            var id: String
            var name: String
            var issuingState: String
            var documentCode: String
            var mrzFormat: String
            var issuedFrom: String?
            var issuedUntil: String?
            var sides: [String]
            var referenceImages: Bool
        }

        func run() throws {
            let loaded = try library.load()
            for specimen in loaded.specimens {
                let hasImages = specimen.sides.allSatisfy { FileManager.default.fileExists(atPath: specimen.referencePath(of: $0)) }
                if json {
                    try JSONOutput.print(Entry(id: specimen.id, name: specimen.name, issuingState: specimen.issuingState,
                                               documentCode: specimen.documentCode, mrzFormat: specimen.mrzFormat.rawValue,
                                               issuedFrom: specimen.issuedFrom?.description, issuedUntil: specimen.issuedUntil?.description,
                                               sides: specimen.sides.map(\.name), referenceImages: hasImages))
                } else {
                    let period = "\(specimen.issuedFrom?.description ?? "…")–\(specimen.issuedUntil?.description ?? "")"
                    print("\(specimen.id)  \(specimen.issuingState) \(specimen.documentCode) \(specimen.mrzFormat.rawValue)  issued \(period)  \(specimen.name)"
                        + (hasImages ? "" : "  (reference image missing)"))
                }
            }
            var standardError = StandardError()
            for problem in loaded.problems { print("idcheck: \(problem)", to: &standardError) }
            if !json { print("\(loaded.specimens.count) models in \(loaded.location.directory) (\(loaded.location.source.rawValue))") }
            if !loaded.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one model: sides, zones, rules, deviations.")

        @OptionGroup var library: LibraryOption
        @Argument(help: "Model ID, e.g. UTO-P-2020.") var id: String

        func run() throws {
            let loaded = try library.load()
            guard let specimen = loaded[id] else {
                throw ValidationError("no model \(id) in \(loaded.location.directory); known: \(loaded.ids.joined(separator: ", "))")
            }
            print("\(specimen.id) — \(specimen.name)")
            print("  issuer \(specimen.issuingState), document code \(specimen.documentCode), \(specimen.documentType.rawValue), MRZ \(specimen.mrzFormat.displayName)")
            print("  size \(specimen.size.widthMillimetres) × \(specimen.size.heightMillimetres) mm, issued \(specimen.issuedFrom?.description ?? "…")–\(specimen.issuedUntil?.description ?? "")")
            print("  rules: document number \(specimen.rules.documentNumberPattern), valid \(specimen.rules.validityYears.map(String.init).joined(separator: "/")) years, sexes \(specimen.rules.allowedSexes.map(\.rawValue).joined(separator: " "))"
                + (specimen.rules.optionalDataPattern.map { ", optional data \($0)" } ?? ""))
            for deviation in specimen.deviations { print("  deviation \(deviation.code): \(deviation.description)") }
            for side in specimen.sides {
                let present = FileManager.default.fileExists(atPath: specimen.referencePath(of: side))
                print("  side \(side.name): \(side.reference)\(present ? "" : " (missing)")")
                for zone in side.zones {
                    let box = zone.box
                    let what = zone.field.map { " \($0.rawValue)" } ?? ""
                    print("    \(zone.id) (\(zone.kind.rawValue)\(what)) x \(box.x) y \(box.y) w \(box.width) h \(box.height)")
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a real model: a description and a reference scan per side, validated, copied into the library.",
            discussion: """
                The description names each side's reference file (sides[].reference); --front and \
                --back give the scans to copy under those names. The model's folder is created as \
                <library>/<id>; nothing is written when validation fails.
                """)

        @OptionGroup var library: LibraryOption
        @Option(help: ArgumentHelp("The model's specimen.json (docs/specimen-format.md).", valueName: "file.json")) var description: String
        @Option(help: ArgumentHelp("Reference scan of the front (the data page of a passport).", valueName: "image")) var front: String
        @Option(help: ArgumentHelp("Reference scan of the back, for models with one.", valueName: "image")) var back: String?
        @Flag(help: "Replace a model with the same ID.") var replace = false

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: description))
            } catch {
                throw ValidationError("\(description): cannot read: \(error.localizedDescription)")
            }
            let specimen: Specimen
            do {
                specimen = try Specimen.decode(data, file: description, directory: ".", requireReferenceImages: false)
            } catch {
                throw ValidationError("\(error)")
            }
            var scans: [String: String] = ["front": front]
            if let back { scans["back"] = back }
            for side in specimen.sides where scans[side.name] == nil {
                throw ValidationError("\(description): sides: side \(side.name) needs --\(side.name) IMAGE")
            }
            for name in scans.keys where specimen.side(name) == nil {
                throw ValidationError("\(description): sides: no side \(name) for --\(name)")
            }
            for (name, path) in scans {
                do {
                    _ = try ImageDecoder().decode(contentsOf: path)
                } catch {
                    throw ValidationError("--\(name) \(path): \(error)")
                }
            }
            guard let location = SpecimenLibrary.Location.resolve(explicit: library.specimens, environment: ProcessInfo.processInfo.environment) else {
                throw ValidationError("no specimen library: pass --specimens DIR")
            }
            let folder = location.directory + "/" + specimen.id
            let manager = FileManager.default
            if manager.fileExists(atPath: folder) {
                guard replace else { throw ValidationError("\(folder) exists; pass --replace to overwrite model \(specimen.id)") }
                try manager.removeItem(atPath: folder)
            }
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: folder + "/" + Specimen.descriptionFileName))
                for side in specimen.sides {
                    if let scan = scans[side.name] { try manager.copyItem(atPath: scan, toPath: folder + "/" + side.reference) }
                }
                // The library's own strict check, reference images required.
                _ = try Specimen.load(directory: folder, requireReferenceImages: true)
            } catch {
                try? manager.removeItem(atPath: folder)
                throw ValidationError("\(error)")
            }
            print("added \(specimen.id) to \(location.directory)")
        }
    }
}
