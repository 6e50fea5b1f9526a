import Foundation

/// Runs the built `idcheck` binary the way a user types it, and captures what it prints.
struct CLIRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum CLIRunner {
    /// The `idcheck` executable that `swift build`/`swift test` put beside the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        // The test bundle lives in the build products folder (…/debug/IDCheckPackageTests.xctest).
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("idcheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/idcheck")
    }

    /// Runs `idcheck arguments…`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot fill a pipe and block the child.
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }
}
