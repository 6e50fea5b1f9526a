import CImageCodecs

/// Swift face of the libjpeg shim: `idc_jpeg_read_header`, `idc_jpeg_decode`, `idc_jpeg_encode`.
enum JPEGCodec {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, options: DecodingOptions) throws(ImageDecodingError) -> DecodedImage {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .empty }
        var cOptions = idc_jpeg_options(
            gray: options.pixelFormat == .gray ? 1 : 0,
            scale_denominator: Int32(options.scale.denominator),
            fast_transform: options.inverseTransform == .fast ? 1 : 0,
            max_pixels: UInt64(max(0, options.maxPixels)),
            max_scans: Int32(clamping: options.maxProgressiveScans),
            max_memory: Int(clamping: min(Int64(Int.max), Int64(max(options.maxPixels, 1)) * 16)))
        var info = idc_jpeg_info()
        let headerStatus = idc_jpeg_read_header(base, bytes.count, &cOptions, &info)
        try check(headerStatus, info: info, stage: "header", options: options)

        let format = options.pixelFormat
        let width = Int(info.output_width), height = Int(info.output_height)
        // libjpeg writes every row (a truncated file's missing rows too, as flat grey), and on an
        // error the image is dropped: no need to fill it first.
        let stride = width * format.channels
        var status = IDC_ERROR_ARGUMENT
        let image = Image.writingEverySample(width: width, height: height, format: format) { output in
            status = idc_jpeg_decode(base, bytes.count, &cOptions, output.baseAddress, stride, output.count, &info)
        }
        try check(status, info: info, stage: "pixels", options: options)
        let warnings = info.warning_count > 0 ? [message(info.first_warning)] : []
        if info.truncated != 0 && !options.acceptsTruncated {
            throw .truncated(.jpeg, message: message(info.first_warning))
        }
        return DecodedImage(
            image: image, fileFormat: .jpeg,
            storedWidth: Int(info.image_width), storedHeight: Int(info.image_height),
            storedColourModel: colourModel(info), bitDepth: 8,
            dotsPerInch: resolution(info), orientation: .up, orientationApplied: false,
            isProgressive: info.progressive != 0, scans: Int(info.scans),
            warnings: warnings + (info.warning_count > 1 ? ["\(info.warning_count - 1) more warnings"] : []),
            isTruncated: info.truncated != 0)
    }

    private static func check(_ status: idc_status, info: idc_jpeg_info, stage: String, options: DecodingOptions) throws(ImageDecodingError) {
        switch status {
        case IDC_OK: return
        case IDC_ERROR_PIXEL_LIMIT:
            throw .tooManyPixels(width: Int(info.image_width), height: Int(info.image_height), limit: options.maxPixels)
        case IDC_ERROR_SCAN_LIMIT: throw .tooManyScans(limit: options.maxProgressiveScans)
        case IDC_ERROR_OUT_OF_MEMORY: throw .outOfMemory(.jpeg)
        default:
            if info.truncated != 0 { throw .truncated(.jpeg, message: message(info.message)) }
            throw .corrupt(.jpeg, stage: stage, message: message(info.message))
        }
    }

    private static func colourModel(_ info: idc_jpeg_info) -> String {
        switch info.jpeg_color_space {
        case 1: "grey"
        case 2: "RGB"
        case 3: "YCbCr"
        case 4: "CMYK"
        case 5: "YCCK"
        default: "unknown (\(info.num_components) components)"
        }
    }

    private static func resolution(_ info: idc_jpeg_info) -> DecodedImage.Resolution? {
        guard info.x_density > 0, info.y_density > 0 else { return nil }
        switch info.density_unit {
        case 1: return .init(horizontal: Double(info.x_density), vertical: Double(info.y_density))
        case 2: return .init(horizontal: Double(info.x_density) * 2.54, vertical: Double(info.y_density) * 2.54)
        default: return nil // aspect ratio only
        }
    }

    static func encode(_ image: Image, quality: Int, progressive: Bool, dotsPerInch: Int?) throws(ImageEncodingError) -> [UInt8] {
        guard !image.isEmpty else { throw .emptyImage }
        var output: UnsafeMutablePointer<UInt8>?
        var size = 0
        var text = [CChar](repeating: 0, count: Int(IDC_MESSAGE_CAPACITY))
        let status = image.withUnsafeBytes { pixels in
            idc_jpeg_encode(pixels.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels),
                            image.stride, Int32(quality), progressive ? 1 : 0, UInt32(clamping: dotsPerInch ?? 0),
                            &output, &size, &text)
        }
        guard status == IDC_OK, let output else {
            throw .codec(.jpeg, message: String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { idc_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }
}

/// A fixed-size C character array (a tuple in Swift) as a String.
func message<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
