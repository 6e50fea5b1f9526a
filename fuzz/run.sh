#!/usr/bin/env bash
# Builds one libFuzzer target with -sanitize=fuzzer,address and runs it for SECONDS.
#
#   fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#   fuzz/run.sh list                       # the targets
#   fuzz/run.sh build                      # build every target, run nothing
#
# TARGET is FuzzImageDecoding, FuzzMRZ, FuzzSpecimen or FuzzScan (or the corpus folder name:
# image-decoding, mrz, specimen, scan). The committed seed corpus fuzz/corpus/<name>/ is read
# but never written: new inputs go to fuzz/work/<name>/ (ignored by git). Crashes, leaks and
# timeouts are written to fuzz/artifacts/<name>/; once fixed, add the input to the tests of the
# module that owned the bug (fuzz/README.md says where).
#
# The builds live in .build-fuzz/<target>/ (scratch paths of their own); the main package's builds
# are untouched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
SCRATCH=${SCRATCH:-"$here/../.build-fuzz"}
targets=(FuzzImageDecoding FuzzMRZ FuzzSpecimen FuzzScan)
corpus_name() {
  case "$1" in
    FuzzImageDecoding|image-decoding) echo image-decoding ;;
    FuzzMRZ|mrz) echo mrz ;;
    FuzzSpecimen|specimen) echo specimen ;;
    FuzzScan|scan) echo scan ;;
    *) echo "unknown target $1 (one of: ${targets[*]})" >&2; exit 64 ;;
  esac
}
target_name() {
  case "$(corpus_name "$1")" in
    image-decoding) echo FuzzImageDecoding ;; mrz) echo FuzzMRZ ;; specimen) echo FuzzSpecimen ;; scan) echo FuzzScan ;;
  esac
}
build() {
  # -sanitize-coverage is spelled out: with SwiftPM's multi-threaded whole-module optimisation
  # (-num-threads 2), swiftc 6.3 drops the coverage instrumentation that -sanitize=fuzzer implies,
  # and libFuzzer would see only the C shim's edges. Each target has its own scratch folder:
  # switching --product in one folder makes SwiftPM rebuild every module, and building without
  # --product would also build the main package's executables.
  "$here/../scripts/install-dependencies"
  swift build -c release --scratch-path "$SCRATCH/$1" --sanitize=fuzzer --sanitize=address \
    -Xswiftc -g -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product "$1"
}

case "${1:-}" in
  ""|-h|--help) sed -n '2,13p' "$here/run.sh"; exit 64 ;;
  list) printf '%s\n' "${targets[@]}"; exit 0 ;;
  build) for target in "${targets[@]}"; do build "$target"; done; exit 0 ;;
esac

target=$(target_name "$1")
name=$(corpus_name "$1")
seconds=${2:?"give the number of seconds to run"}
shift 2
build "$target"
binary="$SCRATCH/$target/release/$target"
mkdir -p "work/$name" "artifacts/$name" "corpus/$name"
# Timeouts: 10 s for one input is a hang (every target caps its input sizes); RSS 2 GB.
exec "$binary" "work/$name" "corpus/$name" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="artifacts/$name/" -print_final_stats=1 "$@"
