"""Turns the JSON lines of one benchmarks/run-mtl.sh run into benchmarks/results/mtl-<date>.md.

Usage: python3 mtl_report.py RAW.jsonl OUT.md [--note TEXT]...   (standard library only; the file is written atomically)
Records are recognised by their keys: throughput ("peer"), grid wall time ("points" + "tokens_per_second"),
simulate wall time ("kind": "simulate"), projection ("seconds_at_max_epochs"), memory ("peak_rss_mib" + "tokens_per_epoch"),
machine facts ("kind": "machine").
"""

import json
import os
import sys
import tempfile


def hours(seconds):
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    if seconds < 3 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def mode_of(r):
    if r.get("copies", 1) > 1:
        return f"{r['copies']} trainings at once, 1 thread each"
    return f"1 training, {r['threads']} thread{'s' if r['threads'] > 1 else ''}"


def peer_name(r):
    name = r["peer"]
    if r["peer"] != "MTLCore" and r.get("variant") == "last-step":
        name += " (1-step backward LSTM)"
    return name


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: mtl_report.py RAW.jsonl OUT.md [--note TEXT]...")
    raw, out = argv[0], argv[1]
    notes = [argv[i + 1] for i in range(2, len(argv) - 1) if argv[i] == "--note"]
    records = []
    with open(raw) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                records.append(json.loads(line))
    machine = [r for r in records if r.get("kind") == "machine"]
    throughput = [r for r in records if "peer" in r]
    grids = [r for r in records if "points" in r and "tokens_per_second" in r]
    simulate = [r for r in records if r.get("kind") == "simulate"]
    projections = [r for r in records if "seconds_at_max_epochs" in r]
    memory = [r for r in records if "peak_rss_mib" in r and "tokens_per_epoch" in r]

    lines = ["# MTL training benchmarks", ""]
    for m in machine:
        lines += [f"- {k}: {v}" for k, v in m.items() if k != "kind"]
    lines += [f"- {n}" for n in notes]
    lines.append("")

    if throughput:
        lines += ["## Training throughput (tokens/s, synthetic data of the paper's shapes)", "",
                  "T = 2 tasks × 2,000 windows, batch 100, round-robin over tasks, Adam; median of the timed trials "
                  "(best in brackets). PyTorch and JAX re-build the authors' model; `ours/PyTorch` divides by the "
                  "PyTorch row of the same model and mode. *tokens per CPU-s* divides by the CPU time of the "
                  "training's threads instead of the wall clock: on a machine shared with other work it estimates "
                  "the per-core rate of an idle machine (for 2 trainings at once it is per core, so an idle machine "
                  "gives about twice that in wall-clock tokens/s).", ""]
        for model in ("bilstm-2fc", "window-mlp"):
            rows = [r for r in throughput if r["model"] == model]
            if not rows:
                continue
            lines += [f"### {model}", "", "| mode | peer | version | tokens/s (wall) | ours/PyTorch | tokens per CPU-s | ours/PyTorch |",
                      "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
            modes = []
            for r in rows:
                if mode_of(r) not in modes:
                    modes.append(mode_of(r))
            for mode in modes:
                in_mode = [r for r in rows if mode_of(r) == mode]
                torch = next((r for r in in_mode if r["peer"] == "PyTorch" and r.get("variant") in ("paper", "")), None)
                for r in in_mode:
                    ratio = cpu_ratio = ""
                    if r["peer"] == "MTLCore" and torch and torch["median"] > 0:
                        ratio = f"**{r['median'] / torch['median']:.2f}×**"
                        if torch.get("cpu_median", 0) > 0:
                            cpu_ratio = f"**{r['cpu_median'] / torch['cpu_median']:.2f}×**"
                    version = r["version"].split(" NO_")[0] if r["peer"] == "MTLCore" else r["version"]
                    lines.append(f"| {mode} | {peer_name(r)} | {version} | {r['median']:,.0f} ({r['best']:,.0f}) | {ratio} | "
                                 f"{r.get('cpu_median', 0):,.0f} | {cpu_ratio} |")
            lines.append("")

    if simulate or grids:
        lines += ["## Wall time of a grid end to end", "",
                  "*CPU s / threads* estimates the wall time on otherwise idle cores.", "",
                  "| run | config | model | threads | seconds (wall) | CPU s / threads | tokens/s | peak RSS |",
                  "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in simulate:
            lines.append(f"| `{r['command']}` | {r['config']} | {r.get('model', 'config default')} | {r.get('threads', '')} | "
                         f"{r['seconds']:.1f} | | | |")
        for r in grids:
            cpu = f"{r['cpu_seconds'] / r['threads']:.1f}" if "cpu_seconds" in r else ""
            lines.append(f"| mtl-bench grid (GridRunner) | {r['config']} | {r['model']} | {r['threads']} | {r['seconds']:.1f} | "
                         f"{cpu} | {r['tokens_per_second']:,.0f} | {r['peak_rss_mib']} MiB |")
        lines.append("")

    if projections:
        lines += ["## Projected wall time of a whole config", "",
                  "From timed trainings of a few of its points (family generation, dev evaluation every epoch when the "
                  "config stops early, test evaluation), with as many copies at once as threads; per training "
                  "time = a + epochs·b, a and b linear in the training windows per epoch, summed over every training "
                  "and divided by the threads. *idle cores* uses the trainings' thread CPU time (the estimate for an "
                  "otherwise idle machine), *measured wall* the wall clock of this run.", ""]
        for r in projections:
            lines += [f"### {r['config']}, {r['model']}, {r['threads']} threads", "",
                      f"- {r['trainings']} trainings ({r['points']} points × repetitions + single-task baselines), "
                      f"{r['training_tokens_at_max_epochs']:.3g} training tokens at {r['max_epochs']} epochs; "
                      f"{r['cpu_seconds_per_training_token'] * 1e6:.1f} CPU-µs per training token "
                      f"({1 / r['cpu_seconds_per_training_token']:,.0f} tokens per CPU-s) at the sampled points.",
                      f"- at {r['max_epochs']} epochs (the paper): **{hours(r['cpu_seconds_at_max_epochs'])}** on idle cores "
                      f"(measured wall: {hours(r['seconds_at_max_epochs'])})",
                      f"- at the earliest early stop ({r['earliest_stop_epochs']} epochs): "
                      f"**{hours(r['cpu_seconds_at_earliest_stop'])}** on idle cores "
                      f"(measured wall: {hours(r['seconds_at_earliest_stop'])})"]
            if r.get("cpu_seconds_at_mean_early_stop") is not None:
                e = r["early_stop_epochs"]
                lines.append(f"- with the config's early stopping as trained on {len(e)} sampled points (epochs {e}, mean "
                             f"{sum(e) / len(e):.1f}): **{hours(r['cpu_seconds_at_mean_early_stop'])}** on idle cores")
            lines.append("")

    if memory:
        lines += ["## Peak memory at the largest point", "", "| config | model | T | training windows | epochs | seconds | "
                  "peak RSS | RSS after loading corpus |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in memory:
            lines.append(f"| {r['config']} | {r['model']} | {r['tasks']} | {r['tokens_per_epoch']:,} | {r['epochs']} | "
                         f"{r['seconds']:.1f} | {r['peak_rss_mib']:.0f} MiB | {r['after_load_rss_mib']:.0f} MiB |")
        lines.append("")

    lines += ["Raw records: the `.jsonl` file of the same name.", ""]
    directory = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".mtl-report-")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines))
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
