#!/usr/bin/env bash
# `idcheck batch` against its peers on one reproducible rendered set, in one run:
#
#   - IDCheck: `idcheck batch` (verify) over every image, with 1 and 2 jobs;
#   - the scaling reference: a plain `djpeg -grayscale` decode of the same files, one loop and two
#     parallel loops (what two independent processes reach on this machine, now);
#   - PassportEye (PyPI `passporteye` with Debian's Tesseract) on a sample of the MRZ-bearing
#     images (it takes seconds an image), one process and two in parallel.
#
# and prints one table: images, MRZ found / exact read rates against the labels, forged documents
# flagged and genuine ones falsely flagged, median ms per image, images/s on 1 and 2 cores, the
# 2-core scaling, peak memory (`/usr/bin/time -v`), with ratios to the peers.
#
#   bash benchmarks/batch-benchmark.sh                      # 150 documents, PassportEye on 24 images
#   COUNT=60 SAMPLE=10 bash benchmarks/batch-benchmark.sh
#   MEMORY="1000 10000" bash benchmarks/batch-benchmark.sh  # also peak memory of batches of 1,000 and 10,000 files
#   KEEP_RENDERED=1 OUT=/tmp/bb bash benchmarks/batch-benchmark.sh   # reuse a set rendered before
#
# Env: COUNT, SEED, SAMPLE, CHECK_DATE, SCRATCH (build folder, default .build), OUT, KEEP_RENDERED,
# MEMORY (batch sizes for the memory run: symbolic links cycling over the rendered images, each a
# file of its own path; the images repeat, so cross-document checks see the same holders again).
# Installs what is missing: Debian `time`, `tesseract-ocr`, `libjpeg-turbo-progs`, and
# `passporteye` into benchmarks/.venv.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
COUNT=${COUNT:-150}
SEED=${SEED:-7}
SAMPLE=${SAMPLE:-24}
CHECK_DATE=${CHECK_DATE:-2025-06-01}
MEMORY=${MEMORY:-}
OUT=${OUT:-$(mktemp -d /tmp/idcheck-batch-bench.XXXXXX)}
mkdir -p "$OUT"

need_apt=()
[[ -x /usr/bin/time ]] || need_apt+=(time)
command -v tesseract >/dev/null || need_apt+=(tesseract-ocr)
command -v djpeg >/dev/null || need_apt+=(libjpeg-turbo-progs)
if ((${#need_apt[@]})); then apt-get install -y "${need_apt[@]}" >/dev/null; fi
if [[ ! -x benchmarks/.venv/bin/python ]]; then python3 -m venv benchmarks/.venv; fi
benchmarks/.venv/bin/python -c 'import passporteye' 2>/dev/null || benchmarks/.venv/bin/pip install -q passporteye

swift build -c release --scratch-path "$SCRATCH" --product idcheck >/dev/null
idcheck="$(pwd)/$SCRATCH/release/idcheck"
set_dir="$OUT/set"
if [[ -z "${KEEP_RENDERED:-}" || ! -f "$set_dir/labels.jsonl" ]]; then
  echo "rendering $COUNT documents (seed $SEED, forge mix, ordinary conditions) into $set_dir…" >&2
  rm -rf "$set_dir"
  "$idcheck" render --specimen all --count "$COUNT" --seed "$SEED" --forge mix --conditions ordinary \
    --check-date "$CHECK_DATE" --out "$set_dir" >/dev/null 2>&1
fi
find "$set_dir" -name '*.jpg' -o -name '*.png' | sort > "$OUT/files.txt"
# PassportEye's sample: every k-th MRZ-bearing image.
python3 - "$set_dir" "$SAMPLE" > "$OUT/sample.txt" <<'PY'
import json, sys
folder, size = sys.argv[1], int(sys.argv[2])
files = [folder + "/" + l["file"] for l in map(json.loads, open(folder + "/labels.jsonl")) if l.get("mrz")]
files.sort()
step = max(1, len(files) // max(1, size))
print("\n".join(files[::step][:size]))
PY
n=$(wc -l < "$OUT/files.txt")
echo "$n images; PassportEye sample $(wc -l < "$OUT/sample.txt")" >&2

# Wall time and peak RSS of a command: "<seconds> <max RSS kB>".
measure() { # name command…
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"
  end=$(date +%s.%N)
  echo "$(python3 -c "print($end - $start)") $(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$OUT/$name.time")" > "$OUT/$name.measure"
}
# Two commands at once: wall time of both, the larger peak RSS.
measure2() { # name "cmd a" "cmd b"
  local name=$1 start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT/$name-a.time" bash -c "$2" > "$OUT/$name-a.stdout" 2> "$OUT/$name-a.stderr" &
  /usr/bin/time -v -o "$OUT/$name-b.time" bash -c "$3" > "$OUT/$name-b.stdout" 2> "$OUT/$name-b.stderr" &
  wait
  end=$(date +%s.%N)
  local rss
  rss=$(cat "$OUT/$name-a.time" "$OUT/$name-b.time" | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); if ($2 > m) m = $2} END {print m}')
  echo "$(python3 -c "print($end - $start)") $rss" > "$OUT/$name.measure"
}

batch_args=(--at "$CHECK_DATE" --watchlist "$set_dir/watchlist.csv" --labels "$set_dir/labels.jsonl")
for jobs in 1 2; do
  echo "idcheck batch --jobs $jobs…" >&2
  rm -f "$OUT/idcheck-j$jobs.jsonl" "$OUT/idcheck-j$jobs.jsonl.run.json"
  measure "idcheck-j$jobs" "$idcheck" batch "$OUT/files.txt" --out "$OUT/idcheck-j$jobs.jsonl" --jobs "$jobs" "${batch_args[@]}"
done

# djpeg: one loop, then two loops over alternate files; each decode timed.
cat > "$OUT/djpeg-loop.py" <<'PY'
import subprocess, sys, time
for path in open(sys.argv[1]).read().split():
    start = time.perf_counter()
    subprocess.run(["djpeg", "-grayscale", "-outfile", "/dev/null", path], check=False)
    print(f"{(time.perf_counter() - start) * 1000:.3f}")
PY
grep -i '\.jpg$' "$OUT/files.txt" > "$OUT/jpegs.txt" || true
awk 'NR % 2 == 1' "$OUT/jpegs.txt" > "$OUT/jpegs-a.txt"
awk 'NR % 2 == 0' "$OUT/jpegs.txt" > "$OUT/jpegs-b.txt"
echo "djpeg loops…" >&2
measure djpeg-1 python3 "$OUT/djpeg-loop.py" "$OUT/jpegs.txt"
measure2 djpeg-2 "python3 $OUT/djpeg-loop.py $OUT/jpegs-a.txt" "python3 $OUT/djpeg-loop.py $OUT/jpegs-b.txt"

# PassportEye: one process, then two in parallel on alternate files; Tesseract on one thread each.
cat > "$OUT/passporteye-run.py" <<'PY'
import json, sys, time, warnings
warnings.filterwarnings("ignore")
from passporteye import read_mrz
for path in open(sys.argv[1]).read().split():
    start = time.perf_counter()
    try:
        mrz = read_mrz(path)
    except Exception as error:  # a crash on one image is a miss, as IDCheck's error lines are
        mrz = None
    ms = (time.perf_counter() - start) * 1000
    entry = {"path": path, "ms": ms, "found": mrz is not None}
    if mrz is not None:
        d = mrz.to_dict()
        # valid_score 100: every check digit holds (to_dict has no "valid" key).
        entry.update(lines=[l.strip() for l in (d.get("raw_text") or "").split("\n") if l.strip()],
                     valid=d.get("valid_score") == 100,
                     fields=[d.get("number", "").replace("<", ""), d.get("date_of_birth"), d.get("expiration_date")])
    print(json.dumps(entry), flush=True)
PY
awk 'NR % 2 == 1' "$OUT/sample.txt" > "$OUT/sample-a.txt"
awk 'NR % 2 == 0' "$OUT/sample.txt" > "$OUT/sample-b.txt"
echo "PassportEye (slow: seconds an image)…" >&2
export OMP_THREAD_LIMIT=1
pe="$(pwd)/benchmarks/.venv/bin/python"
measure passporteye-1 "$pe" "$OUT/passporteye-run.py" "$OUT/sample.txt"
measure2 passporteye-2 "$pe $OUT/passporteye-run.py $OUT/sample-a.txt" "$pe $OUT/passporteye-run.py $OUT/sample-b.txt"

# Peak memory as batches grow: links cycling over the rendered images.
for size in $MEMORY; do
  dir="$OUT/memory-$size"
  if [[ ! -d "$dir" ]]; then
    mkdir -p "$dir"
    python3 - "$OUT/files.txt" "$dir" "$size" <<'PY'
import os, sys
files = open(sys.argv[1]).read().split()
for i in range(int(sys.argv[3])):
    source = files[i % len(files)]
    os.symlink(source, os.path.join(sys.argv[2], f"f{i:07d}{os.path.splitext(source)[1]}"))
PY
  fi
  echo "idcheck batch over $size files (memory)…" >&2
  rm -f "$OUT/memory-$size.jsonl" "$OUT/memory-$size.jsonl.run.json"
  measure "memory-$size" "$idcheck" batch "$dir" --out "$OUT/memory-$size.jsonl" --jobs 2 --at "$CHECK_DATE"
done

python3 - "$OUT" "$set_dir" "$MEMORY" <<'PY'
import json, statistics, sys
out, folder, memory = sys.argv[1], sys.argv[2], sys.argv[3].split()
labels = {l["file"]: l for l in map(json.loads, open(folder + "/labels.jsonl"))}
name = lambda p: p.rsplit("/", 1)[-1]
def measure(n):
    wall, rss = open(f"{out}/{n}.measure").read().split()
    return float(wall), int(rss) / 1024
images = open(f"{out}/files.txt").read().split()
sample = set(map(name, open(f"{out}/sample.txt").read().split()))
jpegs = open(f"{out}/jpegs.txt").read().split()

def fields(lines, fmt):
    """Document number (fillers dropped), birth and expiry date, by position in the MRZ."""
    try:
        if fmt == "td1":
            return [lines[0][5:14].replace("<", ""), lines[1][0:6], lines[1][8:14]]
        return [lines[1][0:9].replace("<", ""), lines[1][13:19], lines[1][21:27]]
    except (IndexError, TypeError):
        return None

def idcheck_rates(path, only=None):
    found = exact = sides = forged = flagged = genuine = alarms = data = 0
    ms = []
    for r in map(json.loads, open(path)):
        f = name(r["input"]["path"])
        if (r.get("batch") or {}).get("elapsedMs") is not None: ms.append(r["batch"]["elapsedMs"])
        label = labels.get(f)
        if not label or not label.get("mrz") or (only is not None and f not in only): continue
        sides += 1
        lines = (r.get("mrz") or {}).get("lines")
        if any(i.get("mrzFound") for i in r.get("inputs", [])): found += 1
        if lines == label["mrz"]["lines"]: exact += 1
        if lines and fields(lines, label["mrz"]["format"]) == fields(label["mrz"]["lines"], label["mrz"]["format"]): data += 1
        bad = r.get("verdict") in ("review", "suspect")
        if label["genuine"]: genuine += 1; alarms += bad
        else: forged += 1; flagged += bad
    return dict(sides=sides, found=found, exact=exact, data=data, forged=forged, flagged=flagged, genuine=genuine, alarms=alarms, ms=ms)

def passporteye_rates(paths):
    found = exact = sides = forged = flagged = genuine = alarms = data = 0
    ms = []
    for p in paths:
        for r in map(json.loads, open(p)):
            label = labels[name(r["path"])]
            ms.append(r["ms"]); sides += 1
            if r["found"]: found += 1
            if r.get("lines") == label["mrz"]["lines"]: exact += 1
            if r.get("fields") and r["fields"] == fields(label["mrz"]["lines"], label["mrz"]["format"]): data += 1
            bad = not (r["found"] and r.get("valid"))
            if label["genuine"]: genuine += 1; alarms += bad
            else: forged += 1; flagged += bad
    return dict(sides=sides, found=found, exact=exact, data=data, forged=forged, flagged=flagged, genuine=genuine, alarms=alarms, ms=ms)

ic = idcheck_rates(f"{out}/idcheck-j1.jsonl")
ic_sample = idcheck_rates(f"{out}/idcheck-j1.jsonl", only=sample)
pe = passporteye_rates([f"{out}/passporteye-1.stdout"])
dj_ms = [float(x) for x in open(f"{out}/djpeg-1.stdout").read().split()]
w = {k: measure(k) for k in ["idcheck-j1", "idcheck-j2", "djpeg-1", "djpeg-2", "passporteye-1", "passporteye-2"]}
ips = lambda k, count: count / w[k][0]
ic1, ic2 = ips("idcheck-j1", len(images)), ips("idcheck-j2", len(images))
dj1, dj2 = ips("djpeg-1", len(jpegs)), ips("djpeg-2", len(jpegs))
pe1, pe2 = ips("passporteye-1", len(sample)), ips("passporteye-2", len(sample))
pct = lambda a, b: f"{100 * a / b:.1f}% ({a}/{b})" if b else "–"
ratio = lambda a, b: f"{a / b:.2f}×" if b else "–"

print()
print(f"| | IDCheck (all) | IDCheck (PassportEye's sample) | PassportEye | djpeg | IDCheck vs PassportEye | IDCheck vs djpeg |")
print(f"| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| images | {len(images)} | {len(sample)} | {len(sample)} | {len(jpegs)} | | |")
print(f"| MRZ found (MRZ sides) | {pct(ic['found'], ic['sides'])} | {pct(ic_sample['found'], ic_sample['sides'])} | {pct(pe['found'], pe['sides'])} | – | {ratio(ic_sample['found'], pe['found'])} | |")
print(f"| MRZ exact read (every character of every line) | {pct(ic['exact'], ic['sides'])} | {pct(ic_sample['exact'], ic_sample['sides'])} | {pct(pe['exact'], pe['sides'])} | – | {ratio(ic_sample['exact'], pe['exact'])} | |")
print(f"| number, birth and expiry date read exactly (PassportEye: its corrected fields) | {pct(ic['data'], ic['sides'])} | {pct(ic_sample['data'], ic_sample['sides'])} | {pct(pe['data'], pe['sides'])} | – | {ratio(ic_sample['data'], pe['data'])} | |")
print(f"| forged documents flagged (IDCheck: review/suspect; PassportEye: no MRZ or a check digit fails) | {pct(ic['flagged'], ic['forged'])} | {pct(ic_sample['flagged'], ic_sample['forged'])} | {pct(pe['flagged'], pe['forged'])} | – | | |")
print(f"| genuine documents flagged (false alarms) | {pct(ic['alarms'], ic['genuine'])} | {pct(ic_sample['alarms'], ic_sample['genuine'])} | {pct(pe['alarms'], pe['genuine'])} | – | | |")
icm, pem, djm = statistics.median(ic["ms"]), statistics.median(pe["ms"]), statistics.median(dj_ms)
print(f"| median ms per image (1 core) | {icm:.1f} | | {pem:.0f} | {djm:.1f} | {pem / icm:.1f}× faster | {icm / djm:.1f}× djpeg's time |")
print(f"| images/s, 1 core | {ic1:.2f} | | {pe1:.3f} | {dj1:.1f} | {ratio(ic1, pe1)} | {ratio(ic1, dj1)} |")
print(f"| images/s, 2 cores | {ic2:.2f} | | {pe2:.3f} | {dj2:.1f} | {ratio(ic2, pe2)} | {ratio(ic2, dj2)} |")
s_ic, s_pe, s_dj = ic2 / ic1, pe2 / pe1, dj2 / dj1
print(f"| scaling 2 cores / 1 core | {s_ic:.2f}× | | {s_pe:.2f}× | {s_dj:.2f}× | | **{100 * s_ic / s_dj:.0f}% of djpeg's scaling** |")
print(f"| peak memory, 1 job / process (MB) | {w['idcheck-j1'][1]:.0f} | | {w['passporteye-1'][1]:.0f} | {w['djpeg-1'][1]:.0f} | {ratio(w['idcheck-j1'][1], w['passporteye-1'][1])} | |")
print(f"| peak memory, 2 jobs / processes (MB, largest process) | {w['idcheck-j2'][1]:.0f} | | {w['passporteye-2'][1]:.0f} | {w['djpeg-2'][1]:.0f} | {ratio(w['idcheck-j2'][1], w['passporteye-2'][1])} | |")
print()
print("djpeg's peak is per decode process (the loop's Python parent included); PassportEye's per process.")
if memory:
    print()
    print("| files in the batch (--jobs 2) | wall s | files/s | peak memory (MB) |")
    print("| ---: | ---: | ---: | ---: |")
    for size in memory:
        wall, rss = measure(f"memory-{size}")
        print(f"| {int(size):,} | {wall:.0f} | {int(size) / wall:.1f} | {rss:.0f} |")
PY
echo "outputs in $OUT" >&2
