"""pyoperon and gplearn on the paper data (T, n, AMI -> fscore) with the same grouped splits and budget as ours.

Usage: sr_paper.py DIR PAPER.csv OUT_PREFIX [--seconds 30] [--threads 2]
Reads DIR/paper-split-<seed>.json (written by `sr-bench inputs`); both peers train on train + validation rows and
are scored on the test rows. Writes OUT_PREFIX-pyoperon.json and OUT_PREFIX-gplearn.json: per seed, every model
(pyoperon: its Pareto front on r2 and length; gplearn: the distinct programs of its last generation) as an infix
formula with its test R², plus the engine's own selected model. `sr-bench paper` counts the formulas' nodes.
"""
import argparse
import glob
import json
import re
import time

import numpy as np

from sr_common import gplearn_infix, r2_score, read_paper, write_json

NAMES = ["T", "n", "AMI"]


def operon(x, y, xt, yt, seed, seconds, threads):
    from pyoperon.sklearn import SymbolicRegressor

    reg = SymbolicRegressor(allowed_symbols="add,sub,mul,div,sqrt,log,exp,square,constant,variable",
                            objectives=["r2", "length"], max_length=25, population_size=1000, generations=10**9,
                            max_evaluations=10**12, max_time=int(seconds), n_threads=threads, random_state=seed)
    reg.fit(x, y)
    models = []
    for entry in reg.pareto_front_:
        tree = entry["tree"]
        models.append(dict(formula=reg.get_model_string(tree, 12, NAMES),
                           r2Test=r2_score(yt, reg.evaluate_model(tree, xt))))
    selected = dict(formula=reg.get_model_string(reg.model_, 12, NAMES), r2Test=r2_score(yt, reg.predict(xt)))
    return models, selected


def gplearn(x, y, xt, yt, seed, seconds, threads):
    from gplearn.genetic import SymbolicRegressor

    reg = SymbolicRegressor(function_set=("add", "sub", "mul", "div", "sqrt", "log"), population_size=1000,
                            generations=1, random_state=seed, n_jobs=threads, warm_start=True)
    t0 = time.perf_counter()
    reg.fit(x, y)
    per_generation = time.perf_counter() - t0
    # gplearn has no time limit: add generations while the next one still fits into the budget.
    while time.perf_counter() - t0 + per_generation <= seconds:
        g0 = time.perf_counter()
        reg.set_params(generations=reg.generations + 1)
        reg.fit(x, y)
        per_generation = time.perf_counter() - g0
    seen = {}
    for program in reg._programs[-1]:
        if program is None:
            continue
        formula = gplearn_infix(program.program, NAMES)
        if formula not in seen:
            seen[formula] = r2_score(yt, program.execute(xt))
    models = [dict(formula=f, r2Test=r) for f, r in seen.items()]
    selected = dict(formula=gplearn_infix(reg._program.program, NAMES), r2Test=r2_score(yt, reg.predict(xt)))
    return models, selected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("paper")
    ap.add_argument("out_prefix")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    x_all, y_all = read_paper(a.paper)
    paths = sorted(glob.glob(a.dir + "/paper-split-*.json"), key=lambda p: int(re.findall(r"(\d+)\.json$", p)[0]))
    for engine, fit in (("pyoperon", operon), ("gplearn", gplearn)):
        runs = []
        for path in paths:
            with open(path) as f:
                split = json.load(f)
            fit_rows = np.array(split["train"] + split["validation"], dtype=int)
            test = np.array(split["test"], dtype=int)
            t0 = time.perf_counter()
            models, selected = fit(x_all[fit_rows], y_all[fit_rows], x_all[test], y_all[test], split["seed"],
                                   a.seconds, a.threads)
            seconds = time.perf_counter() - t0
            best = max((m["r2Test"] for m in models if m["r2Test"] is not None), default=None)
            print(f"{engine:8s} seed {split['seed']}  {seconds:.1f} s  {len(models)} models  best test R² {best}  "
                  f"selected: {selected['formula'][:120]}  test R² {selected['r2Test']}")
            runs.append(dict(engine=engine, seed=split["seed"], seconds=seconds, models=models, selected=selected))
        write_json(runs, f"{a.out_prefix}-{engine}.json")


if __name__ == "__main__":
    main()
