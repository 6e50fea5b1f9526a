#include "CReferenceDecode.h"

#include <math.h>
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

void reference_homography_warp(const uint8_t *input, size_t width, size_t height, size_t channels, const double m[9],
                               uint8_t *output, size_t out_width, size_t out_height, uint8_t fill) {
    double max_x = (double)(width - 1), max_y = (double)(height - 1);
    memset(output, fill, out_width * out_height * channels);
    for (size_t y = 0; y < out_height; y++) {
        double oy = (double)y + 0.5;
        uint8_t *row = output + y * out_width * channels;
        for (size_t x = 0; x < out_width; x++) {
            double ox = (double)x + 0.5;
            double z = m[6] * ox + m[7] * oy + m[8];
            if (fabs(z) <= 1e-12) continue;
            double px = (m[0] * ox + m[1] * oy + m[2]) / z - 0.5, py = (m[3] * ox + m[4] * oy + m[5]) / z - 0.5;
            if (!(px >= 0 && py >= 0 && px <= max_x && py <= max_y)) continue;
            size_t x0 = (size_t)px, y0 = (size_t)py;
            size_t x1 = x0 + 1 < width ? x0 + 1 : width - 1, y1 = y0 + 1 < height ? y0 + 1 : height - 1;
            double fx = px - (double)x0, fy = py - (double)y0;
            const uint8_t *upper = input + y0 * width * channels, *lower = input + y1 * width * channels;
            for (size_t c = 0; c < channels; c++) {
                double a = upper[x0 * channels + c], b = upper[x1 * channels + c];
                double d = lower[x0 * channels + c], e = lower[x1 * channels + c];
                double top = a + (b - a) * fx, bottom = d + (e - d) * fx;
                row[x * channels + c] = (uint8_t)(long)(top + (bottom - top) * fy + 0.5);
            }
        }
    }
}
