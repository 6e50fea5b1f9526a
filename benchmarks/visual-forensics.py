#!/usr/bin/env python3
"""Visual forensics of `idcheck verify` on rendered documents (issue 8).

Renders, with fixed seeds, genuine documents of every bundled model and documents forged with
each visual forgery kind (forged before the scan conditions are applied), verifies each document
(all of its images as one document), and prints:

- per kind, the share of forged documents caught by the indicator meant for it (warning or
  critical), and by any warning/critical indicator;
- the same on the held-out variants (portrait style `grainy`, MRZ fonts DejaVu Sans Condensed and
  Liberation Mono, splice shape `blob`), which no check was tuned on;
- genuine documents without any warning or critical indicator, and the codes of the alarms;
- genuine scans re-saved as JPEG (q70 through djpeg/cjpeg) and scaled (5/8 through djpeg -scale):
  documents that gained a warning or critical indicator;
- the time the visual checks add per document (verify with and without them, one process each).

    python3 benchmarks/visual-forensics.py                       # 1000 genuine, 200+ per kind
    python3 benchmarks/visual-forensics.py --genuine 100 --per-kind 20 --out /tmp/vf  # quick
    python3 benchmarks/visual-forensics.py --reuse --out /tmp/vf  # verify sets rendered before
    python3 benchmarks/visual-forensics.py --reuse --out /tmp/vf --without-library
        # the same documents with an empty specimen library: what the template-free checks
        # (MRZ font, tampering map) catch, and what they raise on genuine documents, when the
        # model is unknown (layout, visual zone, photo and the print checks need the model)

Needs: swift (release build of idcheck), python3, djpeg/cjpeg (Debian libjpeg-turbo-progs).
"""
import argparse, collections, concurrent.futures, json, os, shutil, subprocess, sys, time

KINDS = {
    "viz-mrz-mismatch": "viz.mrz-mismatch",
    "photo-substituted": "photo.substituted",
    "other-model-layout": "layout.other-model",
    "mrz-wrong-font": "mrz.font",
    "spliced-region": "tamper.local",
}
HELD_OUT_FONTS = {"DejaVuSansCondensed.ttf", "LiberationMono-Regular.ttf"}
CHECK_DATE = "2025-06-30"
JOBS = os.cpu_count() or 2


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def render(idcheck, out, name, count, seed, forge, max_dpi, reuse):
    folder = os.path.join(out, name)
    if reuse and os.path.exists(os.path.join(folder, "labels.jsonl")):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    cmd = [idcheck, "render", "--specimen", "all", "--count", str(count), "--seed", str(seed), "--forge", forge,
           "--check-date", CHECK_DATE, "--out", folder, "--jobs", str(JOBS)]
    if max_dpi:
        cmd += ["--max-dpi", str(max_dpi)]
    run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def documents(folder):
    """Labels grouped per document, in file order (front before back)."""
    docs = collections.OrderedDict()
    for line in open(os.path.join(folder, "labels.jsonl")):
        label = json.loads(line)
        docs.setdefault((label["model"], label["document"]), []).append(label)
    return list(docs.values())


def verify(idcheck, files, extra=()):
    cmd = [idcheck, "verify", "--json", "--at", CHECK_DATE, *extra]
    if len(files) > 1:
        cmd.append("--same-document")
    started = time.perf_counter()
    done = subprocess.run(cmd + files, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    try:
        report = json.loads(done.stdout.splitlines()[0])
    except (json.JSONDecodeError, IndexError):
        report = {"indicators": [], "error": done.stderr.strip()[:200]}
    return report, elapsed


def cpu_seconds(idcheck, files, extra=()):
    """User + system CPU seconds of one `idcheck verify` process: steadier than wall time on a busy machine."""
    cmd = [idcheck, "verify", "--json", "--at", CHECK_DATE, *extra] + (["--same-document"] if len(files) > 1 else []) + files
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime


def alarms(report):
    return sorted({i["code"] for i in report.get("indicators", []) if i["severity"] in ("warning", "critical")})


def print_changed(labels):
    """Whether a spliced document's paste changed its print (the renderer's label says)."""
    details = [d for label in labels for d in (label.get("forgery") or {}).get("details", [])]
    return not any("print unchanged" in d for d in details)


def variant(label):
    """The held-out variant a forged document belongs to, or None when it was fair game for tuning."""
    forgery = label.get("forgery") or {}
    kinds = forgery.get("kinds") or []
    if "photo-substituted" in kinds and label.get("portrait", {}).get("style") == "grainy":
        return "portrait style grainy"
    if "mrz-wrong-font" in kinds and (label.get("mrz") or {}).get("font") in HELD_OUT_FONTS:
        return "font " + label["mrz"]["font"]
    if "spliced-region" in kinds and any(d.startswith("blob region") for d in forgery.get("details", [])):
        return "splice shape blob"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/idcheck-visual-forensics")
    parser.add_argument("--genuine", type=int, default=1000)
    parser.add_argument("--per-kind", type=int, default=200, help="forged documents per kind (at least)")
    parser.add_argument("--seed", type=int, default=9101)
    parser.add_argument("--max-dpi", type=float, default=None, help="cap the scan resolution (faster)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--robustness", type=int, default=200, help="genuine documents re-saved and scaled")
    parser.add_argument("--timing", type=int, default=60, help="documents timed with and without the visual checks")
    parser.add_argument("--reuse", action="store_true", help="reuse rendered sets found in --out")
    parser.add_argument("--render-only", action="store_true", help="render the sets and stop (verify later with --reuse)")
    parser.add_argument("--idcheck", default=None, help="idcheck binary (default: release build of this package)")
    parser.add_argument("--without-library", action="store_true",
                        help="verify with an empty specimen library (no model identified); no robustness or timing runs")
    args = parser.parse_args()
    global JOBS
    JOBS = args.jobs

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    idcheck = args.idcheck
    if idcheck is None:
        run(["swift", "build", "-c", "release", "--product", "idcheck"], cwd=root, stdout=subprocess.DEVNULL)
        idcheck = os.path.join(root, ".build", "release", "idcheck")
    os.makedirs(args.out, exist_ok=True)

    sets = {"genuine": render(idcheck, args.out, "genuine", args.genuine, args.seed, "none", args.max_dpi, args.reuse)}
    for offset, kind in enumerate(KINDS, start=1):
        # other-model-layout skips the model without a partner (UTO-V-2018): render a fifth more.
        count = args.per_kind * 5 // 4 + 1 if kind == "other-model-layout" else args.per_kind
        sets[kind] = render(idcheck, args.out, kind, count, args.seed + offset, kind, args.max_dpi, args.reuse)

    if args.render_only:
        return 0
    jobs = []
    for name, folder in sets.items():
        for labels in documents(folder):
            forged = [l for l in labels if l.get("forgery")]
            if name != "genuine" and not forged:
                continue  # a document the kind could not be applied to
            jobs.append((name, labels, [os.path.join(folder, l["file"]) for l in labels]))
    extra = []
    if args.without_library:
        empty = os.path.join(args.out, "empty-library")
        os.makedirs(empty, exist_ok=True)
        extra = ["--specimens", empty]
        args.robustness = args.timing = 0
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for (name, labels, files), (report, _) in zip(jobs, pool.map(lambda job: verify(idcheck, job[2], extra), jobs)):
            results.append((name, labels, report))
    # Every report kept beside the renders, so that a miss can be looked at without verifying again.
    kept = os.path.join(args.out, "reports-without-library.jsonl" if args.without_library else "reports.jsonl")
    with open(kept, "w") as handle:
        for name, labels, report in results:
            handle.write(json.dumps({"set": name, "files": [l["file"] for l in labels], "report": report}) + "\n")

    print(f"# Visual forensics: {len(results)} documents, seeds {args.seed}…{args.seed + len(KINDS)}, check date {CHECK_DATE}"
          + (f", scans capped at {args.max_dpi:g} dpi" if args.max_dpi else "")
          + (", without a specimen library (no model identified)" if args.without_library else ""))
    print()
    print("| set | documents | caught by the right indicator | caught by any warning/critical |")
    print("| --- | ---: | ---: | ---: |")
    held = collections.defaultdict(lambda: [0, 0])
    for kind, code in KINDS.items():
        rows = [(labels, report) for name, labels, report in results if name == kind]
        tuned = [(l, r) for l, r in rows if not any(variant(x) for x in l)]
        right = sum(code in alarms(r) for _, r in tuned)
        anything = sum(bool(alarms(r)) for _, r in tuned)
        n = max(1, len(tuned))
        print(f"| `{kind}` (`{code}`) | {len(tuned)} | {right} ({100 * right / n:.1f}%) | {anything} ({100 * anything / n:.1f}%) |")
        if args.without_library and kind == "photo-substituted":
            # Without a model the portrait is looked for on the MRZ's side (passports, visas: one
            # image) and on a card's front found at its back's scale (two images): each family
            # apart, held-out portrait styles included.
            for family, members in (("passports and visas", [(l, r) for l, r in rows if len(l) == 1]),
                                    ("cards, front and back together", [(l, r) for l, r in rows if len(l) > 1])):
                right1 = sum(code in alarms(r) for _, r in members)
                any1 = sum(bool(alarms(r)) for _, r in members)
                n1 = max(1, len(members))
                print(f"| `{kind}`, {family} (held-out styles included) | {len(members)} | {right1} ({100 * right1 / n1:.1f}%) | {any1} ({100 * any1 / n1:.1f}%) |")
        for labels, report in rows:
            names = [variant(x) for x in labels if variant(x)]
            if names:
                held[(kind, names[0])][0] += 1
                held[(kind, names[0])][1] += code in alarms(report)
    for (kind, name), (n, right) in sorted(held.items()):
        print(f"| held out: `{kind}`, {name} | {n} | {right} ({100 * right / max(1, n):.1f}%) | |")
    # A splice over blank paper past a value's end, or over characters both holders share,
    # leaves the print as it was: only the paste's grain and compression mark it. The renderer
    # labels which is which; both groups are shown (tuned and held-out shapes together).
    spliced = [(labels, report) for name, labels, report in results if name == "spliced-region"]
    print()
    print("| splices (all shapes) | documents | `tamper.local` | any warning/critical |")
    print("| --- | ---: | ---: | ---: |")
    for wording, changed in (("the paste changed the print", True), ("the paste left the print as it was", False)):
        group = [(l, r) for l, r in spliced if print_changed(l) == changed]
        n = max(1, len(group))
        right = sum("tamper.local" in alarms(r) for _, r in group)
        anything = sum(bool(alarms(r)) for _, r in group)
        print(f"| {wording} | {len(group)} | {right} ({100 * right / n:.1f}%) | {anything} ({100 * anything / n:.1f}%) |")
    genuine = [(labels, report) for name, labels, report in results if name == "genuine"]
    clean = sum(not alarms(r) for _, r in genuine)
    print()
    print(f"Genuine documents without a warning or critical indicator: {clean}/{len(genuine)} "
          f"({100 * clean / max(1, len(genuine)):.2f}%)")
    codes = collections.Counter(code for _, r in genuine for code in alarms(r))
    if codes:
        print("Alarms on genuine documents: " + ", ".join(f"`{c}` {n}" for c, n in codes.most_common()))
    for labels, report in genuine:
        if alarms(report):
            print(f"  {labels[0]['model']} {labels[0]['document']}: {alarms(report)}")

    # Robustness: genuine scans re-saved as JPEG q70 and scaled to 5/8, verified again.
    if args.robustness and shutil.which("djpeg") and shutil.which("cjpeg"):
        robust_dir = os.path.join(args.out, "robustness")
        os.makedirs(robust_dir, exist_ok=True)
        subset = [(l, r) for l, r in genuine if not alarms(r)][: args.robustness]
        def transformed(labels, how):
            files = []
            for label in labels:
                source = os.path.join(sets["genuine"], label["file"])
                target = os.path.join(robust_dir, f"{how}-{os.path.splitext(label['file'])[0]}.jpg")
                scale = ["-scale", "5/8"] if how == "scaled" else []
                quality = "70" if how == "resaved" else "90"
                decoded = subprocess.run(["djpeg", *scale, source], capture_output=True, check=True).stdout
                with open(target, "wb") as handle:
                    handle.write(subprocess.run(["cjpeg", "-quality", quality], input=decoded, capture_output=True, check=True).stdout)
                files.append(target)
            return files
        print()
        for how in ("resaved", "scaled"):
            tasks = [transformed(l, how) for l, _ in subset if all(x["file"].endswith(".jpg") for x in l)]
            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                reports = [r for r, _ in pool.map(lambda files: verify(idcheck, files), tasks)]
            gained = [alarms(r) for r in reports if alarms(r)]
            label = "re-saved as JPEG q70" if how == "resaved" else "scaled to 5/8 (JPEG q90)"
            print(f"Genuine scans {label}: {len(gained)}/{len(reports)} gained a warning or critical indicator"
                  + (f" ({collections.Counter(c for g in gained for c in g).most_common()})" if gained else ""))

    # Time the visual checks add: the same documents verified with and without them, one at a
    # time; CPU time of each process (decode and process start included), and wall time.
    if args.timing:
        sample = [job for job in jobs if job[0] == "genuine"][: args.timing]
        def median(values):
            values = sorted(values)
            return values[len(values) // 2] if values else 0
        for kind in ("passport", "card"):
            chosen = [files for _, labels, files in sample if (len(files) > 1) == (kind == "card")]
            if not chosen:
                continue
            with_visual = [cpu_seconds(idcheck, files) for files in chosen]
            without = [cpu_seconds(idcheck, files, ["--data-checks-only"]) for files in chosen]
            print(f"CPU time per {kind} ({len(chosen)} documents, median, one process each, decode included): "
                  f"{1000 * median(with_visual):.1f} ms with the visual checks, {1000 * median(without):.1f} ms without "
                  f"(+{1000 * (median(with_visual) - median(without)):.1f} ms)")


if __name__ == "__main__":
    sys.exit(main())
