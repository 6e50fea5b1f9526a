// A plain libjpeg decode, the way any C program would write it: the reference the IDCheck
// decoder is measured against in the same process (benchmarks only).
#ifndef CREFERENCEDECODE_H
#define CREFERENCEDECODE_H
#include <stddef.h>
#include <stdint.h>

/// Decodes `data` to grey (gray = 1) or RGB at 1/scale_denominator into `output`, which must
/// hold width × height × components bytes of the scaled image. Returns 0 on success.
int reference_jpeg_decode(const uint8_t *data, size_t size, int gray, int scale_denominator,
                          uint8_t *output, size_t output_size);
#endif
