// JPEG decoding and encoding over libjpeg(-turbo). Every setjmp and every libjpeg object lives
// and dies inside one function call here.
#include <setjmp.h>
#include <stdio.h> // jpeglib.h needs FILE and size_t first
#include <stdlib.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>

#include "CImageCodecs.h"

/// libjpeg error manager that jumps back into the calling shim function instead of exit().
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    idc_status status; // what to report when we land at setjmp
    char *message;     // where to write the fatal message
    int warning_count;
    int truncated;
    char *first_warning;
} idc_jpeg_error;

/// Progress monitor used as the scan counter that stops progressive-JPEG scan floods.
typedef struct {
    struct jpeg_progress_mgr base;
    int max_scans;
} idc_jpeg_progress;

static void idc_jpeg_error_exit(j_common_ptr cinfo) {
    idc_jpeg_error *error = (idc_jpeg_error *)cinfo->err;
    if (error->message != NULL) (*cinfo->err->format_message)(cinfo, error->message);
    if (error->status == IDC_OK) {
        error->status = (cinfo->err->msg_code == JERR_OUT_OF_MEMORY) ? IDC_ERROR_OUT_OF_MEMORY : IDC_ERROR_CODEC;
    }
    longjmp(error->jump, 1);
}

/// Counts warnings instead of printing them: a truncated file "succeeds" with warnings, and
/// the Swift layer must see that rather than a silently grey-filled image.
static void idc_jpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return; // trace messages
    idc_jpeg_error *error = (idc_jpeg_error *)cinfo->err;
    if (error->warning_count == 0 && error->first_warning != NULL) {
        (*cinfo->err->format_message)(cinfo, error->first_warning);
    }
    error->warning_count += 1;
    cinfo->err->num_warnings += 1;
    if (cinfo->err->msg_code == JWRN_JPEG_EOF) error->truncated = 1;
}

static void idc_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void idc_jpeg_progress_monitor(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    j_decompress_ptr dinfo = (j_decompress_ptr)cinfo;
    idc_jpeg_progress *progress = (idc_jpeg_progress *)cinfo->progress;
    if (dinfo->input_scan_number > progress->max_scans) {
        idc_jpeg_error *error = (idc_jpeg_error *)cinfo->err;
        error->status = IDC_ERROR_SCAN_LIMIT;
        if (error->message != NULL) {
            snprintf(error->message, IDC_MESSAGE_CAPACITY,
                     "progressive JPEG has more than %d scans", progress->max_scans);
        }
        longjmp(error->jump, 1);
    }
}

static void idc_jpeg_install_error(idc_jpeg_error *error, idc_jpeg_info *info) {
    memset(error, 0, sizeof(*error));
    jpeg_std_error(&error->base);
    error->base.error_exit = idc_jpeg_error_exit;
    error->base.emit_message = idc_jpeg_emit_message;
    error->base.output_message = idc_jpeg_output_message;
    error->status = IDC_OK;
    error->message = info->message;
    error->first_warning = info->first_warning;
}

/// Reads the header, applies the pixel limit and sets the output parameters. Must be called
/// after setjmp; fails by longjmp.
static void idc_jpeg_prepare(j_decompress_ptr cinfo, const idc_jpeg_options *options, idc_jpeg_info *info) {
    idc_jpeg_error *error = (idc_jpeg_error *)cinfo->err;
    jpeg_read_header(cinfo, TRUE);
    info->image_width = cinfo->image_width;
    info->image_height = cinfo->image_height;
    info->jpeg_color_space = (int)cinfo->jpeg_color_space;
    info->num_components = cinfo->num_components;
    info->progressive = cinfo->progressive_mode ? 1 : 0;
    info->density_unit = cinfo->density_unit;
    info->x_density = cinfo->X_density;
    info->y_density = cinfo->Y_density;
    info->saw_adobe_marker = cinfo->saw_Adobe_marker ? 1 : 0;
    uint64_t pixels = (uint64_t)cinfo->image_width * (uint64_t)cinfo->image_height;
    if (pixels > options->max_pixels) {
        error->status = IDC_ERROR_PIXEL_LIMIT;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "header declares %ux%u pixels",
                 (unsigned)cinfo->image_width, (unsigned)cinfo->image_height);
        longjmp(error->jump, 1);
    }
    int cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
    if (cmyk) {
        cinfo->out_color_space = JCS_CMYK; // converted to RGB/grey by hand below
    } else {
        cinfo->out_color_space = options->gray ? JCS_GRAYSCALE : JCS_RGB;
    }
    int denominator = options->scale_denominator;
    if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) denominator = 1;
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned)denominator;
    cinfo->dct_method = options->fast_transform ? JDCT_IFAST : JDCT_ISLOW;
    jpeg_calc_output_dimensions(cinfo);
    info->output_width = cinfo->output_width;
    info->output_height = cinfo->output_height;
    info->output_components = options->gray ? 1 : 3;
}

/// Converts one row of CMYK samples to RGB or grey. Adobe-marked files store inverted CMYK
/// (Photoshop's convention), so 255 means "no ink" there.
static void idc_cmyk_row(const JSAMPLE *cmyk, uint8_t *out, JDIMENSION width, int gray, int inverted) {
    for (JDIMENSION x = 0; x < width; x++) {
        unsigned c = cmyk[4 * x], m = cmyk[4 * x + 1], y = cmyk[4 * x + 2], k = cmyk[4 * x + 3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        unsigned r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (y * k + 127) / 255;
        if (gray) {
            out[x] = (uint8_t)((77 * r + 150 * g + 29 * b + 128) >> 8);
        } else {
            out[3 * x] = (uint8_t)r;
            out[3 * x + 1] = (uint8_t)g;
            out[3 * x + 2] = (uint8_t)b;
        }
    }
}

/// The one place a JPEG is read: the header and output geometry only when `output` is NULL, the
/// whole image into `output` otherwise.
static idc_status idc_jpeg_read(const uint8_t *data, size_t size, const idc_jpeg_options *options,
                                uint8_t *output, size_t stride, size_t output_size, idc_jpeg_info *info) {
    memset(info, 0, sizeof(*info));
    struct jpeg_decompress_struct cinfo;
    idc_jpeg_error error;
    idc_jpeg_progress progress;
    idc_jpeg_install_error(&error, info);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        info->scans = cinfo.input_scan_number;
        jpeg_destroy_decompress(&cinfo);
        info->warning_count = error.warning_count;
        info->truncated = error.truncated;
        return error.status == IDC_OK ? IDC_ERROR_CODEC : error.status;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = options->max_memory;
    memset(&progress, 0, sizeof(progress));
    progress.base.progress_monitor = idc_jpeg_progress_monitor;
    progress.max_scans = options->max_scans > 0 ? options->max_scans : 1;
    cinfo.progress = &progress.base;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    idc_jpeg_prepare(&cinfo, options, info);
    if (output == NULL) {
        info->warning_count = error.warning_count;
        info->truncated = error.truncated;
        jpeg_destroy_decompress(&cinfo);
        return IDC_OK;
    }

    size_t row_bytes = (size_t)info->output_width * (size_t)info->output_components;
    if (stride < row_bytes || output_size < stride * (size_t)info->output_height) {
        error.status = IDC_ERROR_ARGUMENT;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "output buffer too small for %ux%u",
                 (unsigned)info->output_width, (unsigned)info->output_height);
        longjmp(error.jump, 1);
    }

    jpeg_start_decompress(&cinfo);
    if (cinfo.output_width != info->output_width || cinfo.output_height != info->output_height) {
        error.status = IDC_ERROR_CODEC;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "output size changed during decoding");
        longjmp(error.jump, 1);
    }
    int cmyk = cinfo.out_color_space == JCS_CMYK;
    JSAMPARRAY cmyk_row = NULL;
    if (cmyk) {
        // Pool memory: released by jpeg_destroy_decompress on every path, longjmp included.
        cmyk_row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, cinfo.output_width * 4, 1);
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        uint8_t *row = output + (size_t)cinfo.output_scanline * stride;
        if (cmyk) {
            jpeg_read_scanlines(&cinfo, cmyk_row, 1);
            idc_cmyk_row(cmyk_row[0], row, cinfo.output_width, options->gray, cinfo.saw_Adobe_marker);
        } else {
            JSAMPROW rows[1] = {row};
            jpeg_read_scanlines(&cinfo, rows, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    info->scans = cinfo.input_scan_number;
    info->warning_count = error.warning_count;
    info->truncated = error.truncated;
    jpeg_destroy_decompress(&cinfo);
    return IDC_OK;
}

idc_status idc_jpeg_read_header(const uint8_t *data, size_t size, const idc_jpeg_options *options,
                                idc_jpeg_info *info) {
    if (data == NULL || options == NULL || info == NULL || size == 0) return IDC_ERROR_ARGUMENT;
    return idc_jpeg_read(data, size, options, NULL, 0, 0, info);
}

idc_status idc_jpeg_decode(const uint8_t *data, size_t size, const idc_jpeg_options *options,
                           uint8_t *output, size_t stride, size_t output_size, idc_jpeg_info *info) {
    if (data == NULL || options == NULL || info == NULL || output == NULL || size == 0) return IDC_ERROR_ARGUMENT;
    return idc_jpeg_read(data, size, options, output, stride, output_size, info);
}

idc_status idc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int components,
                           size_t stride, int quality, int progressive, uint32_t dots_per_inch,
                           uint8_t **output, size_t *output_size, char *message) {
    if (pixels == NULL || output == NULL || output_size == NULL || width == 0 || height == 0 ||
        (components != 1 && components != 3) || stride < (size_t)width * (size_t)components) {
        return IDC_ERROR_ARGUMENT;
    }
    *output = NULL;
    *output_size = 0;
    struct jpeg_compress_struct cinfo;
    idc_jpeg_error error;
    memset(&error, 0, sizeof(error));
    jpeg_std_error(&error.base);
    error.base.error_exit = idc_jpeg_error_exit;
    error.base.emit_message = idc_jpeg_emit_message;
    error.base.output_message = idc_jpeg_output_message;
    error.message = message;
    // libjpeg owns and grows this buffer; it is only handed to the caller on success.
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return error.status == IDC_OK ? IDC_ERROR_CODEC : error.status;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_size);
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = components;
    cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality < 1 ? 1 : (quality > 100 ? 100 : quality), TRUE);
    if (progressive) jpeg_simple_progression(&cinfo);
    if (dots_per_inch > 0 && dots_per_inch <= 65535) {
        cinfo.density_unit = 1;
        cinfo.X_density = (UINT16)dots_per_inch;
        cinfo.Y_density = (UINT16)dots_per_inch;
    }
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = {(JSAMPROW)(pixels + (size_t)cinfo.next_scanline * stride)};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *output = buffer;
    *output_size = buffer_size;
    return IDC_OK;
}

void idc_free(void *pointer) { free(pointer); }
