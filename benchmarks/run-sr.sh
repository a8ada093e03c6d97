#!/usr/bin/env bash
# Symbolic-regression benchmarks of issue 4, our engine beside pyoperon and gplearn, in one invocation:
#   1. evaluation throughput (Operon's protocol: 1000 random programs, 100 / 1,000 / 10,000 rows, one thread)
#   2. structure recovery of y = 0.7 + 2/sqrt(n) + 0.15*sqrt(AMI) + noise (ten seeds, one thread)
#   3. paper data (../shared/data/paper-balanced.csv: grouped 25% test split, seeds 0-2, 30 s, 2 threads)
#   4. constant fitting: the engine's hand-written Levenberg-Marquardt against GSL (sr-bench lm, one thread)
# Writes benchmarks/results/sr-<UTC date>.md. Needs swift, python3 (venv + pip, PyPI reachable) and ~10 minutes.
#
# Usage: benchmarks/run-sr.sh [--quick]
#   --quick                  1 paper seed, 5 s, 3 recovery seeds: a smoke test, not figures for the docs
# Environment:
#   SR_BENCH_SCRATCH=DIR     swift build scratch folder (default benchmarks/.build)
#   SR_BENCH_PACKAGE=DIR     package that builds the sr-bench product (default benchmarks/)
#   MTLF_SHARED=DIR          folder holding data/paper-balanced.csv (default ../shared beside the repository)
#   SR_BENCH_WORK=DIR        keep the run's JSON files there (default: a temporary folder, removed at the end)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run-sr.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

package="${SR_BENCH_PACKAGE:-$here}"
scratch="${SR_BENCH_SCRATCH:-$here/.build}"
shared="${MTLF_SHARED:-$(dirname "$repo")/shared}"
paper="$shared/data/paper-balanced.csv"
venv="$here/.venv-sr"

echo "== building sr-bench (release)"
# A second try covers sources that changed while the first build ran.
swift build -c release --package-path "$package" --scratch-path "$scratch" --product sr-bench ||
  swift build -c release --package-path "$package" --scratch-path "$scratch" --product sr-bench
bin="$(swift build -c release --package-path "$package" --scratch-path "$scratch" --show-bin-path)/sr-bench"

echo "== peers: virtual environment $venv"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-sr.txt"
py="$venv/bin/python"
peers="$here/peers"

if [ -n "${SR_BENCH_WORK:-}" ]; then
  work="$SR_BENCH_WORK"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  lscpu | grep -E '^(Model name|Architecture|CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|L1d cache|L2 cache|L3 cache|Hypervisor vendor):' | sed 's/  */ /g'
  echo "SIMD: $(grep -o -w -E 'avx2|avx512f|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$(swift --version 2>&1 | head -1)"
  echo "python: $("$py" --version 2>&1); $("$py" -m pip list --disable-pip-version-check 2>/dev/null | grep -i -E '^(pyoperon|gplearn|numpy|scikit-learn|sympy) ' | tr -s ' ' | paste -sd ';' -)"
} > "$work/machine.txt"

paper_args=()
if [ -f "$paper" ]; then paper_args=(--paper "$paper"); else echo "paper data not found at $paper: paper benchmark skipped"; fi
if [ $quick = 1 ]; then rseeds=3; pseeds=1; seconds=5; else rseeds=10; pseeds=3; seconds=30; fi

echo "== shared inputs"
"$bin" inputs --dir "$work" --recovery-seeds "$rseeds" --paper-seeds "$pseeds" "${paper_args[@]}"

echo "== 1. evaluation throughput"
"$bin" throughput --dir "$work" --out "$work/ours-throughput.json"
(cd "$peers" && "$py" sr_throughput.py "$work" "$work/peers-throughput.json")

echo "== 2. structure recovery"
"$bin" recovery --dir "$work" --seeds "$rseeds" --out "$work/ours-recovery.json"
(cd "$peers" && "$py" sr_recovery.py "$work" "$work/peers-recovery.json")

if [ -f "$paper" ]; then
  echo "== 3. paper data (${seconds} s per run, 2 threads)"
  (cd "$peers" && "$py" sr_paper.py "$work" "$paper" "$work/paper-peers" --seconds "$seconds" --threads 2)
  "$bin" paper --dir "$work" --paper "$paper" --seeds "$pseeds" --time-limit "$seconds" --threads 2 \
    --peers "$work/paper-peers-pyoperon.json" "$work/paper-peers-gplearn.json" --out "$work/paper.json"
fi

out="$here/results/sr-$(date -u +%F).md"
[ $quick = 1 ] && out="$here/results/sr-$(date -u +%F)-quick.md"
(cd "$peers" && "$py" sr_report.py "$work" "$out")

echo "== 4. constant fitting: engine LM vs GSL (one thread)"
lm_time=0.1; [ $quick = 1 ] && lm_time=0.02
"$bin" lm --nist "$repo/Tests/SymbolicRegressionTests/Fixtures" --min-time "$lm_time" --out "$work/lm.md"
{ echo; echo "## Constant fitting: hand-written LM vs GSL (sr-bench lm)"; echo; cat "$work/lm.md"; } >> "$out"
echo "report: $out"
