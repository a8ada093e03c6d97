#!/usr/bin/env python3
"""Command-line fuzzing at volume (the suite's ArgumentFuzzTests runs 150 per command): random argument vectors for
`fit-formulas` and `simulate`; every run must end with status 0, 1 or 2 (never a signal or a timeout) and a non-zero
status must come with exactly one `NAME: error: ...` line on stderr.

    python3 scripts/fuzz_cli.py [--runs 10000] [--seed 1] [--bin .build/release]
"""
import argparse, json, math, os, random, subprocess, sys, tempfile

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release"))
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="mtlf-fuzzcli-")
    data = os.path.join(work, "d.csv")
    with open(data, "w") as f:
        f.write("n,T,AMI,fscore,method\n")
        for i, n in enumerate([1000, 2000, 4000, 8000, 16000, 32000]):
            for t in (1, 2):
                f.write(f"{n},{t},0.5,{0.1 * math.log(n) + 0.01 * t},m{i % 2}\n")
    config = os.path.join(work, "grid.json")
    json.dump({"grid": {"tasks": [1, 2], "tokens": [200], "alpha": [0.9]},
               "training": {"epochs": 1, "patience": None, "dev_tokens": 200, "embedding_size": 4,
                            "hidden_sizes": [8]}}, open(config, "w"))
    targets = {
        "fit-formulas": ([data, "--max-evals", "2000"], [
            "--threads", "-1", "0", "3", "--max-evals", "500", "1e9", "nan", "--folds", "1", "--fit", "a + b*log(n)",
            "((", "--group-by", "method", "nope", "--select", "aicc", "bogus", "--operators", "+,-,tan", "--target",
            "fscore", "T", "--features", "n,T", "n,zz", "--test-fraction", "1.5", "--weights", "AMI", "--units",
            "n:x", "--start", "a=2", "a=", "--report", os.path.join(work, "r"), "--honest", "--bootstrap", "--json",
            "/nonexistent/x.json", "--time-limit", "-3", "--population", "--patience", "predict", "--model", data,
            "--index", "7", "--rename", "n:T", "x:y", "--weights-from-sd", "--sd-floor", "-1", "\x7f\u00e9", "--",
        ]),
        "simulate": ([], [
            "--config", config, "/nonexistent.json", "--out", os.path.join(work, "o.csv"), "--shard", "1/2", "3/2",
            "0/0", "--threads", "0", "2", "--method", "alphavil", "graph-star", "soft", "--model", "lstm",
            "bilstm-9fc", "--epochs", "-1", "--resume", "--seed", "x", "tasks", "calibrate", "--ami", "2", "merge",
            "--reps-out", "--log-out", "--patience", "--schedule", "nope", "--activation", "--out-dir", work, "--",
        ]),
    }
    rng = random.Random(a.seed)
    for name, (fixed, vocabulary) in targets.items():
        exe = os.path.abspath(os.path.join(a.bin, name))
        counts = {0: 0, 1: 0, 2: 0}
        for i in range(a.runs):
            args = fixed + [rng.choice(vocabulary) for _ in range(1 + rng.randrange(6))]
            try:
                p = subprocess.run([exe] + args, capture_output=True, timeout=60, stdin=subprocess.DEVNULL, cwd=work)
            except subprocess.TimeoutExpired:
                sys.exit(f"{name} {args}: timed out")
            if p.returncode not in counts:
                sys.exit(f"{name} {args}: status {p.returncode}")
            counts[p.returncode] += 1
            if p.returncode != 0:
                lines = [l for l in p.stderr.decode(errors="replace").split("\n") if l]
                errors = [l for l in lines if l.startswith(f"{name}: error: ")]
                if len(errors) != 1 or lines[-1] != errors[0]:
                    sys.exit(f"{name} {args}: stderr {p.stderr[-300:]!r}")
        print(f"{name}: {a.runs} runs, status 0/1/2: {counts[0]}/{counts[1]}/{counts[2]}, no signal, no timeout")

if __name__ == "__main__":
    main()
