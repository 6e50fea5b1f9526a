import CReferenceDecode
import Foundation
import IDCheckImaging
import IDCheckMRZ
import IDCheckReader

/// Decode time of scanned pages at every DCT scale, grey and RGB, against two references in the
/// same run: a plain libjpeg decode in C in the same process (what the Swift layer may cost), and
/// `djpeg` decoding the same file as a process. Goal: full-scale decode within 1.1× of djpeg.
enum DecodeBenchmark {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        let runs = max(1, Int(arguments.first ?? "") ?? 15)
        let djpeg = "/usr/bin/djpeg"
        guard FileManager.default.isExecutableFile(atPath: djpeg) else {
            print("djpeg not found: apt-get install libjpeg-turbo-progs")
            return 2
        }
        let folder = NSTemporaryDirectory() + "idcheck-bench-decode"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pages = [("passport page 1800x1250", 1800, 1250), ("A4 page 2480x3508", 2480, 3508)]
        // Process start-up is part of every djpeg figure; measure it so the reader can subtract it.
        let spawn = Bench.median(runs: runs) { Bench.run("/bin/true", []) }
        print("decode benchmark, \(runs) runs per cell, median ms; djpeg runs as a process (start-up /bin/true: \(Bench.milliseconds(spawn)) ms)")
        print("image                     colour scale   idcheck  plain C    djpeg   vs C  vs djpeg")
        for (name, width, height) in pages {
            let path = "\(folder)/\(width)x\(height)-q90.jpg"
            do {
                let bytes = try ImageEncoder.jpeg(syntheticScan(width: width, height: height, seed: 1), quality: 90, dotsPerInch: 300)
                try ImageEncoder.write(bytes, to: path)
                for format in [Image.PixelFormat.gray, .rgb] {
                    for scale in DecodingOptions.Scale.allCases {
                        var options = DecodingOptions(pixelFormat: format, scale: scale)
                        options.appliesOrientation = false
                        let decoder = ImageDecoder(options: options)
                        let ours = try Bench.median(runs: runs) { _ = try decoder.decode(bytes) }
                        var args = ["-outfile", "/dev/null", "-scale", "1/\(scale.denominator)"]
                        if format == .gray { args.append("-grayscale") }
                        args.append(path)
                        let theirs = Bench.median(runs: runs) { Bench.run(djpeg, args) }
                        let capacity = (width / scale.denominator + 1) * (height / scale.denominator + 1) * format.channels
                        var buffer = [UInt8](repeating: 0, count: capacity)
                        let plain = Bench.median(runs: runs) {
                            _ = bytes.withUnsafeBufferPointer { data in
                                buffer.withUnsafeMutableBufferPointer { out in
                                    reference_jpeg_decode(data.baseAddress, data.count, format == .gray ? 1 : 0,
                                                          Int32(scale.denominator), out.baseAddress, out.count)
                                }
                            }
                        }
                        let label = name.padding(toLength: 25, withPad: " ", startingAt: 0)
                        let colour = (format == .gray ? "grey" : "RGB").padding(toLength: 6, withPad: " ", startingAt: 0)
                        print("\(label) \(colour) 1/\(scale.denominator)   \(Bench.pad(Bench.milliseconds(ours)))  \(Bench.pad(Bench.milliseconds(plain)))  \(Bench.pad(Bench.milliseconds(theirs)))  \(String(format: "%5.2f", ours / plain))  \(String(format: "%5.2f", ours / theirs))")
                    }
                }
            } catch {
                print("\(name): \(error)")
                return 1
            }
        }
        return 0
    }
}
