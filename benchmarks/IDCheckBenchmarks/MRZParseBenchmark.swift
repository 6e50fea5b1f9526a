import Foundation
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// `idcheck-bench mrz-parse [--seconds S] [--reference-us US]`: full TD3 parse and check
/// throughput on one core — every field located, every check digit computed, dates decoded and
/// validated, country codes looked up; field strings are materialised only on demand.
///
/// benchmarks/mrz-parse.sh measures the PyPI `mrz` package on the same zone in the same run and
/// passes its time per parse as `--reference-us`, so that the ratio is printed beside the figures.
enum MRZParseBenchmark {
    static let zone = Array("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10".utf8)

    static func run(_ args: ArraySlice<String>) -> Int32 {
        var seconds = 2.0
        var referenceMicroseconds: Double?
        var iterator = args.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--seconds": seconds = iterator.next().flatMap(Double.init) ?? seconds
            case "--reference-us": referenceMicroseconds = iterator.next().flatMap(Double.init)
            default:
                print("usage: idcheck-bench mrz-parse [--seconds S] [--reference-us MICROSECONDS]")
                return 64
            }
        }
        let options = MRZ.ParsingOptions(referenceDate: MRZ.CalendarDate(year: 2010, month: 1, day: 1)!)
        // The work must be real: every parse's verdict and dates feed a checksum that is printed.
        func batch(_ count: Int) -> Int {
            var checksum = 0
            for _ in 0..<count {
                guard let parsed = try? MRZ.parse(utf8: zone, options: options) else { return -1 }
                checksum &+= (parsed.isValid ? 1 : 0) &+ (parsed.birthDate?.year ?? 0) &+ parsed.checks.count
            }
            return checksum
        }
        guard batch(1) > 0, (try? MRZ.parse(utf8: zone, options: options))?.isValid == true else {
            print("mrz-parse: the benchmark zone does not parse as valid")
            return 1
        }
        // Rounds of 100,000 parses until the time is up; the median round is reported.
        var rounds: [Double] = []
        var checksum = 0
        let roundSize = 100_000
        let start = Bench.now()
        while Bench.now() - start < seconds || rounds.count < 5 {
            let roundStart = Bench.now()
            checksum &+= batch(roundSize)
            rounds.append(Bench.now() - roundStart)
        }
        rounds.sort()
        let perParse = rounds[rounds.count / 2] / Double(roundSize)
        print("mrz-parse: TD3 parse + check, one core, \(rounds.count) rounds of \(roundSize) (checksum \(checksum))")
        print(String(format: "  IDCheckMRZ     %8.3f µs/parse  %12.0f parses/s", perParse * 1e6, 1 / perParse))
        if let referenceMicroseconds {
            print(String(format: "  PyPI mrz       %8.3f µs/parse  %12.0f parses/s", referenceMicroseconds, 1e6 / referenceMicroseconds))
            print(String(format: "  ratio          %8.0f× faster than PyPI mrz", referenceMicroseconds / (perParse * 1e6)))
        }
        print(String(format: "  goal ≥ 1,000,000 parses/s: %@", 1 / perParse >= 1_000_000 ? "met" : "NOT met"))
        return 0
    }
}
