// FreeType behind a handful of plain functions; see include/CFontRendering.h.
#include "CFontRendering.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct idc_font {
    FT_Library library;
    FT_Face face;
};

static void copy_text(char *destination, size_t capacity, const char *source) {
    if (destination == NULL || capacity == 0) return;
    if (source == NULL) source = "";
    snprintf(destination, capacity, "%s", source);
}

static void describe(char *destination, size_t capacity, const char *what, FT_Error error) {
    if (destination == NULL || capacity == 0) return;
    const char *text = FT_Error_String(error);
    if (text != NULL) {
        snprintf(destination, capacity, "%s: %s (FreeType error %d)", what, text, (int)error);
    } else {
        snprintf(destination, capacity, "%s: FreeType error %d", what, (int)error);
    }
}

idc_font_status idc_font_open(const char *path, long face_index, idc_font **font, idc_font_info *info) {
    if (path == NULL || font == NULL || info == NULL) return IDC_FONT_ERROR_ARGUMENT;
    memset(info, 0, sizeof *info);
    *font = NULL;
    // Check readability first so that a missing file is told apart from a file that is not a font.
    FILE *probe = fopen(path, "rb");
    if (probe == NULL) {
        copy_text(info->message, sizeof info->message, "cannot open the file");
        return IDC_FONT_ERROR_OPEN;
    }
    fclose(probe);

    idc_font *result = calloc(1, sizeof *result);
    if (result == NULL) return IDC_FONT_ERROR_OUT_OF_MEMORY;
    FT_Error error = FT_Init_FreeType(&result->library);
    if (error) {
        describe(info->message, sizeof info->message, "FT_Init_FreeType", error);
        free(result);
        return IDC_FONT_ERROR_FREETYPE;
    }
    error = FT_New_Face(result->library, path, face_index, &result->face);
    if (error) {
        describe(info->message, sizeof info->message, "FT_New_Face", error);
        FT_Done_FreeType(result->library);
        free(result);
        return error == FT_Err_Cannot_Open_Resource ? IDC_FONT_ERROR_OPEN : IDC_FONT_ERROR_FORMAT;
    }
    // Unicode lookups need a Unicode charmap; a font without one is no use to us.
    if (FT_Select_Charmap(result->face, FT_ENCODING_UNICODE) != 0) {
        copy_text(info->message, sizeof info->message, "the font has no Unicode character map");
        FT_Done_Face(result->face);
        FT_Done_FreeType(result->library);
        free(result);
        return IDC_FONT_ERROR_FORMAT;
    }
    copy_text(info->family, sizeof info->family, result->face->family_name);
    copy_text(info->style, sizeof info->style, result->face->style_name);
    info->units_per_em = (int32_t)result->face->units_per_EM;
    info->glyph_count = (int32_t)result->face->num_glyphs;
    info->has_kerning = FT_HAS_KERNING(result->face) ? 1 : 0;
    *font = result;
    return IDC_FONT_OK;
}

void idc_font_close(idc_font *font) {
    if (font == NULL) return;
    if (font->face != NULL) FT_Done_Face(font->face);
    if (font->library != NULL) FT_Done_FreeType(font->library);
    free(font);
}

idc_font_status idc_font_set_size(idc_font *font, int32_t em_size_26_6, idc_font_size_metrics *metrics) {
    if (font == NULL || em_size_26_6 <= 0) return IDC_FONT_ERROR_ARGUMENT;
    FT_Error error = FT_Set_Char_Size(font->face, 0, em_size_26_6, 72, 72);
    if (error) return IDC_FONT_ERROR_FREETYPE;
    if (metrics != NULL) {
        FT_Size_Metrics *size = &font->face->size->metrics;
        metrics->ascender = (int32_t)size->ascender;
        metrics->descender = (int32_t)size->descender;
        metrics->line_height = (int32_t)size->height;
    }
    return IDC_FONT_OK;
}

idc_font_status idc_font_render_glyph(idc_font *font, uint32_t code_point, idc_glyph_metrics *metrics,
                                      char *message, size_t message_capacity) {
    if (font == NULL || metrics == NULL) return IDC_FONT_ERROR_ARGUMENT;
    memset(metrics, 0, sizeof *metrics);
    FT_UInt index = FT_Get_Char_Index(font->face, code_point);
    FT_Error error = FT_Load_Glyph(font->face, index, FT_LOAD_DEFAULT);
    if (error) {
        describe(message, message_capacity, "FT_Load_Glyph", error);
        return IDC_FONT_ERROR_FREETYPE;
    }
    FT_GlyphSlot slot = font->face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_BITMAP) {
        error = FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL);
        if (error) {
            describe(message, message_capacity, "FT_Render_Glyph", error);
            return IDC_FONT_ERROR_FREETYPE;
        }
    }
    if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY && slot->bitmap.rows > 0 && slot->bitmap.width > 0) {
        copy_text(message, message_capacity, "the glyph did not render to 8-bit coverage");
        return IDC_FONT_ERROR_FREETYPE;
    }
    metrics->width = (int32_t)slot->bitmap.width;
    metrics->height = (int32_t)slot->bitmap.rows;
    metrics->left = (int32_t)slot->bitmap_left;
    metrics->top = (int32_t)slot->bitmap_top;
    metrics->advance_26_6 = (int32_t)slot->advance.x;
    metrics->glyph_index = (uint32_t)index;
    return IDC_FONT_OK;
}

idc_font_status idc_font_copy_bitmap(idc_font *font, uint8_t *output, size_t output_size) {
    if (font == NULL) return IDC_FONT_ERROR_ARGUMENT;
    FT_Bitmap *bitmap = &font->face->glyph->bitmap;
    size_t width = bitmap->width, rows = bitmap->rows;
    if (width == 0 || rows == 0) return IDC_FONT_OK;
    if (output == NULL || output_size < width * rows) return IDC_FONT_ERROR_ARGUMENT;
    // FreeType's pitch may be padded or negative (bottom-up); copy row by row into tight rows.
    for (size_t row = 0; row < rows; row++) {
        const unsigned char *source = bitmap->pitch >= 0
            ? bitmap->buffer + row * (size_t)bitmap->pitch
            : bitmap->buffer + (rows - 1 - row) * (size_t)(-bitmap->pitch);
        memcpy(output + row * width, source, width);
    }
    return IDC_FONT_OK;
}

int32_t idc_font_kerning(idc_font *font, uint32_t left_code_point, uint32_t right_code_point) {
    if (font == NULL || !FT_HAS_KERNING(font->face)) return 0;
    FT_UInt left = FT_Get_Char_Index(font->face, left_code_point);
    FT_UInt right = FT_Get_Char_Index(font->face, right_code_point);
    if (left == 0 || right == 0) return 0;
    FT_Vector delta;
    if (FT_Get_Kerning(font->face, left, right, FT_KERNING_DEFAULT, &delta) != 0) return 0;
    return (int32_t)delta.x;
}
