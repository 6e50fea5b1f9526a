#!/usr/bin/env bash
# Renders the small committed sample in specimens/sample/: two genuine documents of each bundled
# model (every side), ordinary scan conditions, with labels.jsonl beside the images.
# Rerun it after changing the renderer or a specimen description; the seed fixes the bytes.
#
#   scripts/make-sample.sh            # release build, then render
#
# The .mrz files in specimens/sample/ are not made here and are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${IDCHECK_SCRATCH:-.build-render}
swift build -c release --scratch-path "$scratch" --product idcheck
idcheck="$scratch/release/idcheck"
out=specimens/sample
rm -f "$out"/UTO-*.jpg "$out"/UTO-*.png "$out"/labels.jsonl
# Five models, document i is of model i mod 5: 10 documents = 2 per model.
"$idcheck" render --specimen all --count 10 --seed 2025 --conditions ordinary --max-dpi 300 --out "$out"
du -sh "$out"
