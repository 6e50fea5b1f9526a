#include "CReferenceDecode.h"

#include <stdlib.h>
#include <string.h>

void reference_rgb_to_grey(const uint8_t *rgb, size_t width, size_t height, uint8_t *grey) {
    size_t count = width * height;
    for (size_t i = 0; i < count; i++) {
        const uint8_t *p = rgb + 3 * i;
        grey[i] = (uint8_t)((77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8);
    }
}

void reference_box_downsample(const uint8_t *input, size_t width, size_t height, size_t channels, size_t factor,
                              uint8_t *output) {
    size_t out_width = width / factor, out_height = height / factor, area = factor * factor;
    size_t column_count = out_width * factor * channels;
    if (out_width == 0 || out_height == 0) return;
    uint32_t *columns = malloc(column_count * sizeof *columns);
    if (!columns) return;
    for (size_t oy = 0; oy < out_height; oy++) {
        memset(columns, 0, column_count * sizeof *columns);
        for (size_t dy = 0; dy < factor; dy++) {
            const uint8_t *row = input + (oy * factor + dy) * width * channels;
            for (size_t i = 0; i < column_count; i++) columns[i] += row[i];
        }
        uint8_t *out = output + oy * out_width * channels;
        for (size_t ox = 0; ox < out_width; ox++)
            for (size_t c = 0; c < channels; c++) {
                uint32_t sum = 0;
                for (size_t dx = 0; dx < factor; dx++) sum += columns[(ox * factor + dx) * channels + c];
                out[ox * channels + c] = (uint8_t)((sum + area / 2) / area);
            }
    }
    free(columns);
}
