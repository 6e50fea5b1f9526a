import Foundation
import IDCheck
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The rendered set's folder, removed when the test process exits.
private let renderedFolder = Mutex<String?>(nil)

/// `idcheck batch` and `idcheck summarize` end to end, on documents the project's renderer draws:
/// six UTO-P-2020 passports (flat 300-dpi PNG), of which the 2nd, 4th and 6th carry the number of
/// another holder's passport (`--forge number-reused`).
@Suite("idcheck batch and summarize", .serialized)
struct BatchCommandTests {
    /// The rendered set, made once per test process; each test copies what it changes.
    static let rendered: Result<String, any Error> = Result {
        let folder = NSTemporaryDirectory() + "idcheck-batch-fixture-\(UUID().uuidString)"
        renderedFolder.withLock { $0 = folder }
        atexit { renderedFolder.withLock { folder in if let folder { try? FileManager.default.removeItem(atPath: folder) } } }
        let render = try CLIRunner.run(["render", "--specimen", "UTO-P-2020", "--count", "6", "--seed", "3", "--conditions", "none",
                                        "--forge", "number-reused", "--check-date", "2025-06-01", "--out", folder])
        guard render.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: render.standardError]) }
        return folder
    }

    /// A fresh folder holding copies of the rendered images (not the labels or the watch list).
    static func imageFolder() throws -> String {
        let source = try rendered.get()
        let folder = NSTemporaryDirectory() + "idcheck-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/images", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".png") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/images/" + name)
        }
        return folder
    }

    static func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// A JSON value as sorted-key text, for comparing parts of two reports.
    static func canonical(_ value: Any?) -> String {
        guard let value, JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else { return "-" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The lines sorted by path, with the timings (`batch.elapsedMs`) taken out.
    static func comparable(_ path: String) throws -> [String] {
        try lines(path).map { object -> (String, String) in
            var object = object
            var batch = object["batch"] as? [String: Any] ?? [:]
            batch["elapsedMs"] = nil
            object["batch"] = batch
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let input = object["input"] as? [String: Any]
            return ((input?["path"] as? String ?? "") + "|" + (input?["sha256"] as? String ?? ""), String(decoding: data, as: UTF8.self))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Test("a folder gives one line per file, a corrupt file an error line, reused numbers across the batch")
    func folder() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("this is not an image".utf8).write(to: URL(fileURLWithPath: folder + "/images/broken.jpg"))
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]).write(to: URL(fileURLWithPath: folder + "/images/cut.jpg"))
        try Data("not an input".utf8).write(to: URL(fileURLWithPath: folder + "/images/notes.txt"))
        let out = folder + "/results.jsonl"
        let run = try CLIRunner.run(["batch", folder + "/images", "--out", out, "--jobs", "2", "--at", "2025-06-01"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Self.lines(out)
        #expect(lines.count == 8)
        let paths = lines.compactMap { ($0["input"] as? [String: Any])?["path"] as? String }
        #expect(Set(paths).count == 8)
        #expect(paths == paths.sorted(), "lines are written in the inputs' (name) order")
        #expect(!paths.contains { $0.hasSuffix("notes.txt") })
        for line in lines {
            #expect(line["schema"] as? String == "idcheck.verify/1")
            #expect(((line["input"] as? [String: Any])?["sha256"] as? String)?.count == 64)
            #expect(line["batch"] is [String: Any])
        }
        let broken = try #require(lines.first { (($0["input"] as? [String: Any])?["path"] as? String)?.hasSuffix("broken.jpg") == true })
        #expect(broken["status"] as? String == "error")
        #expect((broken["error"] as? [String: Any])?["code"] as? String == "unrecognised-format")
        let cut = try #require(lines.first { (($0["input"] as? [String: Any])?["path"] as? String)?.hasSuffix("cut.jpg") == true })
        #expect(cut["status"] as? String == "error")
        #expect(((cut["error"] as? [String: Any])?["code"] as? String)?.isEmpty == false)
        // The 2nd, 4th and 6th passports reuse the number of another holder's: raised on the later one.
        let reused = lines.filter { VerifyCommandTests.codes($0)["list.number-reused"] == "warning" }
            .compactMap { (($0["input"] as? [String: Any])?["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
        #expect(reused.count == 3, "\(reused)")
        // Progress and logs never show file names or document numbers.
        #expect(!run.standardError.contains("UTO-P-2020"))
        #expect(!run.standardError.contains("broken"))
        #expect(run.standardOutput.contains("list.number-reused"))

        // summarize reads the same figures back.
        let summary = try CLIRunner.run(["summarize", out, "--json"])
        #expect(summary.status == 0, "\(summary.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.standardOutput.utf8)) as? [String: Any])
        #expect(object["files"] as? Int == 8)
        #expect((object["statuses"] as? [String: Int])?["error"] == 2)
        #expect((object["statuses"] as? [String: Int])?["checked"] == 6)
        #expect((object["crossDocument"] as? [String: Int])?["list.number-reused"] == 3)
        let text = try CLIRunner.run(["summarize", out, "--labels", try Self.rendered.get() + "/labels.jsonl"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("Files: 8"))
        #expect(text.standardOutput.contains("UTO-P-2020"))
        #expect(text.standardOutput.contains("number-reused"))
    }

    @Test("a list naming a file twice gives it one line")
    func listedTwice() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = try FileManager.default.contentsOfDirectory(atPath: folder + "/images").sorted().prefix(2).map { folder + "/images/" + $0 }
        let list = folder + "/list.txt"
        try Data(([images[0], images[1], images[0], images[0]].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: list))
        let out = folder + "/results.jsonl"
        let run = try CLIRunner.run(["batch", list, "--out", out, "--jobs", "2", "--at", "2025-06-01"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.lines(out).compactMap { ($0["input"] as? [String: Any])?["path"] as? String } == images)
        #expect(run.standardOutput.contains("2 lines written, 2 files already done"), "\(run.standardOutput)")
    }

    @Test("killed mid-run with SIGKILL and rerun: the same lines as an uninterrupted run, timings aside")
    func resumeAfterKill() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reference = folder + "/reference.jsonl"
        let whole = try CLIRunner.run(["batch", folder + "/images", "--out", reference, "--jobs", "2", "--at", "2025-06-01"])
        #expect(whole.status == 0, "\(whole.standardError)")

        let out = folder + "/resumed.jsonl"
        let arguments = ["batch", folder + "/images", "--out", out, "--jobs", "1", "--at", "2025-06-01"]
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some lines are out but not all.
        var killedEarly = false
        for _ in 0..<6000 {
            let written = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if written >= 2 {
                kill(process.processIdentifier, SIGKILL)
                killedEarly = written < 6
                break
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        process.waitUntilExit()
        #expect(killedEarly, "the run was to be killed half-way")
        // A line cut by the kill (or a power cut): the rerun must drop it, not keep or duplicate it.
        let handle = try #require(FileHandle(forWritingAtPath: out))
        handle.seekToEndOfFile()
        handle.write(Data("{\"schema\":\"idcheck.verify/1\",\"input\":{\"pa".utf8))
        try handle.close()

        let rerun = try CLIRunner.run(arguments)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(rerun.standardError.contains("unfinished last line"))
        let resumed = try Self.comparable(out)
        #expect(resumed.count == 6)
        #expect(resumed == (try Self.comparable(reference)))
        // A third run has nothing left to do.
        let again = try CLIRunner.run(arguments)
        #expect(again.status == 0)
        #expect(try Self.comparable(out) == resumed)
        #expect(again.standardOutput.contains("0 lines written, 6 files already done"))
    }

    @Test("a rerun with other options refuses to mix them")
    func otherOptions() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/results.jsonl"
        let list = folder + "/list.txt"
        try "images/UTO-P-2020-000000-front.png\n".write(toFile: list, atomically: true, encoding: .utf8)
        let first = try CLIRunner.run(["batch", list, "--out", out, "--at", "2025-06-01"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try Self.lines(out).count == 1)
        let other = try CLIRunner.run(["batch", list, "--out", out, "--at", "2025-07-01"])
        #expect(other.status == 64)
        #expect(other.standardError.contains("check date"))
        let scan = try CLIRunner.run(["batch", "--scan", list, "--out", out])
        #expect(scan.status == 64)
        #expect(scan.standardError.contains("mode"))
        #expect(try Self.lines(out).count == 1, "the results are left as they were")
        // Without --at the results file's check date is kept: this resumes.
        let same = try CLIRunner.run(["batch", list, "--out", out])
        #expect(same.status == 0, "\(same.standardError)")
        #expect(try Self.lines(out).count == 1)
    }

    /// A genuine UTO-ID-2021 card rendered into `<folder>/card` as its two sides (flat PNG):
    /// the folder (to remove) and the two file names.
    static func renderedCard(seed: Int = 5, forge: String = "none") throws -> (folder: String, front: String, back: String) {
        let folder = NSTemporaryDirectory() + "idcheck-batch-card-\(UUID().uuidString)"
        let render = try CLIRunner.run(["render", "--specimen", "UTO-ID-2021", "--count", "1", "--seed", "\(seed)", "--conditions", "none",
                                        "--forge", forge, "--check-date", "2025-06-01", "--out", folder + "/card"])
        #expect(render.status == 0, "\(render.standardError)")
        let rendered = try FileManager.default.contentsOfDirectory(atPath: folder + "/card").filter { $0.hasSuffix(".png") }
        #expect(rendered.count == 2)
        let front = try #require(rendered.first { $0.hasSuffix("-front.png") }), back = try #require(rendered.first { $0.hasSuffix("-back.png") })
        return (folder, front, back)
    }

    @Test("a card's front and back files are one document: both lines carry the card's report; --sides-apart verifies them alone")
    func cardSidesTogether() throws {
        let (folder, front, back) = try Self.renderedCard()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(front.hasSuffix("-front.png") && back.hasSuffix("-back.png"))

        let together = try CLIRunner.run(["batch", folder + "/card", "--out", folder + "/together.jsonl", "--at", "2025-06-01", "--jobs", "2"])
        #expect(together.status == 0, "\(together.standardError)")
        // Verified once: the second file's worker took the first's result.
        #expect(together.standardOutput.contains("1 card verified once for both its files"), "\(together.standardOutput)")
        let lines = try Self.lines(folder + "/together.jsonl")
        #expect(lines.count == 2)
        for line in lines {
            let own = (line["input"] as? [String: Any])?["path"] as? String ?? "-"
            let pages = (line["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(pages.count == 2 && pages.first == own, "\(own): \(pages)")
            #expect(line["verdict"] as? String == "consistent", "\(own): \(line["indicators"] ?? "-")")
        }

        let apart = try CLIRunner.run(["batch", folder + "/card", "--out", folder + "/apart.jsonl", "--at", "2025-06-01", "--sides-apart"])
        #expect(apart.status == 0, "\(apart.standardError)")
        let frontLine = try #require(try Self.lines(folder + "/apart.jsonl").first {
            ((($0["input"] as? [String: Any])?["path"] as? String) ?? "").hasSuffix(front)
        })
        let codes = (frontLine["indicators"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("mrz.not-found"))
        // The results file remembers how it was made: resuming without --sides-apart is refused.
        let mixed = try CLIRunner.run(["batch", folder + "/card", "--out", folder + "/apart.jsonl", "--at", "2025-06-01"])
        #expect(mixed.status == 64)
        #expect(mixed.standardError.contains("--sides-apart"))
    }

    @Test("a card is verified once: each side's line is what verify --same-document says with that side first, on one job or two")
    func cardVerifiedOnce() throws {
        // Seed 6: the front's printed number differs from the back's MRZ (viz.mrz-mismatch on the front).
        let (folder, _, _) = try Self.renderedCard(seed: 6, forge: "viz-mrz-mismatch")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runs: [[String]] = []
        for jobs in ["2", "1"] {
            let out = folder + "/jobs\(jobs).jsonl"
            let run = try CLIRunner.run(["batch", folder + "/card", "--out", out, "--at", "2025-06-01", "--jobs", jobs])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.contains("1 card verified once for both its files"), "\(run.standardOutput)")
            runs.append(try Self.comparable(out))
            for line in try Self.lines(out) {
                let pages = (line["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
                let codes = (line["indicators"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                #expect(pages.count == 2 && codes.contains("viz.mrz-mismatch"), "\(pages): \(codes)")
                let verify = try CLIRunner.run(["verify", "--json", "--at", "2025-06-01", "--same-document"] + pages)
                let alone = try #require(try JSONSerialization.jsonObject(with: Data(verify.standardOutput.utf8)) as? [String: Any])
                for key in ["input", "inputs", "verdict", "model", "mrz", "indicators", "counts"] {
                    #expect(Self.canonical(line[key]) == Self.canonical(alone[key]), "\(pages.first ?? "-"): \(key) differs")
                }
            }
        }
        #expect(runs[0] == runs[1])
    }

    @Test("a card whose front file is cut short: the front is an error line, the back is verified alone, the same on two jobs and one")
    func cardWithUnreadableSide() throws {
        let (folder, front, back) = try Self.renderedCard()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Cut at nine tenths, the front fails only once most of it is decoded: whichever worker
        // claims the card first works a while and then has nothing to share, and the other,
        // waiting for it meanwhile, verifies its own file after all (seen: on two jobs the front's
        // worker resumes every time). It must get a slot again, not hang, and say the same.
        let frontPath = folder + "/card/" + front
        let bytes = try Data(contentsOf: URL(fileURLWithPath: frontPath))
        try bytes.prefix(bytes.count * 9 / 10).write(to: URL(fileURLWithPath: frontPath))
        var runs: [[String]] = []
        for jobs in ["2", "1"] {
            let out = folder + "/jobs\(jobs).jsonl"
            let run = try CLIRunner.run(["batch", folder + "/card", "--out", out, "--at", "2025-06-01", "--jobs", jobs])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(!run.standardOutput.contains("verified once"), "\(run.standardOutput)")
            let lines = try Self.lines(out)
            #expect(lines.count == 2)
            for line in lines {
                let own = (line["input"] as? [String: Any])?["path"] as? String ?? "-"
                if own.hasSuffix(front) {
                    #expect(line["status"] as? String == "error", "\(own): \(line["status"] ?? "-")")
                } else {
                    #expect(own.hasSuffix(back))
                    let pages = (line["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
                    #expect(pages == [own], "the back alone: \(pages)")
                    #expect(line["verdict"] as? String == "consistent", "\(own): \(line["indicators"] ?? "-")")
                }
            }
            runs.append(try Self.comparable(out))
        }
        #expect(runs[0] == runs[1])
    }

    @Test("the other side of a card is found by its name in the letter case it is written in; other names are not paired")
    func partnerByName() throws {
        let (folder, front, back) = try Self.renderedCard()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        // Upper-case side names with underscores pair; a word merely ending in "front" does not.
        for (source, name) in [(front, "ID-1234_FRONT.png"), (back, "ID-1234_BACK.png"), (front, "storefront.png"), (back, "storeback.png")] {
            try FileManager.default.copyItem(atPath: folder + "/card/" + source, toPath: folder + "/in/" + name)
        }
        let run = try CLIRunner.run(["batch", folder + "/in", "--out", folder + "/r.jsonl", "--at", "2025-06-01"])
        #expect(run.status == 0, "\(run.standardError)")
        var pages: [String: [String]] = [:]
        for line in try Self.lines(folder + "/r.jsonl") {
            let own = ((line["input"] as? [String: Any])?["path"] as? String).map { ($0 as NSString).lastPathComponent } ?? "-"
            pages[own] = (line["inputs"] as? [[String: Any]] ?? []).compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } }
        }
        #expect(pages["ID-1234_FRONT.png"] == ["ID-1234_FRONT.png", "ID-1234_BACK.png"])
        #expect(pages["ID-1234_BACK.png"] == ["ID-1234_BACK.png", "ID-1234_FRONT.png"])
        #expect(pages["storefront.png"] == ["storefront.png"])
        #expect(pages["storeback.png"] == ["storeback.png"])
    }

    @Test("a file running past --timeout is a timeout line, not waited on")
    func timeout() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/results.jsonl"
        // The run ends while abandoned workers are still verifying. Under AddressSanitizer the leak
        // check at exit can then report the values they are half-way through building (CI once saw
        // a Regex being parsed) and fail the run. Memory in use by a thread that is still running
        // is not a leak, so this one run checks no leaks; every other run in the suite does.
        let sanitizer = ProcessInfo.processInfo.environment["ASAN_OPTIONS"].map { $0 + ":" } ?? ""
        let run = try CLIRunner.run(["batch", folder + "/images", "--out", out, "--jobs", "2", "--timeout", "0.001", "--at", "2025-06-01"],
                                    environment: ["ASAN_OPTIONS": sanitizer + "detect_leaks=0"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Self.lines(out)
        #expect(lines.count == 6)
        let timeouts = lines.filter { $0["status"] as? String == "timeout" }
        #expect(!timeouts.isEmpty)
        for line in timeouts {
            #expect((line["error"] as? [String: Any])?["code"] as? String == "timeout")
            #expect(((line["input"] as? [String: Any])?["sha256"] as? String)?.count == 64)
        }
        let summary = try CLIRunner.run(["summarize", out])
        #expect(summary.standardOutput.contains("timeout"))
    }

    @Test("the same portrait on another holder's document is found across the batch")
    func portraitReused() throws {
        let folder = try Self.imageFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = folder + "/images"
        // Paste the 1st passport's photo zone (UTO-P-2020: x 0.04, y 0.17, 0.25 × 0.47 of the page) onto the 3rd's.
        let decoder = ImageDecoder(options: DecodingOptions(pixelFormat: .rgb))
        let donor = try decoder.decode(contentsOf: images + "/UTO-P-2020-000000-front.png").image
        var target = try decoder.decode(contentsOf: images + "/UTO-P-2020-000002-front.png").image
        #expect(donor.width == target.width && donor.height == target.height)
        let x0 = Int(0.04 * Double(donor.width)), y0 = Int(0.17 * Double(donor.height))
        for y in y0..<(y0 + Int(0.47 * Double(donor.height))) {
            for x in x0..<(x0 + Int(0.25 * Double(donor.width))) {
                if let colour = donor[x, y] { target.setPixel(x: x, y: y, to: colour) }
            }
        }
        try FileManager.default.removeItem(atPath: images + "/UTO-P-2020-000002-front.png")
        try ImageEncoder.write(try ImageEncoder.png(target), to: images + "/UTO-P-2020-000002-front.png")
        let out = folder + "/results.jsonl"
        let run = try CLIRunner.run(["batch", images, "--out", out, "--jobs", "2", "--at", "2025-06-01"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Self.lines(out)
        let flagged = lines.filter { VerifyCommandTests.codes($0)["list.portrait-reused"] != nil }
            .compactMap { (($0["input"] as? [String: Any])?["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
        #expect(flagged == ["UTO-P-2020-000002-front.png"])
        for line in lines {
            #expect(((line["batch"] as? [String: Any])?["portraitHash"] as? String)?.count == 64)
        }
    }
}
