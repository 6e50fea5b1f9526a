// Plain C, the way any C program would write it: the references IDCheck is measured against in
// the same process (benchmarks only) — a libjpeg decode, and the pixel loops every verification
// runs on whole pages (grey conversion, box downsampling).
#ifndef CREFERENCEDECODE_H
#define CREFERENCEDECODE_H
#include <stddef.h>
#include <stdint.h>

/// Decodes `data` to grey (gray = 1) or RGB at 1/scale_denominator into `output`, which must
/// hold width × height × components bytes of the scaled image. Returns 0 on success.
int reference_jpeg_decode(const uint8_t *data, size_t size, int gray, int scale_denominator,
                          uint8_t *output, size_t output_size);
/// RGB (3 bytes a pixel, rows width × 3 apart) to grey with the BT.601 weights 77/150/29 of 256,
/// rounded: the same values as IDCheck's conversion.
void reference_rgb_to_grey(const uint8_t *rgb, size_t width, size_t height, uint8_t *grey);

/// Mean of every factor × factor block (rounded half up) of an image of `channels` samples a
/// pixel, each band of rows summed down the columns first; the output is (width / factor) ×
/// (height / factor) pixels.
void reference_box_downsample(const uint8_t *input, size_t width, size_t height, size_t channels, size_t factor,
                              uint8_t *output);

/// A `out_width` × `out_height` image sampled bilinearly through the homography `m` (row-major,
/// output pixel centre to source position, pixel-centre convention), positions outside the
/// source taking `fill`, rounded half up: the arithmetic of IDCheck's projective warp.
void reference_homography_warp(const uint8_t *input, size_t width, size_t height, size_t channels, const double m[9],
                               uint8_t *output, size_t out_width, size_t out_height, uint8_t fill);
#endif
