#!/usr/bin/env bash
# Regenerates the committed seed corpus fuzz/corpus/<target>/ (small valid inputs; libFuzzer
# mutates from these). Run from anywhere after `fuzz/run.sh build`:  fuzz/make-seeds.sh
#   image-decoding  files made by the project's encoders (FuzzImageDecoding writes them) and the
#                   image test fixtures (grey, palette, 1-bit, 16-bit, RGBA PNG; CMYK, progressive,
#                   every EXIF orientation JPEG)
#   scan            small OCR-B MRZ pages drawn by the project's font rendering (FuzzScan writes them)
#   mrz             the ICAO and project MRZ vectors, once per entry point (first byte picks it)
#   specimen        the bundled specimen descriptions
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
SCRATCH=${SCRATCH:-"$root/.build-fuzz"}
corpus="$here/corpus"
rm -rf "$corpus"
mkdir -p "$corpus"/{image-decoding,scan,mrz,specimen}

IDCHECK_FUZZ_WRITE_SEEDS="$corpus/image-decoding" "$SCRATCH/FuzzImageDecoding/release/FuzzImageDecoding"
fixtures="$root/Tests/IDCheckImagingTests/Fixtures"
for name in cmyk.jpg gray.jpg progressive.jpg orientation-6.jpg orientation-3.jpg gray.png gray1.png palette.png rgb16.png rgba.png; do
  cp "$fixtures/$name" "$corpus/image-decoding/fixture-$name"
done
IDCHECK_FUZZ_WRITE_SEEDS="$corpus/scan" "$SCRATCH/FuzzScan/release/FuzzScan"

for specimen in "$root"/specimens/*/specimen.json; do
  cp "$specimen" "$corpus/specimen/$(basename "$(dirname "$specimen")").json"
done

python3 - "$root/Tests/IDCheckMRZTests/Vectors/zones.json" "$corpus/mrz" <<'PY'
import json, sys
vectors, out = sys.argv[1], sys.argv[2]
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
def plain(character):
    """A candidate byte for `character` with no alternatives (bits 0 and 1 clear)."""
    index = alphabet.index(character)
    return next(b for b in (index + 37 * k for k in range(4)) if b & 3 == 0)
zones = json.load(open(vectors))["zones"]
for number, zone in enumerate(zones):
    lines = zone["lines"]
    text = "\n".join(lines).encode()
    for mode in range(3):
        open(f"{out}/zone{number:02d}-mode{mode}", "wb").write(bytes([mode]) + text)
    if any(c not in alphabet for line in lines for c in line):
        continue
    # Candidates (mode 3): line count, the layout's length, one plain byte per character; the
    # first character of each line also gets an O/0-style alternative at a low margin.
    length_index = {44: 0, 36: 1, 30: 2}.get(len(lines[0]))
    if length_index is None or len(lines) > 3 or len({len(l) for l in lines}) != 1:
        continue
    body = bytes([len(lines) | (length_index << 2)])
    for line in lines:
        for column, character in enumerate(line):
            if column == 0:
                base = alphabet.index(character)
                b = next(b for b in (base + 37 * k for k in range(4)) if b & 3 == 1)
                body += bytes([b, plain("0" if character == "O" else "O"), 240])
            else:
                body += bytes([plain(character)])
    open(f"{out}/zone{number:02d}-mode3", "wb").write(bytes([3 | (9 << 2)]) + body)
PY
find "$corpus" -type f | sed "s|$corpus/||" | cut -d/ -f1 | sort | uniq -c
du -sh "$corpus"
