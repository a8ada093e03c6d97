#!/usr/bin/env python3
"""Crash-safety driver: kill -9 `simulate` and `fit-formulas --checkpoint` at random moments, resume each time, and
check that the final outputs equal an uninterrupted run (no lost, doubled or half-written rows).

    python3 scripts/kill_resume.py [--kills 20] [--seed 1] [--bin .build/release]

Prints one line per kill and a summary; exits non-zero on any difference. Uses only the standard library.
"""
import argparse, csv, io, json, os, random, signal, subprocess, sys, tempfile, time

GRID = {
    "name": "kill-resume", "seed": 3, "repetitions": 2, "methods": ["hard-sharing", "alphavil"],
    "grid": {"tasks": [1, 2, 3], "tokens": [300, 600], "alpha": [0.9]},
    "training": {"model": "window-mlp", "epochs": 3, "patience": None, "dev_tokens": 300, "embedding_size": 8,
                 "hidden_sizes": [16]},
}


def table(path):
    rows = list(csv.reader(open(path)))
    k = rows[0].index("seconds")
    return [r[:k] + r[k + 1:] for r in rows]


def killed_runs(cmd, kills, rng, label, check):
    """Starts `cmd` repeatedly, SIGKILLs it after a random delay, until `kills` kills happened; then runs it to the
    end. `check()` is called after every kill (the files must be valid at every moment). Returns the kill count."""
    done = 0
    while done < kills:
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        delay = rng.uniform(0.05, 1.2)
        try:
            p.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            finished = False
        if finished:
            if p.returncode != 0:
                sys.exit(f"{label}: exit {p.returncode}: {p.stderr.read().decode()[-400:]}")
            # Finished before the kill: start again from scratch so every kill lands in a run.
            return done, True
        done += 1
        check()
        print(f"{label}: kill after {time.monotonic() - start:.2f} s: files valid")
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"{label}: final run exit {p.returncode}: {p.stderr.decode()[-400:]}")
    return done, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    simulate = os.path.join(a.bin, "simulate")
    fit = os.path.join(a.bin, "fit-formulas")
    work = tempfile.mkdtemp(prefix="mtlf-kill-")
    config = os.path.join(work, "grid.json")
    json.dump(GRID, open(config, "w"))

    # simulate: uninterrupted reference, then killed and resumed runs until `kills` kills.
    ref, ref_reps = os.path.join(work, "ref.csv"), os.path.join(work, "ref-reps.csv")
    subprocess.run([simulate, "--config", config, "--out", ref, "--reps-out", ref_reps, "--quiet", "--threads", "2"],
                   check=True)
    out, reps = os.path.join(work, "out.csv"), os.path.join(work, "reps.csv")

    def check_csv():
        for path in (out, reps):
            if not os.path.exists(path):
                continue
            text = open(path).read()
            lines = text.split("\n")
            if text and not text.endswith("\n"):
                lines = lines[:-1]  # a cut-off last line is allowed; resume drops it
            width = len(lines[0].split(","))
            bad = [l for l in lines[1:] if l and len(l.split(",")) != width]
            if bad:
                sys.exit(f"simulate: {path} has a malformed row after a kill: {bad[0][:80]}")

    kills = 0
    while kills < a.kills:
        for path in (out, reps):
            if os.path.exists(path) and kills == 0:
                os.remove(path)
        n, finished = killed_runs(
            [simulate, "--config", config, "--out", out, "--reps-out", reps, "--quiet", "--threads", "2", "--resume"],
            a.kills - kills, rng, "simulate", check_csv)
        kills += n
        if table(out) != table(ref) or table(reps) != table(ref_reps):
            sys.exit("simulate: resumed tables differ from the uninterrupted run")
        if finished:
            for path in (out, reps):
                os.remove(path)
    print(f"simulate: {kills} kills, resumed tables equal the uninterrupted run (all but seconds)")

    # fit-formulas: a checkpointed search, killed and resumed.
    data = ref_reps
    base = [fit, data, "--target", "fscore", "--features", "T,n,AMI", "--seed", "2", "--max-evals", "400000",
            "--threads", "1"]
    ref_json = os.path.join(work, "ref.json")
    subprocess.run(base + ["--json", ref_json], check=True, stdout=subprocess.DEVNULL)
    out_json, ckpt = os.path.join(work, "out.json"), os.path.join(work, "search.ckpt")

    def check_ckpt():
        if os.path.exists(ckpt):
            json.load(open(ckpt))  # never half-written: temp file, fsync, rename

    def strip(path):
        d = json.load(open(path))
        d.pop("run", None)
        return d

    kills = 0
    while kills < a.kills:
        if kills == 0:
            for path in (out_json, ckpt):
                if os.path.exists(path):
                    os.remove(path)
        n, finished = killed_runs(base + ["--json", out_json, "--checkpoint", ckpt, "--resume"], a.kills - kills, rng,
                                  "fit-formulas", check_ckpt)
        kills += n
        if strip(out_json) != strip(ref_json):
            sys.exit("fit-formulas: the resumed search's document differs from the uninterrupted run")
        if finished:
            for path in (out_json, ckpt):
                os.remove(path)
    print(f"fit-formulas: {kills} kills, resumed result document equal to the uninterrupted run (all but run)")


if __name__ == "__main__":
    main()
