#!/usr/bin/env bash
# MRZ parsing throughput: IDCheckMRZ against the PyPI `mrz` package, on the same TD3 zone
# (the ICAO 9303 Utopia passport), measured in the same run. Prints both and the ratio.
#
# Run from the repository root:  bash benchmarks/mrz-parse.sh
# Needs python3 with venv; installs `mrz` into benchmarks/.venv (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=benchmarks/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check mrz

# The reference: parse and check the same zone with mrz's TD3 checker; median of 7 rounds.
reference_us=$("$venv/bin/python" - <<'PY'
import statistics, time
from mrz.checker.td3 import TD3CodeChecker

zone = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
rounds, per_round = 7, 2000
for _ in range(200):  # warm-up
    TD3CodeChecker(zone).fields()
samples = []
for _ in range(rounds):
    start = time.perf_counter()
    for _ in range(per_round):
        checker = TD3CodeChecker(zone)
        bool(checker)
        checker.fields()
    samples.append((time.perf_counter() - start) / per_round)
print(f"{statistics.median(samples) * 1e6:.3f}")
PY
)
mrz_version=$("$venv/bin/python" -m pip show mrz 2>/dev/null | awk '/^Version:/ {print $2}')
echo "PyPI mrz ${mrz_version}: ${reference_us} µs per TD3 parse+check (TD3CodeChecker + fields())"

swift build -c release --product idcheck-bench >/dev/null
swift run -c release --skip-build idcheck-bench mrz-parse --reference-us "$reference_us"
