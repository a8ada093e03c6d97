"""Shared helpers of the symbolic-regression peer scripts (pyoperon, gplearn) of benchmarks/run-sr.sh.

The inputs are written by `sr-bench inputs --dir DIR`: programs.txt (postfix programs, one per line: x0..x9,
add sub mul div, numbers are constants), throughput-data.csv, recovery-<seed>.csv, paper-split-<seed>.json.
"""
import json
import os
import tempfile

import numpy as np

BINARY = ("add", "sub", "mul", "div")


def read_programs(path):
    """Returns a list of programs, each a list of postfix tokens."""
    programs = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            tokens = line.split(" ")
            depth = 0
            for t in tokens:
                depth += -1 if t in BINARY else 1
                if depth < 1:
                    raise SystemExit(f"{path}, line {number}: not a valid postfix program")
            if depth != 1:
                raise SystemExit(f"{path}, line {number}: not a valid postfix program")
            programs.append(tokens)
    return programs


def postfix_to_tree(tokens):
    """Nested tuples: ("add", left, right), ("x", index) or ("c", value)."""
    stack = []
    for t in tokens:
        if t in BINARY:
            b = stack.pop()
            a = stack.pop()
            stack.append((t, a, b))
        elif t.startswith("x"):
            stack.append(("x", int(t[1:])))
        else:
            stack.append(("c", float(t)))
    return stack[0]


def read_csv(path):
    """(header, float64 matrix) of an all-numeric CSV."""
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    return header, data


def read_paper(path):
    """Features T, n, AMI and target fscore of the paper data."""
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    cols = [header.index(c) for c in ("n_tasks", "n_tokens_per_task", "mutual_info")]
    return data[:, cols], data[:, header.index("fscore")]


def write_json(value, path):
    """Atomic JSON write (temporary file in the same folder + rename)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(value, f, indent=1, sort_keys=True)
    os.replace(tmp, path)


def r2_score(y, p):
    """Coefficient of determination; None when the prediction is not finite."""
    p = np.asarray(p, dtype=np.float64)
    if p.shape != y.shape or not np.all(np.isfinite(p)):
        return None
    ss = float(np.sum((y - np.mean(y)) ** 2))
    return 1.0 - float(np.sum((y - p) ** 2)) / ss if ss > 0 else None


def gplearn_infix(program, names):
    """A gplearn program (prefix list of functions, feature indices, constants) as an infix formula in our syntax.

    gplearn's protected sqrt and log act on the absolute value, so they are written sqrt(abs(x)) and log(abs(x));
    its protected division (1 when the divisor is within 0.001 of zero) is written as plain division. R² is
    always computed with gplearn's own execute.
    """
    symbols = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
    pos = 0

    def walk():
        nonlocal pos
        node = program[pos]
        pos += 1
        if isinstance(node, (int, np.integer)):
            return names[int(node)]
        if isinstance(node, (float, np.floating)):
            return repr(float(node))
        args = [walk() for _ in range(node.arity)]
        if node.name in symbols:
            return f"({args[0]} {symbols[node.name]} {args[1]})"
        if node.name == "neg":
            return f"(-{args[0]})"
        if node.name == "inv":
            return f"(1 / {args[0]})"
        if node.name in ("sqrt", "log"):
            return f"{node.name}(abs({args[0]}))"
        return f"{node.name}({', '.join(args)})"

    return walk()
