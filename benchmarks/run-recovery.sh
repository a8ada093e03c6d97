#!/usr/bin/env bash
# Recovery suite (issue 12): 26 ground-truth laws (benchmarks/recovery/laws.json: 12 MTL-shaped laws in T, n, AMI and
# 14 AI Feynman laws), noise 0 and 1%, two seeds, 300 rows, one thread, 15 s per fit; our engine, pyoperon and gplearn
# on the same data; exactness judged with sympy as SRBench does (benchmarks/recovery/recovery.py says how).
# Writes benchmarks/results/recovery-<UTC date>.md and .json. About 26 min per engine with -j 1.
#
# Usage: benchmarks/run-recovery.sh [--quick] [--engines ours,operon,gplearn] [--laws a,b] [-j N]
#                                   [--work DIR] [--reuse DIR] [--fit-formulas PATH]
#   --quick          4 laws, noise 0, seed 1, 5 s: a smoke test, not figures for the docs
#   --work DIR       keep per-job results there (default benchmarks/.recovery-work/run); finished jobs are skipped
#   --reuse DIR      also report the jobs of an earlier work folder (e.g. the peers' run; repeatable)
#   --fit-formulas P the fit-formulas binary (default: build the repository's release product)
# Example: rerun only our engine, reusing the peers' results:
#   benchmarks/run-recovery.sh --engines ours -j 2 --work benchmarks/.recovery-work/ours --reuse benchmarks/.recovery-work/peers
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
engines="ours,operon,gplearn"; laws=""; jobs=1; work="$here/.recovery-work/run"; reuse=(); binary=""; quick=0
while (($#)); do
  case "$1" in
    --quick) quick=1 ;;
    --engines) engines="$2"; shift ;;
    --laws) laws="$2"; shift ;;
    -j) jobs="$2"; shift ;;
    --work) work="$2"; shift ;;
    --reuse) reuse+=(--reuse "$2"); shift ;;
    --fit-formulas) binary="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run-recovery.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ -z "$binary" && ",$engines," == *",ours,"* ]]; then
  echo "== building fit-formulas (release)"
  swift build -c release --package-path "$repo" --product fit-formulas
  binary="$(swift build -c release --package-path "$repo" --show-bin-path)/fit-formulas"
fi
venv="$here/.venv-sr"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-sr.txt"
py="$venv/bin/python"
(cd "$here/recovery" && "$py" test_judge.py)

extra=()
if ((quick)); then
  extra=(--noise 0 --seeds 1 --seconds 5)
  [[ -z "$laws" ]] && laws="mtl-inverse-sqrt,mtl-log-plus-product,feynman-I.6.2a,feynman-I.14.3"
fi
[[ -n "$laws" ]] && extra+=(--laws "$laws")
mkdir -p "$work" "$here/results"
"$py" "$here/recovery/recovery.py" run --work "$work" --engines "$engines" -j "$jobs" ${binary:+--fit-formulas "$binary"} "${extra[@]}"
out="$here/results/recovery-$(date -u +%Y-%m-%d).md"
((quick)) && out="$work/recovery-quick.md"
"$py" "$here/recovery/recovery.py" report --work "$work" --out "$out" -j "$jobs" "${reuse[@]}"
{
  echo ""
  echo "## Machine"
  echo ""
  echo "- $(lscpu | grep -E '^Model name:' | sed 's/  */ /g'); $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $(swift --version 2>&1 | head -1); $("$py" --version 2>&1); $("$py" -m pip list --disable-pip-version-check 2>/dev/null | grep -i -E '^(pyoperon|gplearn|sympy) ' | tr -s ' ' | paste -sd ';' -)"
  echo "- command: benchmarks/run-recovery.sh --engines $engines -j $jobs"
} >> "$out"
echo "wrote $out"
