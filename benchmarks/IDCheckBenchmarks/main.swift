// idcheck-bench: the project's benchmarks. Each prints its figures as ratios against a reference
// measured in the same run (see benchmarks/README.md). Run: swift run -c release idcheck-bench NAME
#if canImport(Glibc)
import Glibc
#endif

let benchmarks: [String: (ArraySlice<String>) -> Int32] = [
    "decode": DecodeBenchmark.run,
    "read": ReadBenchmark.run,
    "mrz-parse": MRZParseBenchmark.run,
    "pixels": PixelsBenchmark.run,
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: idcheck-bench NAME [OPTIONS]\nbenchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))")
    exit(64)
}
exit(benchmark(arguments.dropFirst()))
