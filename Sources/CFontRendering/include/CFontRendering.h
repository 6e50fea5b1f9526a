// CFontRendering: the only place where IDCheck touches FreeType.
//
// Swift sees an opaque face handle and plain structs; no FreeType type crosses this header, so
// the Swift side needs no FreeType headers and FreeType's own types never leak into the API.
// A face is not thread-safe (FreeType's rule): callers serialise every call on one face.
#ifndef IDCHECK_CFONTRENDERING_H
#define IDCHECK_CFONTRENDERING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status of a font call. Anything but IDC_FONT_OK leaves a message where the call allows one.
typedef enum {
    IDC_FONT_OK = 0,
    /// The file could not be opened (missing, unreadable).
    IDC_FONT_ERROR_OPEN = 1,
    /// The file is not a font FreeType understands.
    IDC_FONT_ERROR_FORMAT = 2,
    /// FreeType failed in another way (library init, size, glyph load, render): see message.
    IDC_FONT_ERROR_FREETYPE = 3,
    /// The caller passed an inconsistent buffer or argument.
    IDC_FONT_ERROR_ARGUMENT = 4,
    IDC_FONT_ERROR_OUT_OF_MEMORY = 5
} idc_font_status;

enum { IDC_FONT_MESSAGE_CAPACITY = 200 };

/// A loaded face with its own FreeType library instance (so faces never share mutable state).
typedef struct idc_font idc_font;

typedef struct {
    /// Family and style names as the font declares them (truncated to fit).
    char family[96];
    char style[64];
    /// Units per em of the outlines and number of glyphs (0 for bitmap-only faces).
    int32_t units_per_em;
    int32_t glyph_count;
    int has_kerning;
    char message[IDC_FONT_MESSAGE_CAPACITY];
} idc_font_info;

/// Opens face `face_index` of the font file at `path`. On success `*font` must be closed with
/// idc_font_close. FT_Init_FreeType + FT_New_Face.
idc_font_status idc_font_open(const char *path, long face_index, idc_font **font, idc_font_info *info);

/// Frees the face and its library. Accepts NULL.
void idc_font_close(idc_font *font);

typedef struct {
    /// Ascender and descender (negative below the baseline) and line height, in 1/64 pixel.
    int32_t ascender;
    int32_t descender;
    int32_t line_height;
} idc_font_size_metrics;

/// Sets the em size in 1/64 pixel (FT_Set_Char_Size at 72 dpi, so points are pixels).
idc_font_status idc_font_set_size(idc_font *font, int32_t em_size_26_6, idc_font_size_metrics *metrics);

typedef struct {
    /// Bitmap size in pixels; 0 × 0 for blank glyphs such as the space.
    int32_t width, height;
    /// From the pen position to the bitmap's left column, and from the baseline up to its top row.
    int32_t left, top;
    /// Horizontal advance in 1/64 pixel.
    int32_t advance_26_6;
    /// FreeType's glyph index; 0 when the font has no glyph for the code point (.notdef drawn).
    uint32_t glyph_index;
} idc_glyph_metrics;

/// Loads and renders the glyph for `code_point` at the current size as 8-bit coverage
/// (FT_Load_Char with FT_LOAD_RENDER, anti-aliased). The bitmap stays in the face's slot until
/// the next call: copy it with idc_font_copy_bitmap. `message` may be NULL.
idc_font_status idc_font_render_glyph(idc_font *font, uint32_t code_point, idc_glyph_metrics *metrics,
                                      char *message, size_t message_capacity);

/// Copies the last rendered bitmap into `output` (height rows of `width` bytes, tightly packed).
idc_font_status idc_font_copy_bitmap(idc_font *font, uint8_t *output, size_t output_size);

/// Kerning between two code points at the current size, in 1/64 pixel (0 without kerning data).
int32_t idc_font_kerning(idc_font *font, uint32_t left_code_point, uint32_t right_code_point);

#ifdef __cplusplus
}
#endif

#endif
