// PNG decoding and encoding over libpng 1.6. Every setjmp and every png_struct lives and dies
// inside one function call here.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "CImageCodecs.h"

/// Everything a libpng callback needs, including what must be freed after a longjmp.
typedef struct {
    const uint8_t *data;
    size_t size;
    size_t position;
    idc_status status;
    char *message;
    char *first_warning;
    int warning_count;
    // Scratch memory owned by the current call; freed on every exit path.
    uint8_t *scratch;
    png_bytep *rows;
    // Growable output of the encoder.
    uint8_t *encoded;
    size_t encoded_size;
    size_t encoded_capacity;
} idc_png_context;

static void idc_png_error(png_structp png, png_const_charp text) {
    idc_png_context *context = (idc_png_context *)png_get_error_ptr(png);
    if (context->message != NULL && context->status == IDC_OK) {
        snprintf(context->message, IDC_MESSAGE_CAPACITY, "%s", text);
    }
    if (context->status == IDC_OK) context->status = IDC_ERROR_CODEC;
    png_longjmp(png, 1);
}

static void idc_png_warning(png_structp png, png_const_charp text) {
    idc_png_context *context = (idc_png_context *)png_get_error_ptr(png);
    if (context->warning_count == 0 && context->first_warning != NULL) {
        snprintf(context->first_warning, IDC_MESSAGE_CAPACITY, "%s", text);
    }
    context->warning_count += 1;
}

static void idc_png_read_memory(png_structp png, png_bytep out, png_size_t length) {
    idc_png_context *context = (idc_png_context *)png_get_io_ptr(png);
    if (length > context->size - context->position) {
        png_error(png, "unexpected end of file: the PNG is truncated");
    }
    memcpy(out, context->data + context->position, length);
    context->position += length;
}

/// Reads the signature and the chunks up to the image data, applies limits and sets up the
/// transformations to 8-bit grey or RGB. Fails by longjmp.
static void idc_png_prepare(png_structp png, png_infop header, idc_png_context *context,
                            const idc_png_options *options, idc_png_info *info) {
    png_set_chunk_malloc_max(png, options->max_chunk_bytes);
    png_set_chunk_cache_max(png, 1000);
    png_read_info(png, header);
    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0, interlace = 0;
    png_get_IHDR(png, header, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    info->width = width;
    info->height = height;
    info->bit_depth = bit_depth;
    info->color_type = color_type;
    info->interlaced = interlace != PNG_INTERLACE_NONE;
    info->has_transparency = (color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, header, PNG_INFO_tRNS);
    png_uint_32 res_x = 0, res_y = 0;
    int unit = 0;
    if (png_get_pHYs(png, header, &res_x, &res_y, &unit)) {
        info->has_physical_size = 1;
        info->x_pixels_per_unit = res_x;
        info->y_pixels_per_unit = res_y;
        info->physical_unit = unit;
    }
    if ((uint64_t)width * (uint64_t)height > options->max_pixels) {
        context->status = IDC_ERROR_PIXEL_LIMIT;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "header declares %ux%u pixels",
                 (unsigned)width, (unsigned)height);
        png_longjmp(png, 1);
    }
    png_set_expand(png); // palette -> RGB, grey < 8 bits -> 8 bits, tRNS -> alpha
    if (bit_depth == 16) png_set_scale_16(png);
    int is_color = (color_type & PNG_COLOR_MASK_COLOR) != 0;
    if (options->gray && is_color) png_set_rgb_to_gray_fixed(png, 1, 29900, 58700); // BT.601, as JPEG's Y
    if (!options->gray && !is_color) png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, header);
    info->output_components = options->gray ? 1 : 3;
}

static void idc_png_release(png_structp *png, png_infop *header, idc_png_context *context) {
    png_destroy_read_struct(png, header, NULL);
    free(context->rows);
    free(context->scratch);
    context->rows = NULL;
    context->scratch = NULL;
}

/// The one place a PNG is read: up to the image data when `output` is NULL (header only), the
/// whole image into `output` otherwise.
static idc_status idc_png_read(const uint8_t *data, size_t size, const idc_png_options *options,
                               uint8_t *output, size_t stride, size_t output_size, idc_png_info *info) {
    memset(info, 0, sizeof(*info));
    idc_png_context context;
    memset(&context, 0, sizeof(context));
    context.data = data;
    context.size = size;
    context.message = info->message;
    context.first_warning = info->first_warning;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, idc_png_error, idc_png_warning);
    if (png == NULL) return IDC_ERROR_OUT_OF_MEMORY;
    png_infop header = png_create_info_struct(png);
    if (header == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        return IDC_ERROR_OUT_OF_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        idc_png_release(&png, &header, &context);
        info->warning_count = context.warning_count;
        return context.status == IDC_OK ? IDC_ERROR_CODEC : context.status;
    }
    png_set_read_fn(png, &context, idc_png_read_memory);
    idc_png_prepare(png, header, &context, options, info);
    if (output == NULL) {
        info->warning_count = context.warning_count;
        idc_png_release(&png, &header, &context);
        return IDC_OK;
    }

    size_t width = info->width, height = info->height;
    size_t components = (size_t)info->output_components;
    if (stride < width * components || output_size < stride * height) {
        context.status = IDC_ERROR_ARGUMENT;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "output buffer too small for %zux%zu", width, height);
        png_longjmp(png, 1);
    }
    size_t channels = png_get_channels(png, header);
    size_t row_bytes = png_get_rowbytes(png, header);
    int has_alpha = channels == components + 1;
    if (channels != components && !has_alpha) {
        context.status = IDC_ERROR_CODEC;
        snprintf(info->message, IDC_MESSAGE_CAPACITY, "unexpected channel count %zu after transforms", channels);
        png_longjmp(png, 1);
    }
    context.rows = (png_bytep *)malloc(height * sizeof(png_bytep));
    if (context.rows == NULL) {
        context.status = IDC_ERROR_OUT_OF_MEMORY;
        png_longjmp(png, 1);
    }
    if (has_alpha) {
        // Alpha is composited over white, as the document would look on a white scanner lid.
        context.scratch = (uint8_t *)malloc(height * row_bytes);
        if (context.scratch == NULL) {
            context.status = IDC_ERROR_OUT_OF_MEMORY;
            png_longjmp(png, 1);
        }
        for (size_t y = 0; y < height; y++) context.rows[y] = context.scratch + y * row_bytes;
    } else {
        for (size_t y = 0; y < height; y++) context.rows[y] = output + y * stride;
    }
    png_read_image(png, context.rows);
    png_read_end(png, NULL);
    if (has_alpha) {
        for (size_t y = 0; y < height; y++) {
            const uint8_t *source = context.rows[y];
            uint8_t *target = output + y * stride;
            for (size_t x = 0; x < width; x++) {
                unsigned alpha = source[x * channels + components];
                for (size_t c = 0; c < components; c++) {
                    unsigned value = source[x * channels + c];
                    target[x * components + c] = (uint8_t)((value * alpha + 255 * (255 - alpha) + 127) / 255);
                }
            }
        }
    }
    info->warning_count = context.warning_count;
    idc_png_release(&png, &header, &context);
    return IDC_OK;
}

idc_status idc_png_read_header(const uint8_t *data, size_t size, const idc_png_options *options,
                               idc_png_info *info) {
    if (data == NULL || options == NULL || info == NULL || size == 0) return IDC_ERROR_ARGUMENT;
    return idc_png_read(data, size, options, NULL, 0, 0, info);
}

idc_status idc_png_decode(const uint8_t *data, size_t size, const idc_png_options *options,
                          uint8_t *output, size_t stride, size_t output_size, idc_png_info *info) {
    if (data == NULL || options == NULL || info == NULL || output == NULL || size == 0) return IDC_ERROR_ARGUMENT;
    return idc_png_read(data, size, options, output, stride, output_size, info);
}

static void idc_png_write_memory(png_structp png, png_bytep data, png_size_t length) {
    idc_png_context *context = (idc_png_context *)png_get_io_ptr(png);
    if (length > context->encoded_capacity - context->encoded_size) {
        size_t capacity = context->encoded_capacity ? context->encoded_capacity : 65536;
        while (capacity - context->encoded_size < length) capacity *= 2;
        uint8_t *grown = (uint8_t *)realloc(context->encoded, capacity);
        if (grown == NULL) {
            context->status = IDC_ERROR_OUT_OF_MEMORY;
            png_error(png, "out of memory while encoding");
        }
        context->encoded = grown;
        context->encoded_capacity = capacity;
    }
    memcpy(context->encoded + context->encoded_size, data, length);
    context->encoded_size += length;
}

static void idc_png_flush(png_structp png) { (void)png; }

idc_status idc_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int components,
                          size_t stride, uint32_t dots_per_inch, int compression_level,
                          uint8_t **output, size_t *output_size, char *message) {
    if (pixels == NULL || output == NULL || output_size == NULL || width == 0 || height == 0 ||
        (components != 1 && components != 3) || stride < (size_t)width * (size_t)components) {
        return IDC_ERROR_ARGUMENT;
    }
    *output = NULL;
    *output_size = 0;
    idc_png_context context;
    memset(&context, 0, sizeof(context));
    context.message = message;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, idc_png_error, idc_png_warning);
    if (png == NULL) return IDC_ERROR_OUT_OF_MEMORY;
    png_infop header = png_create_info_struct(png);
    if (header == NULL) {
        png_destroy_write_struct(&png, NULL);
        return IDC_ERROR_OUT_OF_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &header);
        free(context.encoded);
        return context.status == IDC_OK ? IDC_ERROR_CODEC : context.status;
    }
    png_set_write_fn(png, &context, idc_png_write_memory, idc_png_flush);
    png_set_compression_level(png, compression_level < 0 ? 6 : (compression_level > 9 ? 9 : compression_level));
    png_set_IHDR(png, header, width, height, 8, components == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (dots_per_inch > 0) {
        png_uint_32 per_metre = (png_uint_32)((double)dots_per_inch / 0.0254 + 0.5);
        png_set_pHYs(png, header, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
    png_write_info(png, header);
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)y * stride));
    }
    png_write_end(png, header);
    png_destroy_write_struct(&png, &header);
    *output = context.encoded;
    *output_size = context.encoded_size;
    return IDC_OK;
}
