"""Evaluation throughput of pyoperon and gplearn on the shared random programs (Operon's protocol, one thread).

Usage: sr_throughput.py DIR OUT.json   (DIR written by `sr-bench inputs`).
Operon: EvaluateTrees (float32, the engine's own batch evaluator, nthread=1), trees built node by node.
gplearn: _Program.execute (numpy float64) on the same programs.
"""
import sys
import time

import numpy as np

from sr_common import postfix_to_tree, read_csv, read_programs, write_json

REPEATS = 10


def operon_nodes(tree, op, hashes):
    """Operon's postfix order: a node's children precede it, the first child immediately before it."""
    kinds = {"add": op.NodeType.Add, "sub": op.NodeType.Sub, "mul": op.NodeType.Mul, "div": op.NodeType.Div}
    out = []

    def emit(t):
        if t[0] == "x":
            n = op.Node(op.NodeType.Variable, hashes[t[1]])
            n.Value = 1.0
            out.append(n)
        elif t[0] == "c":
            n = op.Node(op.NodeType.Constant)
            n.Value = t[1]
            out.append(n)
        else:
            emit(t[2])
            emit(t[1])
            out.append(op.Node(kinds[t[0]]))

    emit(tree)
    return out


def best_time(fn):
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: sr_throughput.py DIR OUT.json")
    folder, out = sys.argv[1], sys.argv[2]
    programs = read_programs(folder + "/programs.txt")
    trees = [postfix_to_tree(p) for p in programs]
    _, data = read_csv(folder + "/throughput-data.csv")
    nodes = sum(len(p) for p in programs)
    records = []

    import pyoperon as op

    for rows in (100, 1000, 10000):
        x = np.asfortranarray(data[:rows], dtype=np.float32)  # kept alive while ds is used
        ds = op.Dataset(x)
        by_name = {v.Name: v.Hash for v in ds.Variables}
        hashes = [by_name[f"X{i + 1}"] for i in range(data.shape[1])]
        otrees = [op.Tree(operon_nodes(t, op, hashes)).UpdateNodes() for t in trees]
        assert all(t.Length == len(p) for t, p in zip(otrees, programs)), "Operon tree lengths differ"
        result = np.zeros(len(otrees) * rows, dtype=np.float32)
        rng = op.Range(0, rows)
        seconds = best_time(lambda: op.EvaluateTrees(otrees, ds, rng, result, 1))
        res = result.reshape(len(otrees), rows)
        invalid = int(np.sum(~np.all(np.isfinite(res), axis=1)))
        checksum = float(np.median(np.mean(res.astype(np.float64), axis=1))) if rows == 100 else None
        records.append(dict(engine="pyoperon", precision="float32", rows=rows, programs=len(otrees), nodes=nodes,
                            seconds=seconds, nodeEvaluationsPerSecond=nodes * rows / seconds,
                            programsPerSecond=len(otrees) / seconds, invalid=invalid, checksum=checksum))
        print(f"pyoperon rows {rows:6d}  {nodes * rows / seconds:.3e} node-evals/s  {len(otrees) / seconds:.3e} programs/s")

    from gplearn._program import _Program
    from gplearn.fitness import mean_square_error
    from gplearn.functions import add2, div2, mul2, sub2

    functions = {"add": add2, "sub": sub2, "mul": mul2, "div": div2}

    def prefix(t):
        if t[0] == "x":
            return [t[1]]
        if t[0] == "c":
            return [t[1]]
        return [functions[t[0]]] + prefix(t[1]) + prefix(t[2])

    gp = [_Program(function_set=list(functions.values()), arities={2: list(functions.values())}, init_depth=(2, 6),
                   init_method="half and half", n_features=data.shape[1], const_range=(-2.0, 2.0),
                   metric=mean_square_error, p_point_replace=0.05, parsimony_coefficient=0.0,
                   random_state=np.random.RandomState(0), program=prefix(t)) for t in trees]
    assert all(len(g.program) == len(p) for g, p in zip(gp, programs))
    for rows in (100, 1000, 10000):
        x = np.ascontiguousarray(data[:rows])
        outs = [None] * len(gp)

        def run():
            for i, g in enumerate(gp):
                outs[i] = g.execute(x)

        seconds = best_time(run)
        invalid = sum(1 for o in outs if not np.all(np.isfinite(o)))
        checksum = float(np.median([np.mean(o) for o in outs])) if rows == 100 else None
        records.append(dict(engine="gplearn", precision="float64", rows=rows, programs=len(gp), nodes=nodes,
                            seconds=seconds, nodeEvaluationsPerSecond=nodes * rows / seconds,
                            programsPerSecond=len(gp) / seconds, invalid=invalid, checksum=checksum))
        print(f"gplearn  rows {rows:6d}  {nodes * rows / seconds:.3e} node-evals/s  {len(gp) / seconds:.3e} programs/s")
    write_json(records, out)


if __name__ == "__main__":
    main()
