#!/usr/bin/env bash
# Runs a grid on Slurm: one array job of N shards, then the merge job once all shards succeeded.
#
#   simulator/slurm/submit.sh CONFIG OUTDIR N [simulate options, e.g. --seed 3 --model bilstm-2fc]
#
# Builds `simulate` once (release) unless MTLF_SIMULATE names a built one; SBATCH_* variables and sbatch options in
# MTLF_SBATCH (e.g. "--partition=cpu --time=12:00:00 --cpus-per-task=1") reach both jobs. Prints the two job ids.
set -euo pipefail
if [[ $# -lt 3 ]]; then sed -n '2,8p' "$0" >&2; exit 2; fi
config=$1
outdir=$2
n=$3
shift 3
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: N must be a positive integer, found '$n'" >&2; exit 2; }
[[ -f "$config" ]] || { echo "submit.sh: no config file '$config'" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ -z "${MTLF_SIMULATE:-}" ]]; then
  (cd "$root" && swift build -c release --product simulate >&2)
  export MTLF_SIMULATE="$root/.build/release/simulate"
fi
mkdir -p "$outdir"
seed=()
for ((i = 1; i <= $#; i++)); do [[ "${!i}" == --seed ]] && { j=$((i + 1)); seed=(--seed "${!j}"); }; done
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL ${MTLF_SBATCH:-} --array="1-$n" --output="$outdir/slurm-%A_%a.out" \
  "$here/simulate-array.sbatch" "$config" "$outdir" "$@")
# shellcheck disable=SC2086
merge=$(sbatch --parsable --export=ALL ${MTLF_SBATCH:-} --dependency="afterok:${array%%;*}" \
  --output="$outdir/slurm-merge-%j.out" "$here/merge.sbatch" "$config" "$outdir" "${seed[@]}")
echo "array job ${array%%;*} ($n shards), merge job ${merge%%;*}: results in $outdir/results.csv"
