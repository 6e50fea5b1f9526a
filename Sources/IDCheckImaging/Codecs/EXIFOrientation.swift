/// The EXIF orientation tag (0x0112): how the stored pixels must be turned to stand upright.
///
/// Phone photos are usually stored in the sensor's orientation with this tag saying how to
/// display them; a document photographed sideways must be turned before its MRZ is looked for.
public enum EXIFOrientation: Int, Sendable, Codable, CaseIterable {
    case up = 1
    case upMirrored = 2
    case down = 3
    case downMirrored = 4
    case leftMirrored = 5
    /// Stored turned 90° anticlockwise; shown after a 90° clockwise turn.
    case right = 6
    case rightMirrored = 7
    /// Stored turned 90° clockwise; shown after a 90° anticlockwise turn.
    case left = 8

    /// Whether turning upright swaps width and height.
    public var swapsDimensions: Bool { rawValue >= 5 }

    /// Plain words for reports.
    public var summary: String {
        switch self {
        case .up: "upright"
        case .upMirrored: "mirrored"
        case .down: "upside down"
        case .downMirrored: "upside down, mirrored"
        case .leftMirrored: "transposed"
        case .right: "turned 90° (shown after a clockwise turn)"
        case .rightMirrored: "transversed"
        case .left: "turned 90° (shown after an anticlockwise turn)"
        }
    }
}

/// Finds the EXIF orientation in a file's metadata: APP1 "Exif" segments of a JPEG, the eXIf
/// chunk of a PNG. Every read is bounds-checked: metadata comes from outside.
enum EXIFMetadata {
    static func orientation(in bytes: UnsafeBufferPointer<UInt8>, format: ImageFileFormat) -> EXIFOrientation? {
        switch format {
        case .jpeg: jpegOrientation(bytes)
        case .png: pngOrientation(bytes)
        default: nil
        }
    }

    /// Walks the JPEG marker segments up to the first scan.
    private static func jpegOrientation(_ bytes: UnsafeBufferPointer<UInt8>) -> EXIFOrientation? {
        var position = 2 // after SOI
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            let marker = bytes[position + 1]
            if marker == 0xFF { position += 1; continue } // fill byte
            if marker == 0xDA || marker == 0xD9 { return nil } // start of scan, end of image
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { position += 2; continue }
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            guard length >= 2, position + 2 + length <= bytes.count else { return nil }
            let payload = UnsafeBufferPointer(rebasing: bytes[(position + 4)..<(position + 2 + length)])
            if marker == 0xE1, payload.count > 6, Array(payload[0..<6]) == [0x45, 0x78, 0x69, 0x66, 0, 0] {
                if let found = tiffOrientation(UnsafeBufferPointer(rebasing: payload[6...])) { return found }
            }
            position += 2 + length
        }
        return nil
    }

    /// Walks the PNG chunks up to the image data.
    private static func pngOrientation(_ bytes: UnsafeBufferPointer<UInt8>) -> EXIFOrientation? {
        var position = 8
        while position + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, position, bigEndian: true))
            let type = Array(bytes[(position + 4)..<(position + 8)])
            guard length >= 0, position + 12 + length <= bytes.count else { return nil }
            if type == Array("IDAT".utf8) { return nil }
            if type == Array("eXIf".utf8) {
                return tiffOrientation(UnsafeBufferPointer(rebasing: bytes[(position + 8)..<(position + 8 + length)]))
            }
            position += 12 + length
        }
        return nil
    }

    /// Reads tag 0x0112 from IFD0 of a TIFF structure.
    static func tiffOrientation(_ tiff: UnsafeBufferPointer<UInt8>) -> EXIFOrientation? {
        guard tiff.count >= 8 else { return nil }
        let bigEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x4D, 0x4D): bigEndian = true
        case (0x49, 0x49): bigEndian = false
        default: return nil
        }
        guard readUInt16(tiff, 2, bigEndian: bigEndian) == 42 else { return nil }
        let ifd = Int(readUInt32(tiff, 4, bigEndian: bigEndian))
        guard ifd >= 8, ifd + 2 <= tiff.count else { return nil }
        let entries = Int(readUInt16(tiff, ifd, bigEndian: bigEndian))
        for index in 0..<entries {
            let entry = ifd + 2 + index * 12
            guard entry + 12 <= tiff.count else { return nil }
            guard readUInt16(tiff, entry, bigEndian: bigEndian) == 0x0112 else { continue }
            let type = readUInt16(tiff, entry + 2, bigEndian: bigEndian)
            guard type == 3 else { return nil } // SHORT
            return EXIFOrientation(rawValue: Int(readUInt16(tiff, entry + 8, bigEndian: bigEndian)))
        }
        return nil
    }

    private static func readUInt16(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, bigEndian: Bool) -> UInt16 {
        let a = UInt16(bytes[offset]), b = UInt16(bytes[offset + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    private static func readUInt32(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, bigEndian: Bool) -> UInt32 {
        let values = (0..<4).map { UInt32(bytes[offset + $0]) }
        return bigEndian
            ? values[0] << 24 | values[1] << 16 | values[2] << 8 | values[3]
            : values[3] << 24 | values[2] << 16 | values[1] << 8 | values[0]
    }
}
