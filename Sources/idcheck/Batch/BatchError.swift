/// Why a batch run could not start or continue. Per-file problems are never thrown: they become
/// result lines with their error code (see ``BatchItemProcessor``).
enum BatchError: Error, CustomStringConvertible {
    /// An argument is neither a folder, an image, a list file nor `-`.
    case missingInput(String)
    /// The results file cannot be opened, read, written or synced; `call` is the C function.
    case output(path: String, call: String, reason: String)
    /// A complete line of an existing results file is not a result line of `idcheck batch`.
    case foreignLine(path: String, line: Int)
    /// The run manifest beside the results is unreadable, or missing beside a non-empty results file.
    case manifest(path: String, reason: String)
    /// The options of this run differ from those the results file was started with.
    case optionsDiffer(manifest: String, differences: [String])

    var description: String {
        switch self {
        case .missingInput(let path):
            "\(path): no such folder, image or list file"
        case .output(let path, let call, let reason):
            "\(path): \(call): \(reason)"
        case .foreignLine(let path, let line):
            "\(path):\(line): not a result line of idcheck batch (refusing to append to it)"
        case .manifest(let path, let reason):
            "\(path): \(reason)"
        case .optionsDiffer(let manifest, let differences):
            "the results were started with other options (\(manifest)): " + differences.joined(separator: "; ")
                + ". Use another --out, or the same options to resume."
        }
    }
}
