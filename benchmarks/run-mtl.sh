#!/usr/bin/env bash
# MTL training benchmarks: MTLCore (mtl-bench) next to the authors' model re-built in PyTorch and JAX, on CPU.
#
#   benchmarks/run-mtl.sh            # full run (~25 min on 2 cores once built; the first venv install downloads ~5 GB)
#   benchmarks/run-mtl.sh --quick    # shorter trials, no bilstm projection (a smoke run, ~8 min)
#   benchmarks/run-mtl.sh --no-peers # ours only (no Python environment needed)
#   benchmarks/run-mtl.sh --throughput-only   # only the side-by-side throughput (~8 min): mtl-<date>-throughput.md
#   benchmarks/run-mtl.sh --methods  # tokens/s of every MTL method relative to hard sharing at T = 2, 5, 10 (~3 min):
#                                    # mtl-methods-<date>.md, from `simulate` on benchmarks/mtl-methods.json, 1 thread
#
# Steps: builds mtl-bench in release; creates benchmarks/.venv-mtl from requirements-mtl.txt (full `pip install torch`:
# the CPU-only install with --no-deps does not import); measures training throughput of bilstm-2fc and window-mlp at
# 1 thread, 2 threads (one training) and 2 trainings at once, for ours, PyTorch and JAX; times simulator/quick.json end
# to end; projects the wall time of simulator/paper-balanced.json; measures peak memory at its largest point.
# Writes benchmarks/results/mtl-<date>.md and the raw records mtl-<date>.jsonl.
#
# Environment: MTL_BENCH_BIN (a built mtl-bench, skips the build), MTL_BENCH_VENV (another venv folder),
# MTL_BENCH_SCRATCH (SwiftPM scratch path of the build), SIMULATE_BIN (time this `simulate` on quick.json;
# default ../.build/release/simulate when it exists), PYTHON (interpreter that creates the venv, default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

quick=0
peers=1
only_throughput=0
methods_only=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --no-peers) peers=0 ;;
    --throughput-only) only_throughput=1 ;;
    --methods) methods_only=1 ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run-mtl.sh: unknown option '$arg' (expected --quick, --no-peers, --throughput-only, --methods)" >&2; exit 2 ;;
  esac
done

if [[ $methods_only == 1 ]]; then
  simulate="${SIMULATE_BIN:-$root/.build/release/simulate}"
  if [[ ! -x "$simulate" ]]; then (cd "$root" && swift build -c release --product simulate >&2); fi
  mkdir -p "$here/results"
  out="$here/results/mtl-methods-$(date -u +%Y-%m-%d)"
  "$simulate" --config "$here/mtl-methods.json" --out "$out.csv" --threads 1 --quiet
  python3 - "$out.csv" > "$out.md" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
epochs = 3  # benchmarks/mtl-methods.json
rate = {}
for r in rows:
    if int(r["n_tasks"]) < 2: continue
    tokens = epochs * int(r["n_tokens_total"])
    rate[(r["method"], int(r["n_tasks"]))] = tokens / float(r["seconds"])
methods = sorted({m for m, _ in rate}, key=lambda m: (m != "hard-sharing", m))
ts = sorted({t for _, t in rate})
print("# MTL methods: training throughput relative to hard sharing\n")
print("`benchmarks/run-mtl.sh --methods`: `simulate` on `benchmarks/mtl-methods.json` (window-mlp, 2000 tokens per task,")
print("AMI 0.4, 3 epochs, 1 thread). tokens/s = 3 × T·n / the point's seconds (family generation, training, the readouts")
print("and scoring included).\n")
print("| method | " + " | ".join(f"T = {t} tokens/s" for t in ts) + " | " + " | ".join(f"T = {t} vs hard sharing" for t in ts) + " |")
print("|---|" + "---:|" * (2 * len(ts)))
for m in methods:
    cells = [f"{rate[(m, t)]:.0f}" for t in ts] + [f"{rate[(m, t)] / rate[('hard-sharing', t)]:.2f}×" for t in ts]
    print(f"| {m} | " + " | ".join(cells) + " |")
PY
  cat "$out.md"
  exit 0
fi

if [[ $quick == 1 ]]; then trial=(--seconds 3 --trials 2 --warmup-seconds 1); else trial=(--seconds 6 --trials 3 --warmup-seconds 2); fi

# 1. Build.
bench="${MTL_BENCH_BIN:-}"
if [[ -z "$bench" ]]; then
  scratch="${MTL_BENCH_SCRATCH:-$here/.build}"
  echo "== building mtl-bench (release)" >&2
  swift build -c release --product mtl-bench --scratch-path "$scratch" >&2
  bench="$(swift build -c release --product mtl-bench --scratch-path "$scratch" --show-bin-path)/mtl-bench"
fi
[[ -x "$bench" ]] || { echo "run-mtl.sh: no mtl-bench executable at $bench" >&2; exit 1; }

# 2. Python peers.
venv="${MTL_BENCH_VENV:-$here/.venv-mtl}"
if [[ $peers == 1 ]]; then
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import torch, jax, optax" 2>/dev/null; then
    echo "== creating $venv (pip install -r requirements-mtl.txt; torch is ~5 GB)" >&2
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$here/requirements-mtl.txt" >&2
  fi
  py="$venv/bin/python"
fi

mkdir -p "$here/results"
stamp="$(date -u +%Y-%m-%d)"
[[ $only_throughput == 1 ]] && stamp="$stamp-throughput"
raw="$here/results/mtl-$stamp.jsonl"
report="$here/results/mtl-$stamp.md"
# Records collect here and are renamed at the end (an interrupted run leaves the partial file for inspection).
tmp_raw="$here/results/.mtl-$stamp.partial.jsonl"
: >"$tmp_raw"

record() { tee -a "$tmp_raw" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
versions="$("$bench" throughput --model window-mlp --seconds 0.01 --trials 1 --warmup-seconds 0 | sed 's/.*"version":"\([^"]*\)".*/\1/')"
printf '{"kind":"machine","date (UTC)":"%s","cpu":"%s, %s cores","load average at start":"%s","swift":"%s","OpenBLAS":"%s"}\n' \
  "$(date -u '+%Y-%m-%d %H:%M')" "$cpu" "$(nproc)" "$(load)" "$(swift --version 2>&1 | head -1 | sed 's/"//g')" "$versions" >>"$tmp_raw"

# 3. Throughput, side by side: for each model and thread mode, ours then the peers.
modes=("--threads 1" "--threads 2" "--copies 2")
for model in bilstm-2fc window-mlp; do
  for mode in "${modes[@]}"; do
    echo "== throughput $model $mode" >&2
    # shellcheck disable=SC2086
    "$bench" throughput --model "$model" $mode "${trial[@]}" | record
    if [[ $peers == 1 ]]; then
      # shellcheck disable=SC2086
      "$py" peers/mtl_torch.py --model "$model" $mode "${trial[@]}" | record
      # shellcheck disable=SC2086
      "$py" peers/mtl_jax.py --model "$model" $mode "${trial[@]}" | record
      if [[ $model == bilstm-2fc && $mode != "--copies 2" ]]; then
        # The same computation as ours (backward direction of the LSTM over the last token only).
        # shellcheck disable=SC2086
        "$py" peers/mtl_torch.py --model "$model" --variant last-step $mode "${trial[@]}" | record
      fi
    fi
  done
done

# 4. Projection of paper-balanced.json and peak memory at its largest point (T·n = 100k).
if [[ $only_throughput == 0 ]]; then
echo "== projection paper-balanced.json" >&2
"$bench" projection --config "$root/simulator/paper-balanced.json" --model window-mlp --threads 2 --early-stop-samples 6 | record
if [[ $quick == 0 ]]; then
  "$bench" projection --config "$root/simulator/paper-balanced.json" --model bilstm-2fc --threads 2 \
    --max-sample-tokens 12000 --long-epochs 2 | record
fi
echo "== memory" >&2
"$bench" memory --config "$root/simulator/paper-balanced.json" --model window-mlp | record
"$bench" memory --config "$root/simulator/paper-balanced.json" --model bilstm-2fc | record

# 5. quick.json end to end (the slowest step).
simulate="${SIMULATE_BIN:-$root/.build/release/simulate}"
if [[ -x "$simulate" ]]; then
  echo "== simulate --config simulator/quick.json" >&2
  out="$(mktemp -d)"
  start=$(date +%s%N)
  if (cd "$root" && "$simulate" --config simulator/quick.json --out "$out/results.csv" >/dev/null 2>&1); then
    end=$(date +%s%N)
    rm -rf "$out"
    printf '{"kind":"simulate","command":"simulate --config simulator/quick.json","config":"quick.json","seconds":%s}\n' \
      "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')" | record
  else
    rm -rf "$out"
    echo "run-mtl.sh: $simulate --config simulator/quick.json failed; skipped" >&2
  fi
fi
echo "== mtl-bench grid quick.json" >&2
"$bench" grid --config "$root/simulator/quick.json" --threads 2 | record
fi

# 6. Report.
note_load="load average at end: $(load) (2 cores shared with other work: figures are noisy, best-of in brackets)"
mv "$tmp_raw" "$raw"
python3 peers/mtl_report.py "$raw" "$report" --note "$note_load" \
  --note "bilstm-2fc: ours trains frozen random 300-d vectors like the paper's precomputed ones; window-mlp: 7×64 trainable embeddings (lazy Adam in ours and PyTorch's SparseAdam; dense Adam in JAX)" >&2
echo "$report"
