#!/usr/bin/env python3
"""Regenerates the hostile-file corpus Fixtures/hostile/ and its manifest.json.

Run from this folder:  python3 make-hostile.py
Standard library only. The files are derived from the committed fixtures (rgb.jpg, rgb.png,
palette.png, progressive.jpg) and from hand-built JPEG and PNG structures, and are committed so
that the tests need nothing. HostileFileTests decodes each one and checks the outcome the
manifest names:

  an error code   ImageDecodingError.code must be one of the listed codes
  "flagged"       decodes, but with a decoder warning or marked truncated
  "image"         decodes cleanly
  "any"           (bit flips) an image or any typed error: it must only come back

`options` in an entry overrides DecodingOptions for that file (maxPixels, maxProgressiveScans).
Sizes stay small: anything that needs megabytes to be hostile (huge metadata, decompression
bombs) is compressible, or declares its size without carrying it.
"""
import json, os, random, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "hostile")
entries = []


def fixture(name):
    return open(os.path.join(HERE, name), "rb").read()


def emit(name, data, expect, why, options=None):
    open(os.path.join(OUT, name), "wb").write(data)
    entry = {"file": name, "expect": expect, "why": why}
    if options:
        entry["options"] = options
    entries.append(entry)


# MARK: PNG building blocks

def chunk(kind, data, crc=None):
    value = zlib.crc32(kind + data) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", value)


def ihdr(width, height, depth=8, colour=0, interlace=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace))


SIGNATURE = b"\x89PNG\r\n\x1a\n"
IEND = chunk(b"IEND", b"")


def grey_png(width, height, extra=b"", extra_after=b"", level=9):
    raw = b"".join(b"\x00" + bytes([(x * 7 + y * 3) & 0xFF for x in range(width)]) for y in range(height))
    return SIGNATURE + ihdr(width, height) + extra + chunk(b"IDAT", zlib.compress(raw, level)) + extra_after + IEND


def chunks(data):
    """(offset, kind, payload) of every chunk after the signature."""
    position, found = 8, []
    while position + 12 <= len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        found.append((position, data[position + 4:position + 8], data[position + 8:position + 8 + length]))
        position += 12 + length
    return found


# MARK: JPEG building blocks

def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def markers(data):
    """(offset, marker, segment length) of every marker segment before the first scan's data."""
    position, found = 2, []
    while position + 4 <= len(data):
        assert data[position] == 0xFF
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        found.append((position, marker, length))
        if marker == 0xDA:
            break
        position += 2 + length
    return found


def without(data, marker):
    out = bytearray(data)
    for offset, found, length in reversed(markers(data)):
        if found == marker:
            del out[offset:offset + 2 + length]
    return bytes(out)


def with_sof_size(data, width, height):
    out = bytearray(data)
    for offset, marker, _ in markers(data):
        if marker in (0xC0, 0xC1, 0xC2):
            out[offset + 5:offset + 9] = struct.pack(">HH", height, width)
    return bytes(out)


def dc_only_progressive(scans):
    """An 8×8 grey progressive JPEG whose only scan, a DC first scan, is repeated `scans` times.

    One Huffman code of length 1 (symbol 0: DC difference 0), so each scan's data is one byte."""
    dqt = segment(0xDB, b"\x00" + bytes([1] * 64))
    sof2 = segment(0xC2, struct.pack(">BHHB", 8, 8, 8, 1) + b"\x01\x11\x00")
    dht = segment(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
    sos = segment(0xDA, b"\x01" + b"\x01\x00" + b"\x00\x00\x00")
    return b"\xFF\xD8" + dqt + sof2 + dht + (sos + b"\x7F") * scans + b"\xFF\xD9"


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    rgb_jpg, progressive_jpg = fixture("rgb.jpg"), fixture("progressive.jpg")
    rgb_png, palette_png = fixture("rgb.png"), fixture("palette.png")

    emit("zero-size.jpg", b"", ["empty-file"], "no bytes at all")
    emit("jpeg-soi-only.jpg", b"\xFF\xD8\xFF", ["truncated", "corrupt"], "a JPEG signature and nothing else")
    emit("png-signature-only.png", SIGNATURE, ["truncated", "corrupt"], "a PNG signature and nothing else")

    # Truncations at many offsets (inside headers, tables and entropy-coded data).
    for base, name, format_error in ((rgb_jpg, "rgb-jpg", "truncated"), (progressive_jpg, "progressive-jpg", "truncated"),
                                     (rgb_png, "rgb-png", "truncated"), (palette_png, "palette-png", "truncated")):
        magic = 3 if base[:2] == b"\xFF\xD8" else 8
        for cut in sorted({1, magic - 1, magic, magic + 5, 20, 40, 70, 100, len(base) // 3, len(base) // 2,
                           len(base) * 3 // 4, len(base) - 10, len(base) - 2, len(base) - 1}):
            if not 0 < cut < len(base):
                continue
            expect = ["unrecognised-format"] if cut < magic else [format_error, "corrupt"]
            emit(f"truncated-{name}-{cut:04d}.{name[-3:]}", base[:cut], expect, f"cut after {cut} of {len(base)} bytes")

    # Bit flips: any outcome but a crash.
    generator = random.Random(9303)
    for base, name in ((rgb_jpg, "rgb-jpg"), (progressive_jpg, "progressive-jpg"), (rgb_png, "rgb-png"), (palette_png, "palette-png")):
        for number in range(12):
            data = bytearray(base)
            for _ in range(1 + number % 4):
                data[generator.randrange(len(data))] ^= 1 << generator.randrange(8)
            emit(f"bitflip-{name}-{number:02d}.{name[-3:]}", bytes(data), ["any"], "1–4 random bit flips")

    # Header bombs: the pixel limit refuses them before anything is allocated.
    emit("jpeg-sof-65500x65500.jpg", with_sof_size(rgb_jpg, 65500, 65500), ["too-many-pixels"], "SOF claims 65500×65500")
    emit("jpeg-sof-progressive-65500x65500.jpg", with_sof_size(progressive_jpg, 65500, 65500), ["too-many-pixels"],
         "SOF2 claims 65500×65500")
    emit("jpeg-sof-zero-width.jpg", with_sof_size(rgb_jpg, 0, 48), ["corrupt"], "SOF claims width 0")
    png = SIGNATURE + ihdr(100000, 100000) + b"".join(chunk(k, d) for _, k, d in chunks(rgb_png)[1:])
    emit("png-ihdr-100000x100000.png", png, ["too-many-pixels"], "IHDR (valid CRC) claims 100000×100000")
    png = SIGNATURE + ihdr(20000, 20000, interlace=1) + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + IEND
    emit("png-ihdr-interlaced-20000x20000.png", png, ["too-many-pixels"], "interlaced IHDR (valid CRC) claims 20000×20000")
    png = SIGNATURE + ihdr(0x7FFFFFFF, 1) + IEND
    emit("png-ihdr-width-2^31.png", png, ["corrupt"], "IHDR width beyond libpng's own limits")
    png = SIGNATURE + ihdr(0, 16) + IEND
    emit("png-ihdr-zero-width.png", png, ["corrupt"], "IHDR width 0")
    png = SIGNATURE + ihdr(16, 16, depth=3) + IEND
    emit("png-ihdr-bit-depth-3.png", png, ["corrupt"], "IHDR with an invalid bit depth")
    png = bytearray(rgb_png)
    png[29] ^= 0xFF
    emit("png-ihdr-bad-crc.png", bytes(png), ["corrupt"], "IHDR CRC wrong")

    # A decompression ratio that explodes, but under the limit of the test: 6000×6000 1-bit grey
    # is ~4.5 MB of zlib input for 36 megapixels of output, compressed to a few kB. The limit
    # (set to 16 megapixels for this file) must refuse it from the header alone.
    row = b"\x00" + b"\x00" * 750
    idat = zlib.compress(row * 6000, 9)
    png = SIGNATURE + ihdr(6000, 6000, depth=1) + chunk(b"IDAT", idat) + IEND
    emit("png-ratio-bomb-6000x6000.png", png, ["too-many-pixels"], f"{len(png)} bytes declaring 36 megapixels",
         options={"maxPixels": 16_000_000})
    # The same ratio under the limit decodes (the limit, not luck, is what stops the one above).
    png = SIGNATURE + ihdr(2000, 2000, depth=1) + chunk(b"IDAT", zlib.compress((b"\x00" + b"\xAA" * 250) * 2000, 9)) + IEND
    emit("png-ratio-2000x2000.png", png, ["image"], "4 megapixels from a small file, under the limit",
         options={"maxPixels": 16_000_000})

    # Enormous metadata.
    # (HostileFileTests also builds a 9 MB tEXt chunk and 13 MB of APPn segments in memory.)
    text = chunk(b"tEXt", b"Comment\x00" + b"A" * 40000)
    emit("png-big-text.png", grey_png(16, 16, extra=text), ["image", "flagged"], "a 40 kB tEXt chunk")
    bomb = zlib.compress(b"\x00" * (16 << 20), 9)
    emit("png-ztxt-bomb.png", grey_png(16, 16, extra=chunk(b"zTXt", b"Comment\x00\x00" + bomb)), ["flagged", "image"],
         f"zTXt of {len(bomb)} bytes inflating to 16 MB (the 8 MB chunk limit stops it)")
    emit("png-iccp-bomb.png", grey_png(16, 16, extra=chunk(b"iCCP", b"icc\x00\x00" + bomb)), ["flagged", "image"],
         "iCCP profile inflating to 16 MB")
    emit("png-text-length-2^31-1.png", grey_png(16, 16)[:33] + struct.pack(">I", 0x7FFFFFFF) + b"tEXtComment\x00",
         ["truncated", "corrupt"], "a tEXt chunk declaring 2 GB in a small file")
    many = b"".join(chunk(b"tEXt", b"k\x00" + str(index).encode()) for index in range(3000))
    emit("png-3000-text-chunks.png", grey_png(16, 16, extra=many), ["flagged", "image"], "3000 tEXt chunks (cache limit 1000)")
    app = b"".join(segment(0xE0 + index % 16, b"X" * 10) for index in range(1500))
    emit("jpeg-1500-app-segments.jpg", rgb_jpg[:2] + app + rgb_jpg[2:], ["image", "flagged"], "1500 APPn segments before the frame")
    exif = b"Exif\x00\x00" + b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 0xFFFF) + b"\x01\x12\x00\x03" * 4
    emit("jpeg-exif-entry-count-65535.jpg", rgb_jpg[:2] + segment(0xE1, exif) + rgb_jpg[2:], ["image"],
         "EXIF IFD claiming 65535 entries in 22 bytes")
    exif = b"Exif\x00\x00" + b"II\x2a\x00" + struct.pack("<I", 0xFFFFFFF0)
    emit("jpeg-exif-ifd-offset-beyond.jpg", rgb_jpg[:2] + segment(0xE1, exif) + rgb_jpg[2:], ["image"],
         "EXIF IFD offset far beyond the segment")
    exif = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x09\x00\x00"
    emit("png-exif-orientation-9.png", grey_png(16, 16, extra=chunk(b"eXIf", exif)), ["image"], "eXIf orientation 9 (no such value)")
    emit("jpeg-app-length-beyond-file.jpg", rgb_jpg[:2] + b"\xFF\xE1\xFF\xFF" + b"Exif\x00\x00MM", ["truncated", "corrupt"],
         "APP1 declaring 64 kB in a 14-byte file")

    # PNG chunks out of order.
    parts = chunks(rgb_png)
    by_kind = {kind: rgb_png[offset:offset + 12 + len(data)] for offset, kind, data in parts}
    png = SIGNATURE + by_kind[b"IDAT"] + by_kind[b"IHDR"] + by_kind[b"IEND"]
    emit("png-idat-before-ihdr.png", png, ["corrupt"], "IDAT before IHDR")
    parts = chunks(palette_png)
    pieces = {kind: palette_png[offset:offset + 12 + len(data)] for offset, kind, data in parts}
    rest = b"".join(palette_png[offset:offset + 12 + len(data)] for offset, kind, data in parts
                    if kind not in (b"IHDR", b"PLTE", b"IDAT", b"IEND"))
    emit("png-plte-after-idat.png", SIGNATURE + pieces[b"IHDR"] + rest + pieces[b"IDAT"] + pieces[b"PLTE"] + pieces[b"IEND"],
         ["corrupt"], "palette image whose PLTE comes after IDAT")
    emit("png-two-ihdr.png", SIGNATURE + pieces[b"IHDR"] + pieces[b"IHDR"] + pieces[b"PLTE"] + pieces[b"IDAT"] + pieces[b"IEND"],
         ["corrupt"], "IHDR twice")
    emit("png-no-idat.png", SIGNATURE + pieces[b"IHDR"] + pieces[b"PLTE"] + pieces[b"IEND"], ["corrupt", "truncated"],
         "no image data at all")

    # JPEG structure.
    emit("jpeg-no-sof.jpg", without(rgb_jpg, 0xC0), ["corrupt"], "no frame header")
    emit("jpeg-no-sos.jpg", rgb_jpg[:markers(rgb_jpg)[-1][0]] + b"\xFF\xD9", ["corrupt", "truncated"], "frame header but no scan")
    emit("jpeg-no-dqt.jpg", without(rgb_jpg, 0xDB), ["corrupt"], "no quantisation tables")
    data = bytearray(rgb_jpg)
    offset = next(o for o, m, _ in markers(rgb_jpg) if m == 0xC4)
    data[offset + 5:offset + 21] = bytes([0xFF] * 16)  # code counts summing far past 256
    emit("jpeg-bad-huffman-counts.jpg", bytes(data), ["corrupt"], "Huffman table whose code counts overflow")
    data = bytearray(rgb_jpg)
    data[offset + 4] = 0x07  # table class 0, index 7
    emit("jpeg-bad-huffman-index.jpg", bytes(data), ["corrupt"], "Huffman table index out of range")
    data = bytearray(rgb_jpg)
    sof = next(o for o, m, _ in markers(rgb_jpg) if m == 0xC0)
    data[sof + 4] = 12  # 12-bit precision in a baseline frame
    emit("jpeg-12-bit-baseline.jpg", bytes(data), ["corrupt"], "baseline frame claiming 12-bit samples")
    data = bytearray(rgb_jpg)
    data[sof + 9] = 0  # zero components
    emit("jpeg-zero-components.jpg", bytes(data), ["corrupt"], "frame with no components")
    emit("jpeg-two-sof.jpg", rgb_jpg[:sof] + rgb_jpg[sof:sof + 2 + markers(rgb_jpg)[[m for _, m, _ in markers(rgb_jpg)].index(0xC0)][2]] + rgb_jpg[sof:],
         ["corrupt"], "two frame headers")
    emit("jpeg-3000-scans.jpg", dc_only_progressive(3000), ["too-many-scans"], "progressive JPEG repeating one scan 3000 times")
    emit("jpeg-60-scans.jpg", dc_only_progressive(60), ["too-many-scans"], "60 scans against a limit of 50",
         options={"maxProgressiveScans": 50})
    emit("jpeg-sof-4000x4000-no-data.jpg", with_sof_size(rgb_jpg, 4000, 4000)[:-200], ["truncated"],
         "16 megapixels declared (allowed), a few hundred bytes of data")

    json.dump({"about": "Hostile and malformed images; regenerate with make-hostile.py. See HostileFileTests.",
               "files": entries}, open(os.path.join(OUT, "manifest.json"), "w"), indent=1)
    total = sum(os.path.getsize(os.path.join(OUT, e["file"])) for e in entries)
    print(f"{len(entries)} files, {total} bytes")


main()
