import Foundation

/// The specimen models available to a run: every folder with a `specimen.json` under one
/// library directory, keyed by model ID.
///
/// Where the directory comes from (``Location/resolve(explicit:environment:)``), first match wins:
/// 1. `--specimens DIR` (passed in as `explicit`);
/// 2. the environment variable `IDCHECK_SPECIMENS`;
/// 3. the bundled `specimens/` folder, searched for beside the executable and in the folders
///    above it (a `swift build` binary lives in `.build/<config>/` inside the checkout),
///    in `<prefix>/share/idcheck/specimens` for an installed binary, in the current directory,
///    and finally at the checkout this module was compiled from (`#filePath`).
///
/// A folder without `specimen.json` (e.g. `specimens/sample/`) is not a model and is skipped.
public struct SpecimenLibrary: Sendable {
    public let location: Location
    /// The models, sorted by ID.
    public let specimens: [Specimen]
    /// Models that failed to load (only when loaded leniently); each names its file and field.
    public let problems: [SpecimenLoadingError]

    /// The model with ID `id`.
    public subscript(id: String) -> Specimen? { specimens.first { $0.id == id } }

    /// The IDs of every model, sorted.
    public var ids: [String] { specimens.map(\.id) }

    /// Loads every model under `location`.
    ///
    /// - Parameter strict: throw on the first broken model (tests, the renderer) instead of
    ///   collecting it in ``problems`` and going on with the others (checks of questioned documents).
    public init(location: Location, strict: Bool = false, requireReferenceImages: Bool = true) throws(SpecimenLoadingError) {
        let directory = location.directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw SpecimenLoadingError(file: directory, field: nil, reason: .unreadable("no such folder (\(location.source.rawValue))"))
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw SpecimenLoadingError(file: directory, field: nil, reason: .unreadable(error.localizedDescription))
        }
        var specimens: [Specimen] = []
        var problems: [SpecimenLoadingError] = []
        for entry in entries where !entry.hasPrefix(".") {
            let folder = directory + "/" + entry
            guard FileManager.default.fileExists(atPath: folder + "/" + Specimen.descriptionFileName) else { continue }
            do {
                specimens.append(try Specimen.load(directory: folder, requireReferenceImages: requireReferenceImages))
            } catch {
                if strict { throw error }
                problems.append(error)
            }
        }
        self.location = location
        self.specimens = specimens
        self.problems = problems
    }

    /// Resolves the directory (see the type's documentation) and loads it.
    public static func load(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                            strict: Bool = false, requireReferenceImages: Bool = true) throws(SpecimenLoadingError) -> SpecimenLibrary {
        guard let location = Location.resolve(explicit: explicit, environment: environment) else {
            throw SpecimenLoadingError(file: "specimens", field: nil,
                                       reason: .unreadable("no specimen library found: pass --specimens DIR or set \(Location.environmentVariable)"))
        }
        return try SpecimenLibrary(location: location, strict: strict, requireReferenceImages: requireReferenceImages)
    }

    /// A library directory and how it was chosen.
    public struct Location: Sendable, Hashable {
        public enum Source: String, Sendable, Hashable, Codable {
            case option = "--specimens"
            case environment = "IDCHECK_SPECIMENS"
            case bundled = "bundled"
        }

        public static let environmentVariable = "IDCHECK_SPECIMENS"

        public let directory: String
        public let source: Source

        public init(directory: String, source: Source) {
            self.directory = directory
            self.source = source
        }

        /// The first of: `explicit`, `$IDCHECK_SPECIMENS`, the bundled folder. An explicit or
        /// environment folder is returned even if missing, so that loading names it in its error.
        public static func resolve(explicit: String?, environment: [String: String]) -> Location? {
            if let explicit, !explicit.isEmpty { return Location(directory: explicit, source: .option) }
            if let variable = environment[environmentVariable], !variable.isEmpty {
                return Location(directory: variable, source: .environment)
            }
            return bundled().map { Location(directory: $0, source: .bundled) }
        }

        /// The bundled `specimens/` folder, if one can be found (see the type's documentation).
        public static func bundled(filePath: String = #filePath) -> String? {
            var candidates: [String] = []
            if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
                var folder = executable
                // The binary's folder and up to five above it: .build/x86_64-unknown-linux-gnu/debug/idcheck → checkout.
                for _ in 0..<6 {
                    candidates.append(folder.appendingPathComponent("specimens").path)
                    folder = folder.deletingLastPathComponent()
                }
                candidates.append(executable.deletingLastPathComponent().appendingPathComponent("share/idcheck/specimens").path)
            }
            candidates.append(FileManager.default.currentDirectoryPath + "/specimens")
            // Sources/IDCheckSpecimens/SpecimenLibrary.swift → the checkout's specimens/.
            let checkout = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            candidates.append(checkout.appendingPathComponent("specimens").path)
            return candidates.first(where: isLibrary)
        }

        /// A folder that holds at least one specimen folder.
        private static func isLibrary(_ path: String) -> Bool {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
            return entries.contains { FileManager.default.fileExists(atPath: path + "/" + $0 + "/" + Specimen.descriptionFileName) }
        }
    }
}
