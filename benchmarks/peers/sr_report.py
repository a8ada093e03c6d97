"""Writes the markdown report of benchmarks/run-sr.sh from the JSON files of one run.

Usage: sr_report.py DIR OUT.md   (DIR holds ours-*.json, peers-*.json, paper.json and machine.txt of the run)
"""
import datetime
import json
import os
import sys
import tempfile


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return default


def fmt(x, digits=4):
    return "–" if x is None else f"{x:.{digits}f}"


def sci(x):
    return "–" if x is None else f"{x:.3g}"


def throughput_section(folder):
    rows = (load(folder + "/ours-throughput.json", []) or []) + (load(folder + "/peers-throughput.json", []) or [])
    if not rows:
        return ["## Evaluation throughput", "", "Not run.", ""]
    by = {(r["engine"], r["rows"]): r for r in rows}
    first = rows[0]
    out = ["## Evaluation throughput (Operon's protocol, one thread)", "",
           f"{first['programs']} random programs (uniform odd length 1–63, mean {first['nodes'] / first['programs']:.1f} "
           "nodes; + − × ÷ over 10 features, constants in [−2, 2]; redrawn until finite on all rows), data uniform in [1, 2). "
           "Fastest of 10 timed passes over all programs. Node-evaluations = nodes × rows.", "",
           "| engine | precision | rows | node-evals/s | programs/s | ours ÷ engine | invalid | median of program means (100 rows) |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in sorted(rows, key=lambda r: (r["rows"], r["engine"] != "ours", r["engine"])):
        ours = by.get(("ours", r["rows"]))
        ratio = ours["nodeEvaluationsPerSecond"] / r["nodeEvaluationsPerSecond"] if ours else None
        out.append(f"| {r['engine']} | {r['precision']} | {r['rows']:,} | {sci(r['nodeEvaluationsPerSecond'])} | "
                   f"{sci(r['programsPerSecond'])} | {fmt(ratio, 2) if r['engine'] != 'ours' else ''} | {r['invalid']} | "
                   f"{fmt(r.get('checksum'), 6) if r.get('checksum') is not None else ''} |")
    verdicts = []
    for n in (100, 10000):
        o, p = by.get(("ours", n)), by.get(("pyoperon", n))
        if o and p:
            ratio = o["nodeEvaluationsPerSecond"] / p["nodeEvaluationsPerSecond"]
            verdicts.append(f"{n:,} rows: {ratio:.2f}× Operon — target ≥ 1.5× **{'met' if ratio >= 1.5 else 'NOT met'}**")
    out += ["", "Target: " + "; ".join(verdicts) + ".", ""]
    return out


def recovery_section(folder):
    rows = (load(folder + "/ours-recovery.json", []) or []) + (load(folder + "/peers-recovery.json", []) or [])
    if not rows:
        return ["## Structure recovery", "", "Not run.", ""]
    out = ["## Structure recovery (200 rows, y = 0.7 + 2/√n + 0.15·√AMI + N(0, 0.002²), one thread)", "",
           "Ours: the selected formula, constants as symbols, must be exactly c0 + c1/sqrt(n) + c2*sqrt(AMI). "
           "Peers: sympy must show the formula equals a + b/√n + c·√AMI (redundant constants allowed). "
           "Wall seconds include everything the fit call does; CPU seconds are the process's own time "
           "(the machine is shared, so wall time overstates the cost when others build).", "",
           "The last column applies the peers' (sympy) criterion to every engine.", "",
           "| engine | seeds recovered | wall s (min–max) | CPU s (min–max) | sympy-equivalent |", "|---|---:|---:|---:|---:|"]
    from sr_recovery import recovered as sympy_recovered
    engines = []
    for r in rows:
        if r["engine"] not in engines:
            engines.append(r["engine"])
    for e in engines:
        rs = [r for r in rows if r["engine"] == e]
        ok = sum(1 for r in rs if r["recovered"])
        w = [r["seconds"] for r in rs]
        c = [r.get("cpuSeconds") for r in rs if r.get("cpuSeconds") is not None]
        lenient = sum(1 for r in rs if sympy_recovered(r["formula"]))
        out.append(f"| {e} | {ok}/{len(rs)} | {min(w):.2f}–{max(w):.2f} | "
                   f"{(f'{min(c):.2f}–{max(c):.2f}') if c else '–'} | {lenient}/{len(rs)} |")
    ours = [r for r in rows if r["engine"] == "ours"]
    if ours:
        ok = sum(1 for r in ours if r["recovered"])
        slow = max(r["seconds"] for r in ours)
        cpu = max(r.get("cpuSeconds", r["seconds"]) for r in ours)
        out += ["", f"Target (10/10 recovered, each run under 1.5 s): {ok}/{len(ours)} recovered, slowest run "
                f"{slow:.2f} s wall / {cpu:.2f} s CPU — **{'met' if ok == len(ours) == 10 and slow < 1.5 else 'NOT met'}**"
                + (" (met on CPU time)" if ok == len(ours) == 10 and slow >= 1.5 and cpu < 1.5 else "") + ".", ""]
    out += ["<details><summary>Selected formulas per seed</summary>", "", "| engine | seed | recovered | wall s | CPU s | formula |",
            "|---|---:|---|---:|---:|---|"]
    for r in rows:
        f = r["formula"].replace("|", "\\|")
        if len(f) > 200:
            f = f[:200] + "…"
        out.append(f"| {r['engine']} | {r['seed']} | {'yes' if r['recovered'] else 'no'} | {r['seconds']:.2f} | "
                   f"{fmt(r.get('cpuSeconds'), 2)} | `{f}` |")
    out += ["", "</details>", ""]
    return out


def paper_section(folder):
    runs = load(folder + "/paper.json")
    if not runs:
        return ["## Paper data", "", "Not run (../shared/data/paper-balanced.csv absent or the step was skipped).", ""]
    engines, seeds = [], []
    for r in runs:
        if r["engine"] not in engines:
            engines.append(r["engine"])
        if r["seed"] not in seeds:
            seeds.append(r["seed"])
    by = {(r["engine"], r["seed"]): r for r in runs}
    cmax = max(len(r["bestR2AtMost"]) for r in runs)
    out = ["## Paper data (T, n, AMI → fscore; grouped 25 % test split; same split and budget for every engine)", "",
           "Best test R² among each engine's models of complexity ≤ c (our node count: peers' formulas re-parsed, "
           "numbers folded and 1·x, x+0 … removed, every remaining node counting 1). Ours: the final Pareto front "
           "(evolved on the training part, built and selected on the validation part, constants then refitted on "
           "training + validation rows); pyoperon: its Pareto front on (r2, length); gplearn: the distinct programs of "
           "its last generation. Peers train on training + validation rows.", ""]
    header = "| c | " + " | ".join(f"{e} s{s}" for s in seeds for e in engines) + " | ours ≥ peers |"
    out += [header, "|" + "---:|" * (1 + len(seeds) * len(engines)) + "---|"]
    all_ok = True
    for c in range(1, cmax + 1):
        cells, ok = [], True
        for s in seeds:
            ours = by.get(("ours", s))
            ov = ours["bestR2AtMost"][c - 1] if ours else None
            for e in engines:
                r = by.get((e, s))
                v = r["bestR2AtMost"][c - 1] if r else None
                cells.append(fmt(v))
                if e != "ours" and v is not None and (ov is None or ov < v):
                    ok = False
        all_ok &= ok
        out.append(f"| {c} | " + " | ".join(cells) + f" | {'yes' if ok else '**no**'} |")
    out += ["", f"Target (for every c ≤ {cmax} and seed, ours ≥ each peer): **{'met' if all_ok else 'NOT met'}**.", "",
            "Each engine's own selected model:", "", "| engine | seed | seconds | models | complexity | test R² | formula |",
            "|---|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        sel = r.get("selected") or {}
        f = (sel.get("formula") or "").replace("|", "\\|")
        if len(f) > 160:
            f = f[:160] + "…"
        out.append(f"| {r['engine']} | {r['seed']} | {r['seconds']:.1f} | {r['models']} | {sel.get('complexity') or '–'} | "
                   f"{fmt(sel.get('r2Test'))} | `{f}` |")
    out.append("")
    return out


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: sr_report.py DIR OUT.md")
    folder, target = sys.argv[1], sys.argv[2]
    machine = open(folder + "/machine.txt").read().strip() if os.path.exists(folder + "/machine.txt") else "not recorded"
    lines = [f"# Symbolic-regression benchmarks, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             "Written by `benchmarks/run-sr.sh`; every figure below comes from this one run.", "",
             "Precision: our search evaluates in float64 (Double) throughout; pyoperon evaluates in float32; "
             "gplearn in numpy float64.", "", "## Machine and software", "", "```", machine, "```", ""]
    lines += throughput_section(folder) + recovery_section(folder) + paper_section(folder)
    folder_out = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder_out, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder_out, prefix=".tmp-", suffix=".md")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
