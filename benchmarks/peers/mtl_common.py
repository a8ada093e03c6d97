"""Shared parts of the MTL training-throughput peers (mtl_torch.py, mtl_jax.py).

Every peer trains the same synthetic multitask problem as `mtl-bench throughput`:
T tasks of n training windows each (7 random token ids from a vocabulary of V words, one of 5 labels),
batches of 100, tasks visited round-robin (all batches of task 0, then task 1, ...), one Adam step per batch
on that task's loss. Throughput is training windows (tokens) per second, measured over timed trials after a
warm-up, and printed as one JSON line.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

WINDOW = 7
CLASSES = 5
MODELS = ("bilstm-2fc", "window-mlp")


def parse_args(peer: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=f"MTL training throughput of the {peer} peer (synthetic data)")
    p.add_argument("--model", choices=MODELS, default="bilstm-2fc")
    p.add_argument("--threads", type=int, default=1, help="intra-op threads of one training")
    p.add_argument("--copies", type=int, default=1,
                   help="run this many single-threaded trainings at once (separate processes) and sum their rates")
    p.add_argument("--tasks", type=int, default=2, help="T, tasks including the main task")
    p.add_argument("--tokens-per-task", type=int, default=2000, help="n, training windows per task")
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--vocab", type=int, default=10000, help="vocabulary size V")
    p.add_argument("--seconds", type=float, default=5.0, help="minimum length of one timed trial")
    p.add_argument("--trials", type=int, default=3)
    p.add_argument("--warmup-seconds", type=float, default=2.0)
    p.add_argument("--variant", default="paper",
                   help="bilstm-2fc only: 'paper' (full bidirectional LSTM over the window, as the authors) or "
                        "'last-step' (backward direction computed for the last token only: the same numbers, "
                        "the shortcut MTLCore takes)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--copy-index", type=int, default=0, help=argparse.SUPPRESS)  # set by --copies for each copy
    return p.parse_args()


def synthetic_data(args):
    """Per task: ids (n×7 int32) and labels (n int32); the same generator for every peer."""
    rng = np.random.default_rng(args.seed)
    data = []
    for _ in range(args.tasks):
        ids = rng.integers(2, args.vocab, size=(args.tokens_per_task, WINDOW), dtype=np.int32)
        labels = rng.integers(0, CLASSES, size=args.tokens_per_task, dtype=np.int32)
        data.append((ids, labels))
    return data


def batches(args, data, rng):
    """Endless round-robin stream of (task, ids, labels): every batch of task 0 (shuffled), then task 1, ..."""
    while True:
        for t, (ids, labels) in enumerate(data):
            order = rng.permutation(len(labels))
            for s in range(0, len(order), args.batch):
                sel = order[s:s + args.batch]
                yield t, ids[sel], labels[sel]


def measure(args, step, sync=lambda: None):
    """Runs `step(task, ids, labels)` over the round-robin stream: warm-up, then timed trials.
    Returns (tokens per wall-clock second, tokens per CPU second of this process) of each trial."""
    rng = np.random.default_rng(args.seed + 1)
    data = synthetic_data(args)
    stream = batches(args, data, rng)
    start = time.perf_counter()
    while time.perf_counter() - start < args.warmup_seconds:
        t, x, y = next(stream)
        step(t, x, y)
    sync()
    rates, cpu_rates = [], []
    for _ in range(args.trials):
        tokens = 0
        start, cpu_start = time.perf_counter(), time.process_time()
        while True:
            t, x, y = next(stream)
            step(t, x, y)
            tokens += len(y)
            if time.perf_counter() - start >= args.seconds:
                sync()
                elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
                break
        rates.append(tokens / elapsed)
        cpu_rates.append(tokens / cpu if cpu > 0 else 0.0)
    return rates, cpu_rates


def run_copies(args, script: str):
    """--copies K: K single-threaded copies of this script at once; the rate of each trial is summed."""
    argv = sys.argv[1:]
    cleaned = []
    skip = False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in ("--copies", "--threads"):
            skip = True
            continue
        if a.startswith("--copies=") or a.startswith("--threads="):
            continue
        cleaned.append(a)
    procs = []
    for k in range(args.copies):
        cmd = [sys.executable, script, *cleaned, "--threads", "1", "--seed", str(args.seed + 100 * k),
               "--copy-index", str(k)]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True))
    results = []
    for p in procs:
        out, _ = p.communicate()
        if p.returncode != 0:
            sys.exit(f"a copy failed with exit status {p.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    first = results[0]
    trials = min(len(r["rates"]) for r in results)
    first["rates"] = [round(sum(r["rates"][i] for r in results), 1) for i in range(trials)]
    # Tokens per CPU second over all copies: total tokens / total CPU time.
    first["cpu_rates"] = [round(sum(r["rates"][i] for r in results) /
                                sum(r["rates"][i] / r["cpu_rates"][i] for r in results if r["cpu_rates"][i] > 0), 1)
                          for i in range(trials)]
    first["cpu_median"] = round(float(np.median(first["cpu_rates"])), 1)
    first["median"] = round(float(np.median(first["rates"])), 1)
    first["best"] = round(max(first["rates"]), 1)
    first["threads"] = 1
    first["copies"] = args.copies
    first["seed"] = args.seed
    return first


def report(peer: str, version: str, args, measured, extra=None):
    rates, cpu_rates = measured
    rec = {
        "peer": peer, "version": version, "model": args.model, "variant": args.variant if args.model == "bilstm-2fc" else "",
        "threads": args.threads, "copies": args.copies, "tasks": args.tasks, "tokens_per_task": args.tokens_per_task,
        "batch": args.batch, "vocab": args.vocab, "rates": [round(r, 1) for r in rates],
        "median": round(float(np.median(rates)), 1), "best": round(max(rates), 1),
        "cpu_rates": [round(r, 1) for r in cpu_rates], "cpu_median": round(float(np.median(cpu_rates)), 1),
        "cpu": os.cpu_count(),
    }
    if extra:
        rec.update(extra)
    print(json.dumps(rec), flush=True)
