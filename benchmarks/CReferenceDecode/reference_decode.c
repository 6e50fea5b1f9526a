#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include "CReferenceDecode.h"

struct reference_error { struct jpeg_error_mgr base; jmp_buf jump; };

static void reference_error_exit(j_common_ptr cinfo) {
    longjmp(((struct reference_error *)cinfo->err)->jump, 1);
}

int reference_jpeg_decode(const uint8_t *data, size_t size, int gray, int scale_denominator,
                          uint8_t *output, size_t output_size) {
    struct jpeg_decompress_struct cinfo;
    struct reference_error error;
    cinfo.err = jpeg_std_error(&error.base);
    error.base.error_exit = reference_error_exit;
    if (setjmp(error.jump)) { jpeg_destroy_decompress(&cinfo); return 1; }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = gray ? JCS_GRAYSCALE : JCS_RGB;
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned)scale_denominator;
    jpeg_start_decompress(&cinfo);
    size_t row = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    if (row * cinfo.output_height > output_size) { jpeg_destroy_decompress(&cinfo); return 2; }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = {output + (size_t)cinfo.output_scanline * row};
        jpeg_read_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return 0;
}
