#!/usr/bin/env python3
"""Regenerates the small image fixtures of IDCheckImagingTests.

Run from this folder:  python3 make-fixtures.py
Needs Pillow (pip install pillow). The fixtures are
committed so that the tests need neither. Each image is made of four flat quadrants whose colours
the tests check after decoding:
  top-left (200, 30, 30)   top-right (30, 180, 60)
  bottom-left (40, 60, 200) bottom-right (250, 250, 250)
"""
import os, struct, zlib
from PIL import Image

W, H = 64, 48
QUADRANTS = [(200, 30, 30), (30, 180, 60), (40, 60, 200), (250, 250, 250)]
GREYS = [0, 85, 170, 255]

def quadrants(mode, colours):
    image = Image.new(mode, (W, H))
    for index, colour in enumerate(colours):
        x, y = (index % 2) * W // 2, (index // 2) * H // 2
        image.paste(colour, (x, y, x + W // 2, y + H // 2))
    return image

rgb = quadrants("RGB", QUADRANTS)
grey = quadrants("L", GREYS)

rgb.save("rgb.jpg", quality=95, subsampling=0, dpi=(300, 300))
grey.save("gray.jpg", quality=95)
rgb.save("progressive.jpg", quality=95, subsampling=0, progressive=True)
rgb.convert("CMYK").save("cmyk.jpg", quality=95)  # Pillow writes an Adobe APP14 marker (inverted CMYK)

rgb.save("rgb.png", dpi=(300, 300))
grey.save("gray.png")
rgb.convert("P", palette=Image.ADAPTIVE, colors=4).save("palette.png")
rgba = rgb.convert("RGBA")
rgba.paste((0, 0, 0, 0), (W // 2, H // 2, W, H))          # bottom-right fully transparent
rgba.paste((0, 0, 0, 128), (0, H // 2, W // 2, H))        # bottom-left: half-transparent black
rgba.save("rgba.png")

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def write_png(path, width, height, bit_depth, colour_type, rows):
    raw = b"".join(b"\x00" + row for row in rows)
    data = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0))
    data += png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b"")
    open(path, "wb").write(data)

# 16-bit RGB: each 8-bit quadrant value v stored as v * 257 (so scaling back gives v exactly).
rows16 = []
for y in range(H):
    row = b""
    for x in range(W):
        r, g, b = rgb.getpixel((x, y))
        row += struct.pack(">HHH", r * 257, g * 257, b * 257)
    rows16.append(row)
write_png("rgb16.png", W, H, 16, 2, rows16)

# 1-bit grey: left half black, right half white.
rows1 = [bytes([0x00] * (W // 16) + [0xFF] * (W // 16)) for _ in range(H)]
write_png("gray1.png", W, H, 1, 0, rows1)

# EXIF orientations: the upright picture is 40x24 with a red block in its top-left corner.
upright = Image.new("RGB", (40, 24), (250, 250, 250))
upright.paste((200, 30, 30), (0, 0, 12, 8))
stored_by_orientation = {
    1: upright,
    2: upright.transpose(Image.FLIP_LEFT_RIGHT),
    3: upright.transpose(Image.ROTATE_180),
    4: upright.transpose(Image.FLIP_TOP_BOTTOM),
    5: upright.transpose(Image.TRANSPOSE),
    6: upright.transpose(Image.ROTATE_90),    # shown after a clockwise turn
    7: upright.transpose(Image.TRANSVERSE),
    8: upright.transpose(Image.ROTATE_270),   # shown after an anticlockwise turn
}
for orientation, stored in stored_by_orientation.items():
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(f"orientation-{orientation}.jpg", quality=95, subsampling=0, exif=exif.tobytes())

# A progressive JPEG with 5,000 scans: the last scan of a normal progressive file repeated.
# libjpeg only warns about such a sequence and keeps decoding, so a decoder must refuse it under a
# scan limit (a decompression-time attack that a few kilobytes can mount).
def split_scans(data):
    """Returns (everything before the first SOS, [each SOS segment with its entropy data], tail)."""
    position, scans, head = 2, [], None
    while position < len(data):
        marker = data[position + 1]
        if marker == 0xD9:
            return head, scans, data[position:]
        length = (data[position + 2] << 8) | data[position + 3]
        end = position + 2 + length
        if marker == 0xDA:
            if head is None:
                head = data[:position]
            while not (data[end] == 0xFF and data[end + 1] not in (0x00,) and not 0xD0 <= data[end + 1] <= 0xD7):
                end += 1
            scans.append(data[position:end])
        elif head is not None:
            scans.append(data[position:end])  # tables between scans (DHT)
        position = end
    raise ValueError("no EOI")

grey.save("progressive-gray.jpg", quality=90, progressive=True)
head, scans, tail = split_scans(open("progressive-gray.jpg", "rb").read())
open("many-scans.jpg", "wb").write(head + b"".join(scans) + scans[-1] * 5000 + tail)
os.remove("progressive-gray.jpg")
