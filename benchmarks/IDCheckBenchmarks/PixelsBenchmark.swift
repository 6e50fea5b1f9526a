import CReferenceDecode
import IDCheckImaging

/// The pixel operations every verification runs on whole pages — RGB to grey, box
/// downsampling (the aligner's grey and colour grids, the reader's pyramid) — against plain C
/// loops doing the same arithmetic in the same process. Each row checks first that both give
/// the same bytes. Goal: within 1.5× of the C loop. Also the projective warp that cuts zones
/// out of pages photographed at a slant.
enum PixelsBenchmark {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        let runs = max(1, Int(arguments.first ?? "") ?? 25)
        let page = syntheticScan(width: 2480, height: 3508, seed: 3)
        let grey = page.converted(to: .gray)
        print("pixel operations on an A4 page 2480x3508, \(runs) runs per row, median ms")
        print("operation                               idcheck  plain C  ratio")
        var failures: Int32 = 0

        let ours = Bench.median(runs: runs) { _ = page.converted(to: .gray) }
        var reference = [UInt8](repeating: 0, count: page.width * page.height)
        let plain = Bench.median(runs: runs) {
            page.withUnsafeBytes { rgb in
                reference.withUnsafeMutableBufferPointer { out in
                    reference_rgb_to_grey(rgb.baseAddress, page.width, page.height, out.baseAddress)
                }
            }
        }
        if grey.pixels != reference { print("RGB to grey: idcheck and C disagree"); failures += 1 }
        report("RGB to grey", ours, plain)

        for (image, name) in [(grey, "grey"), (page, "RGB")] {
            for factor in [2, 3, 4, 8] {
                let ours = Bench.median(runs: runs) { _ = image.downsampled(by: factor) }
                let channels = image.format.channels
                var reference = [UInt8](repeating: 0, count: (image.width / factor) * (image.height / factor) * channels)
                let plain = Bench.median(runs: runs) {
                    image.withUnsafeBytes { input in
                        reference.withUnsafeMutableBufferPointer { out in
                            reference_box_downsample(input.baseAddress, image.width, image.height, channels, factor,
                                                     out.baseAddress)
                        }
                    }
                }
                if image.downsampled(by: factor).pixels != reference { print("\(name) 1/\(factor): idcheck and C disagree"); failures += 1 }
                report("\(name) downsampled 1/\(factor)", ours, plain)
            }
        }
        // A zone cut from a page photographed at a slant: the projective warp of the aligner and
        // the visual zone, grey and RGB.
        let mapping = Homography([0.93, 0.05, 310, -0.04, 0.97, 420, 0.00002, -0.000015, 1])
        for (image, name) in [(grey, "grey"), (page, "RGB")] {
            let (outWidth, outHeight) = (1600, 1100)
            let ours = Bench.median(runs: runs) { _ = image.warped(width: outWidth, height: outHeight, mapping: mapping) }
            let channels = image.format.channels
            var reference = [UInt8](repeating: 0, count: outWidth * outHeight * channels)
            let plain = Bench.median(runs: runs) {
                image.withUnsafeBytes { input in
                    reference.withUnsafeMutableBufferPointer { out in
                        mapping.m.withUnsafeBufferPointer { m in
                            reference_homography_warp(input.baseAddress, image.width, image.height, channels, m.baseAddress,
                                                      out.baseAddress, outWidth, outHeight, 255)
                        }
                    }
                }
            }
            if image.warped(width: outWidth, height: outHeight, mapping: mapping).pixels != reference {
                print("\(name) warp: idcheck and C disagree"); failures += 1
            }
            report("\(name) warped 1600x1100 (homography)", ours, plain)
        }
        return failures == 0 ? 0 : 1
    }

    private static func report(_ name: String, _ ours: Double, _ plain: Double) {
        let label = name.padding(toLength: 38, withPad: " ", startingAt: 0)
        print("\(label)  \(Bench.pad(Bench.milliseconds(ours)))  \(Bench.pad(Bench.milliseconds(plain)))  \(String(format: "%5.2f", ours / plain))")
    }
}
