// CImageCodecs: the only place where IDCheck touches libjpeg and libpng.
//
// libjpeg and libpng report fatal errors by longjmp. Swift cannot call setjmp, and a longjmp
// across Swift frames corrupts reference counts, so every decode and encode runs start to finish
// inside one C function here. Swift sees plain structs, a status code and a message.
#ifndef IDCHECK_CIMAGECODECS_H
#define IDCHECK_CIMAGECODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status of a codec call. Anything but IDC_OK leaves a message in the info struct.
typedef enum {
    IDC_OK = 0,
    /// The library rejected the data (corrupt, truncated, unsupported variant): see message.
    IDC_ERROR_CODEC = 1,
    /// The header declares more pixels than the caller allows.
    IDC_ERROR_PIXEL_LIMIT = 2,
    /// A progressive JPEG has more scans than the caller allows.
    IDC_ERROR_SCAN_LIMIT = 3,
    /// An allocation failed.
    IDC_ERROR_OUT_OF_MEMORY = 4,
    /// The caller passed an inconsistent buffer or option.
    IDC_ERROR_ARGUMENT = 5
} idc_status;

enum { IDC_MESSAGE_CAPACITY = 200 };

// MARK: JPEG decoding

typedef struct {
    /// 1 decodes to one grey channel, 0 to RGB.
    int gray;
    /// DCT-domain scaling: 1, 2, 4 or 8 (output is 1/scale_denominator of the image).
    int scale_denominator;
    /// 1 uses libjpeg's fast integer inverse DCT (JDCT_IFAST), 0 its accurate one (JDCT_ISLOW).
    int fast_transform;
    /// Refuse images whose header declares more than this many pixels.
    uint64_t max_pixels;
    /// Refuse progressive JPEGs with more scans than this.
    int max_scans;
    /// libjpeg's max_memory_to_use, in bytes.
    long max_memory;
} idc_jpeg_options;

typedef struct {
    /// Size declared in the frame header (SOF).
    uint32_t image_width, image_height;
    /// Size of the decoded output after scaling.
    uint32_t output_width, output_height;
    int output_components;
    /// Colour space of the file: libjpeg's J_COLOR_SPACE (1 grey, 2 RGB, 3 YCbCr, 4 CMYK, 5 YCCK).
    int jpeg_color_space;
    int num_components;
    int progressive;
    /// Scans read (known after a full decode).
    int scans;
    /// JFIF density: unit 0 = aspect ratio only, 1 = dots per inch, 2 = dots per cm.
    int density_unit;
    uint32_t x_density, y_density;
    int saw_adobe_marker;
    /// Warnings libjpeg emitted; the first one's text is in first_warning.
    int warning_count;
    /// Set when libjpeg ran out of data ("Premature end of JPEG file").
    int truncated;
    char first_warning[IDC_MESSAGE_CAPACITY];
    char message[IDC_MESSAGE_CAPACITY];
} idc_jpeg_info;

/// Reads the header and computes the output size for `options` without decoding pixels.
idc_status idc_jpeg_read_header(const uint8_t *data, size_t size, const idc_jpeg_options *options,
                                idc_jpeg_info *info);

/// Decodes into `output` (output_height rows of `stride` bytes). Call idc_jpeg_read_header first
/// to size the buffer; CMYK and YCCK files are converted to RGB or grey here.
idc_status idc_jpeg_decode(const uint8_t *data, size_t size, const idc_jpeg_options *options,
                           uint8_t *output, size_t stride, size_t output_size, idc_jpeg_info *info);

// MARK: JPEG encoding

/// Encodes 8-bit grey (components 1) or RGB (components 3) pixels. On success *output is a
/// malloc'd buffer the caller frees with idc_free.
idc_status idc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int components,
                           size_t stride, int quality, int progressive, uint32_t dots_per_inch,
                           uint8_t **output, size_t *output_size, char *message);

// MARK: PNG decoding

typedef struct {
    /// 1 decodes to one grey channel, 0 to RGB. Alpha is composited over white.
    int gray;
    uint64_t max_pixels;
    /// Largest ancillary chunk libpng will allocate for (text, ICC profile, ...).
    size_t max_chunk_bytes;
} idc_png_options;

typedef struct {
    uint32_t width, height;
    int bit_depth;
    /// PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
    int color_type;
    int interlaced;
    int has_transparency;
    int output_components;
    /// pHYs chunk: unit 1 means pixels per metre.
    int has_physical_size;
    uint32_t x_pixels_per_unit, y_pixels_per_unit;
    int physical_unit;
    int warning_count;
    char first_warning[IDC_MESSAGE_CAPACITY];
    char message[IDC_MESSAGE_CAPACITY];
} idc_png_info;

idc_status idc_png_read_header(const uint8_t *data, size_t size, const idc_png_options *options,
                               idc_png_info *info);

idc_status idc_png_decode(const uint8_t *data, size_t size, const idc_png_options *options,
                          uint8_t *output, size_t stride, size_t output_size, idc_png_info *info);

// MARK: PNG encoding

idc_status idc_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int components,
                          size_t stride, uint32_t dots_per_inch, int compression_level,
                          uint8_t **output, size_t *output_size, char *message);

/// Frees a buffer returned by an encoder.
void idc_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
