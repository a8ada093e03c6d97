#!/usr/bin/env python3
"""Draws docs/mtl-core-quick.svg from a `simulate` results CSV (standard library only).

Left: main-task F1 against n (log axis), one line per (T, AMI level); right: MTL benefit against AMI, one line per (T, n).
Usage: scripts/plot_quick_grid.py results.csv docs/mtl-core-quick.svg
"""
import csv
import math
import sys

COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]


def panel(x0, title, xlabel, series, xlog, yrange):
    """SVG for one panel: series = [(label, [(x, y), ...])]."""
    w, h, top = 330, 230, 50
    xs = [x for _, pts in series for x, _ in pts]
    fx = (lambda v: math.log10(v)) if xlog else (lambda v: v)
    lo, hi = (min(map(fx, xs)), max(map(fx, xs))) if xlog else (0.0, 1.0)
    ylo, yhi = yrange
    px = lambda v: x0 + 10 + (fx(v) - lo) / (hi - lo) * (w - 20)
    py = lambda v: top + h - (v - ylo) / (yhi - ylo) * h
    out = [f'<text x="{x0 + w / 2}" y="35" text-anchor="middle" font-size="14" font-weight="bold">{title}</text>',
           f'<rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="none" stroke="#444"/>',
           f'<text x="{x0 + w / 2}" y="{top + h + 38}" text-anchor="middle" font-size="12">{xlabel}</text>']
    steps = 5
    for i in range(steps + 1):
        v = ylo + (yhi - ylo) * i / steps
        out.append(f'<line x1="{x0}" x2="{x0 + w}" y1="{py(v):.1f}" y2="{py(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 - 6}" y="{py(v) + 4:.1f}" text-anchor="end" font-size="11">{v:.2f}</text>')
    for v in (sorted(set(xs)) if xlog else [i / 5 for i in range(6)]):
        out.append(f'<text x="{px(v):.1f}" y="{top + h + 16}" text-anchor="middle" font-size="11">{v:g}</text>')
    if ylo < 0 < yhi:
        out.append(f'<line x1="{x0}" x2="{x0 + w}" y1="{py(0):.1f}" y2="{py(0):.1f}" stroke="#444" stroke-dasharray="4 3"/>')
    for k, (label, pts) in enumerate(series):
        c = COLOURS[k % len(COLOURS)]
        pts = sorted(pts)
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
        for x, y in pts:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"/>')
        out.append(f'<text x="{x0 + w + 8}" y="{top + 12 + 14 * k}" font-size="11" fill="{c}">{label}</text>')
    return out


def main(source, target):
    rows = list(csv.DictReader(open(source)))
    f1 = {}
    benefit = {}
    for r in rows:
        t, n, ami = int(r["n_tasks"]), int(r["n_tokens_per_task"]), float(r["mutual_info"])
        level = "STL" if t == 1 else f"T={t}, AMI≈{round(ami, 1):.1f}"
        f1.setdefault(level, []).append((n, float(r["fscore"])))
        if t > 1:
            benefit.setdefault((t, n), []).append((ami, float(r["benefit"])))
    b = [y for pts in benefit.values() for _, y in pts]
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="340" font-family="sans-serif">',
           '<rect width="100%" height="100%" fill="white"/>']
    out += panel(60, "Main-task F1 vs n", "n (main-task training tokens, log)", sorted(f1.items()), True, (0, 1))
    lines = [(f"T={t}, n={n}", pts) for (t, n), pts in sorted(benefit.items())]
    out += panel(560, "MTL benefit vs AMI", "AMI of the auxiliary tasks", lines, False,
                 (math.floor(min(b) * 10) / 10, math.ceil(max(b) * 10) / 10))
    out.append("</svg>")
    with open(target, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
