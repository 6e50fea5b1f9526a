import CImageCodecs

/// Swift face of the libpng shim: `idc_png_read_header`, `idc_png_decode`, `idc_png_encode`.
enum PNGCodec {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, options: DecodingOptions) throws(ImageDecodingError) -> DecodedImage {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .empty }
        var cOptions = idc_png_options(
            gray: options.pixelFormat == .gray ? 1 : 0,
            max_pixels: UInt64(max(0, options.maxPixels)),
            max_chunk_bytes: 8 * 1024 * 1024)
        var info = idc_png_info()
        try check(idc_png_read_header(base, bytes.count, &cOptions, &info), info: info, stage: "header", options: options)
        var image = Image(width: Int(info.width), height: Int(info.height), format: options.pixelFormat, fill: 0)
        let stride = image.stride
        let status = image.withUnsafeMutableBytes { output in
            idc_png_decode(base, bytes.count, &cOptions, output.baseAddress, stride, output.count, &info)
        }
        try check(status, info: info, stage: "pixels", options: options)
        var resolution: DecodedImage.Resolution?
        if info.has_physical_size != 0, info.physical_unit == 1, info.x_pixels_per_unit > 0, info.y_pixels_per_unit > 0 {
            resolution = .init(horizontal: (Double(info.x_pixels_per_unit) * 0.0254 * 10).rounded() / 10,
                               vertical: (Double(info.y_pixels_per_unit) * 0.0254 * 10).rounded() / 10)
        }
        return DecodedImage(
            image: image, fileFormat: .png,
            storedWidth: Int(info.width), storedHeight: Int(info.height),
            storedColourModel: colourModel(info), bitDepth: Int(info.bit_depth),
            dotsPerInch: resolution, orientation: .up, orientationApplied: false,
            isProgressive: info.interlaced != 0, scans: nil,
            warnings: info.warning_count > 0 ? [message(info.first_warning)] : [],
            isTruncated: false)
    }

    private static func check(_ status: idc_status, info: idc_png_info, stage: String, options: DecodingOptions) throws(ImageDecodingError) {
        switch status {
        case IDC_OK: return
        case IDC_ERROR_PIXEL_LIMIT: throw .tooManyPixels(width: Int(info.width), height: Int(info.height), limit: options.maxPixels)
        case IDC_ERROR_OUT_OF_MEMORY: throw .outOfMemory(.png)
        default:
            let text = message(info.message)
            if text.contains("truncated") || text.contains("Not enough image data") {
                throw .truncated(.png, message: text)
            }
            throw .corrupt(.png, stage: stage, message: text)
        }
    }

    private static func colourModel(_ info: idc_png_info) -> String {
        switch info.color_type {
        case 0: "grey"
        case 2: "RGB"
        case 3: "palette"
        case 4: "grey+alpha"
        case 6: "RGBA"
        default: "unknown"
        }
    }

    static func encode(_ image: Image, dotsPerInch: Int?, compressionLevel: Int) throws(ImageEncodingError) -> [UInt8] {
        guard !image.isEmpty else { throw .emptyImage }
        var output: UnsafeMutablePointer<UInt8>?
        var size = 0
        var text = [CChar](repeating: 0, count: Int(IDC_MESSAGE_CAPACITY))
        let status = image.withUnsafeBytes { pixels in
            idc_png_encode(pixels.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels),
                           image.stride, UInt32(clamping: dotsPerInch ?? 0), Int32(compressionLevel),
                           &output, &size, &text)
        }
        guard status == IDC_OK, let output else {
            throw .codec(.png, message: String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { idc_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }
}
