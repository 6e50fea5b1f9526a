#!/usr/bin/env bash
# Data-level checks of `idcheck verify` on rendered documents with fixed seeds: per forgery kind,
# the share of forged documents caught by the indicators meant for that kind; on genuine
# documents, the share raising any warning or critical indicator (false alarms); and the time
# per document on a 300-dpi passport data page (about 1476×1039, decode included), on one core.
#
#   bash benchmarks/verify-data-checks.sh            # 200 genuine, 40 per forgery kind
#   GENUINE=50 FORGED=10 bash benchmarks/verify-data-checks.sh
#   SCRATCH=.build-verify bash benchmarks/verify-data-checks.sh   # another build folder
#   KEEP_RENDERED=1 OUT=/tmp/set bash benchmarks/verify-data-checks.sh  # reuse sets rendered before
#
# Only the image carrying the MRZ of each document is verified (the data checks read the MRZ;
# a card's front adds nothing to them). All images of a set go to one `idcheck verify` run, so
# that `number-reused` can be seen across documents.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
GENUINE=${GENUINE:-200}
FORGED=${FORGED:-40}
CHECK_DATE=${CHECK_DATE:-2025-06-01}
OUT=${OUT:-$(mktemp -d /tmp/idcheck-verify-bench.XXXXXX)}
swift build -c release --scratch-path "$SCRATCH" --product idcheck >/dev/null
idcheck="$SCRATCH/release/idcheck"
# The renderer uses both cores; the timed runs are pinned to one.
render() { # name count seed forge
  [[ -n "${KEEP_RENDERED:-}" && -f "$OUT/$1/labels.jsonl" ]] && return 0
  "$idcheck" render --specimen all --count "$2" --seed "$3" --forge "$4" --check-date "$CHECK_DATE" --out "$OUT/$1" >/dev/null 2>&1
}
verify() { # name
  python3 - "$OUT/$1" <<'PY' > "$OUT/$1.files"
import json, sys
folder = sys.argv[1]
for line in open(folder + "/labels.jsonl"):
    label = json.loads(line)
    if label.get("mrz"): print(folder + "/" + label["file"])
PY
  local list=()
  [[ -f "$OUT/$1/watchlist.csv" ]] && list=(--watchlist "$OUT/$1/watchlist.csv")
  xargs -a "$OUT/$1.files" -d '\n' "$idcheck" verify --json --at "$CHECK_DATE" "${list[@]}" > "$OUT/$1.jsonl" || true
}

echo "rendering into $OUT (check date $CHECK_DATE)…" >&2
render genuine "$GENUINE" 11 none
kinds=(mrz-altered-check-digit-broken impossible-dates watchlisted number-reused mrz-altered-check-digit-recomputed)
seed=21
for kind in "${kinds[@]}"; do render "$kind" "$FORGED" "$seed" "$kind"; seed=$((seed + 1)); done
for set in genuine "${kinds[@]}"; do verify "$set"; done

python3 - "$OUT" genuine "${kinds[@]}" <<'PY'
import json, sys
out, sets = sys.argv[1], sys.argv[2:]
# The indicator codes meant to catch each kind (docs/indicators.md).
meant = {
    # A changed digit the reader reads with low margin is settled by the check digit (a warning
    # that names the character); one masked by a misread look-alike breaks the model's pattern.
    "mrz-altered-check-digit-broken": {"mrz.check-digit", "mrz.composite", "mrz.corrected.check-digit", "model.document-number"},
    "impossible-dates": {"date.expired", "date.birth-after-issue", "model.validity-period", "date.impossible", "date.expiry-before-birth"},
    "watchlisted": {"list.watchlist-hit"},
    "number-reused": {"list.number-reused"},
    "mrz-altered-check-digit-recomputed": {"model.validity-period", "model.document-number", "date.birth-after-issue"},
}
print("| set | documents | caught by the indicators meant for it | any warning or critical |")
print("| --- | ---: | ---: | ---: |")
for name in sets:
    labels = {}
    for line in open(f"{out}/{name}/labels.jsonl"):
        label = json.loads(line)
        if label.get("mrz"): labels[f"{out}/{name}/{label['file']}"] = label
    reports = {}
    for line in open(f"{out}/{name}.jsonl"):
        report = json.loads(line)
        reports[report["input"]["path"]] = report
    total = caught = alarmed = 0
    misses = []
    for path, label in labels.items():
        report = reports.get(path)
        forged = not label.get("genuine", True)
        if name != "genuine" and not forged: continue
        total += 1
        codes = {i["code"] for i in (report or {}).get("indicators", []) if i["severity"] != "info"}
        if codes: alarmed += 1
        if name != "genuine" and codes & meant[name]: caught += 1
        elif name != "genuine": misses.append((label["file"], "; ".join(label["forgery"]["details"])[:90], sorted(codes)))
        if name == "genuine" and codes: misses.append((label["file"], "", sorted(codes)))
    pct = lambda n: f"{100 * n / total:.1f}% ({n}/{total})" if total else "–"
    print(f"| {'genuine (false alarms)' if name == 'genuine' else '`' + name + '`'} | {total} | {'–' if name == 'genuine' else pct(caught)} | {pct(alarmed)} |")
    for miss in misses[:6]: print(f"<!-- {name} not caught / alarm: {miss} -->", file=sys.stderr)
PY

# Time per document: 300-dpi UTO-P-2020 data pages (1476×1039), one process per file, one core.
[[ -n "${KEEP_RENDERED:-}" && -d "$OUT/timing" ]] || "$idcheck" render --specimen UTO-P-2020 --count 30 --seed 31 --conditions none --check-date "$CHECK_DATE" --out "$OUT/timing" >/dev/null 2>&1
python3 - "$idcheck" "$OUT/timing" "$CHECK_DATE" <<'PY'
import glob, os, statistics, subprocess, sys, time
idcheck, folder, at = sys.argv[1:]
files = sorted(glob.glob(folder + "/*.jpg") + glob.glob(folder + "/*.png"))
def run(args):
    start = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", idcheck] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
run(["verify", "--at", at, files[0]])  # warm the page cache
per_file = [run(["verify", "--at", at, f]) for f in files]
start_only = [run(["--version"]) for _ in files]
batch = run(["verify", "--at", at] + files) / len(files)
print()
print(f"time per document, {len(files)} pages {os.path.splitext(files[0])[1][1:].upper()} 1476×1039, one core (taskset -c 0):")
print(f"  one process per document (decode, read, checks, report; process start and library load included): median {1000 * statistics.median(per_file):.1f} ms")
print(f"  of which process start (idcheck --version): median {1000 * statistics.median(start_only):.1f} ms")
print(f"  one process for all {len(files)} (mean per document): {1000 * batch:.1f} ms")
PY
echo "(sets kept in $OUT)" >&2
