#!/usr/bin/env python3
"""MRZ reader accuracy on documents rendered by `idcheck render`, per bucket and degradation.

    python3 benchmarks/reader-accuracy.py [--count N] [--idcheck PATH] [--out DIR] [--passporteye N]

Renders two reproducible sets with fixed seeds — the ordinary bucket (>= 200 dpi, JPEG quality
>= 60, skew <= 5 degrees) and the hard bucket (characters down to 10 px, JPEG quality 30, skew to
15 degrees, blur, upside down) — runs `idcheck scan --json` over every image that carries an MRZ,
and compares each reading with the truth in labels.jsonl. A document counts as read exactly when
every line and every character match. Nothing of the labels reaches the reader: it gets the image
file only.

With --passporteye N, PassportEye (PyPI `passporteye` with Debian's `tesseract-ocr`; installed
into benchmarks/.venv when missing) reads the first N images of each bucket in the same run, and
its exact-read rate and time per image are printed beside IDCheck's on the same images.
"""
import argparse, collections, json, os, subprocess, sys, time

def render(idcheck, out, count, seed, conditions):
    if os.path.exists(os.path.join(out, "labels.jsonl")):
        return
    subprocess.run([idcheck, "render", "--specimen", "all", "--count", str(count), "--seed", str(seed),
                    "--out", out, "--conditions", conditions], check=True, stdout=subprocess.DEVNULL)

def scan(idcheck, files, check_date):
    results = {}
    for start in range(0, len(files), 200):
        chunk = files[start:start + 200]
        run = subprocess.run([idcheck, "scan", "--json", "--at", check_date] + chunk, capture_output=True, text=True)
        for line in run.stdout.splitlines():
            report = json.loads(line)
            results[report["input"]["path"]] = report
    return results

PASSPORTEYE = r"""
import json, sys, time
from passporteye import read_mrz
for path in sys.argv[1:]:
    started = time.time()
    try:
        mrz = read_mrz(path)
        lines = mrz.aux["text"].split("\n") if mrz is not None else None
    except Exception as error:  # PassportEye raises on some images; count as not read
        lines = None
    print(json.dumps({"path": path, "lines": lines, "seconds": time.time() - started}), flush=True)
"""

def ensure_passporteye():
    python = os.path.join("benchmarks", ".venv", "bin", "python")
    if subprocess.run(["which", "tesseract"], capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "tesseract-ocr"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", os.path.join("benchmarks", ".venv")], check=True)
    if subprocess.run([python, "-c", "import passporteye"], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", "passporteye"], check=True)
    return python

def passporteye(python, files):
    run = subprocess.run([python, "-c", PASSPORTEYE] + files, capture_output=True, text=True)
    return {entry["path"]: entry for entry in map(json.loads, run.stdout.splitlines())}

def bucket_of(value, edges, labels):
    for edge, label in zip(edges, labels):
        if value < edge:
            return label
    return labels[-1]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500, help="documents per bucket")
    parser.add_argument("--idcheck", default=".build/release/idcheck")
    parser.add_argument("--out", default="benchmarks/out/reader")
    parser.add_argument("--passporteye", type=int, default=0, help="images per bucket to read with PassportEye too")
    args = parser.parse_args()
    python = ensure_passporteye() if args.passporteye else None
    overall = {}
    for bucket, seed in (("ordinary", 9001), ("hard", 9002)):
        folder = os.path.join(args.out, bucket)
        render(args.idcheck, folder, args.count, seed, bucket)
        labels = [json.loads(line) for line in open(os.path.join(folder, "labels.jsonl"))]
        labels = [label for label in labels if label.get("mrz")]
        files = [os.path.join(folder, label["file"]) for label in labels]
        check_date = labels[0]["checkDate"] if labels else "2025-06-30"
        started = time.time()
        results = scan(args.idcheck, files, check_date)
        elapsed = time.time() - started
        rows = collections.defaultdict(lambda: [0, 0])
        failures = []
        for label, path in zip(labels, files):
            report = results.get(path, {})
            mrzs = report.get("mrzs", [])
            read = mrzs[0]["report"].get("lines") if mrzs else None
            exact = read == label["mrz"]["lines"]
            conditions = label["scan"]["conditions"]
            keys = [
                ("all", "all"),
                ("model", label["model"]),
                ("format", label["mrz"]["format"]),
                ("turns", str(conditions.get("quarterTurns", 0) * 90) + " deg"),
                ("char px", bucket_of(label["mrz"]["characterHeight"], [12, 16, 24, 40], ["<12", "12-16", "16-24", "24-40", ">=40"])),
                ("jpeg q", bucket_of(conditions.get("jpegQuality", 100), [40, 60, 80], ["<40", "40-59", "60-79", ">=80"])),
                ("skew", bucket_of(abs(conditions.get("skewDegrees", 0)), [2, 5, 10], ["<2", "2-5", "5-10", ">=10"])),
                ("blur", bucket_of(conditions.get("blurSigma", 0), [0.5, 1.0, 1.5], ["<0.5", "0.5-1", "1-1.5", ">=1.5"])),
                ("placement", conditions.get("placement", "?")),
            ]
            for key in keys:
                rows[key][1] += 1
                rows[key][0] += exact
            if not exact:
                failures.append((label["file"], label["mrz"]["lines"], read, report.get("status")))
        total = rows[("all", "all")]
        overall[bucket] = total
        print(f"\n## {bucket} bucket: {total[0]}/{total[1]} read exactly ({100.0 * total[0] / max(1, total[1]):.2f}%), "
              f"{1000.0 * elapsed / max(1, total[1]):.1f} ms per image including process start")
        print("| group | value | exact | images | rate |")
        print("| --- | --- | ---: | ---: | ---: |")
        for (group, value), (good, count) in sorted(rows.items()):
            print(f"| {group} | {value} | {good} | {count} | {100.0 * good / count:.1f}% |")
        if python:
            sample = list(zip(labels, files))[:args.passporteye]
            theirs = passporteye(python, [path for _, path in sample])
            ours_times = []
            for _, path in sample:
                started = time.time()
                subprocess.run([args.idcheck, "scan", "--json", path], capture_output=True)
                ours_times.append(time.time() - started)
            ours_exact = sum(1 for label, path in sample
                             if (results.get(path, {}).get("mrzs") or [{}])[0].get("report", {}).get("lines") == label["mrz"]["lines"])
            their_exact = sum(1 for label, path in sample if (theirs.get(path) or {}).get("lines") == label["mrz"]["lines"])
            their_times = sorted(entry["seconds"] for entry in theirs.values()) or [0]
            ours_times.sort()
            n = max(1, len(sample))
            print(f"\n| {bucket}, first {len(sample)} images | exact reads | median ms per image (one process per image) |")
            print("| --- | ---: | ---: |")
            print(f"| IDCheck | {ours_exact}/{len(sample)} ({100.0 * ours_exact / n:.1f}%) | {1000 * ours_times[len(ours_times) // 2]:.0f} |")
            print(f"| PassportEye + Tesseract | {their_exact}/{len(sample)} ({100.0 * their_exact / n:.1f}%) | "
                  f"{1000 * their_times[len(their_times) // 2]:.0f} (in one Python process) |")
        for file, truth, read, status in failures[:10]:
            print(f"  miss {file}: status {status}\n    truth {truth}\n    read  {read}", file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main())
