"""Structure recovery of y = c0 + c1/sqrt(n) + c2*sqrt(AMI) by pyoperon and gplearn (ten seeds, one thread).

Usage: sr_recovery.py DIR OUT.json   (DIR written by `sr-bench inputs`: recovery-<seed>.csv with T, n, AMI, y).
pyoperon: the settings measured in docs (NSGA-II on r2 and length, LM 5 iterations, population 1000, length <= 20,
500k evaluations, uncertainty 0.002, MDL selection) with our default operator set. gplearn: defaults with the
same operators where it has them (+ - * / sqrt log). A formula counts as recovered when sympy shows it equals
a + b/sqrt(n) + c*sqrt(AMI) with non-zero numbers a, b, c (redundant constants allowed for the peers).
"""
import glob
import re
import sys
import time

from sr_common import gplearn_infix, r2_score, read_csv, write_json

NAMES = ["T", "n", "AMI"]


def recovered(formula):
    import sympy as sp

    t, n, ami, u, v = sp.symbols("T n AMI u v", positive=True)
    try:
        e = sp.sympify(formula.replace("^", "**"), locals={"T": t, "n": n, "AMI": ami, "sqrt": sp.sqrt, "log": sp.log,
                                                             "exp": sp.exp})
        e = sp.expand(sp.powsimp(sp.expand(e.subs({n: 1 / u**2, ami: v**2})), force=True))
        if e.free_symbols - {u, v}:
            return False
        poly = sp.Poly(e, u, v)
        terms = {m: complex(c) for m, c in poly.terms()}
    except Exception:  # any formula sympy cannot bring into that form (complex values, unknown functions) fails
        return False
    if any(abs(c.imag) > 1e-12 for c in terms.values()):
        return False
    return {m for m, c in terms.items() if abs(c.real) > 1e-12} == {(0, 0), (1, 0), (0, 1)}


def operon(x, y, seed):
    from pyoperon.sklearn import SymbolicRegressor

    reg = SymbolicRegressor(allowed_symbols="add,sub,mul,div,sqrt,log,exp,square,constant,variable",
                            objectives=["r2", "length"], optimizer_iterations=5, population_size=1000, max_length=20,
                            max_evaluations=500_000, generations=10_000, uncertainty=[0.002],
                            model_selection_criterion="minimum_description_length", n_threads=1, random_state=seed)
    reg.fit(x, y)
    return reg.get_model_string(reg.model_, 6, NAMES), reg.predict(x)


def gplearn(x, y, seed):
    from gplearn.genetic import SymbolicRegressor

    reg = SymbolicRegressor(function_set=("add", "sub", "mul", "div", "sqrt", "log"), random_state=seed, n_jobs=1)
    reg.fit(x, y)
    return gplearn_infix(reg._program.program, NAMES), reg.predict(x)


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: sr_recovery.py DIR OUT.json")
    folder, out = sys.argv[1], sys.argv[2]
    paths = sorted(glob.glob(folder + "/recovery-*.csv"), key=lambda p: int(re.findall(r"(\d+)\.csv$", p)[0]))
    records = []
    for engine, fit in (("pyoperon", operon), ("gplearn", gplearn)):
        for path in paths:
            seed = int(re.findall(r"(\d+)\.csv$", path)[0])
            header, data = read_csv(path)
            x = data[:, [header.index(c) for c in NAMES]]
            y = data[:, header.index("y")]
            t0, c0 = time.perf_counter(), time.process_time()
            formula, prediction = fit(x, y, seed)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            ok = recovered(formula)
            records.append(dict(engine=engine, seed=seed, seconds=seconds, cpuSeconds=cpu, recovered=ok, formula=formula,
                                r2Train=r2_score(y, prediction)))
            print(f"{engine:8s} seed {seed}  {seconds:.2f} s (CPU {cpu:.2f} s)  {'recovered' if ok else 'MISSED'}  {formula[:160]}")
    write_json(records, out)


if __name__ == "__main__":
    main()
