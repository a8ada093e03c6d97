#!/usr/bin/env bash
# Tests the Slurm scripts on a real single-node cluster on this machine:
#   1. installs slurm-wlm and munge from Debian when missing (as root; otherwise prints the apt-get command);
#   2. starts munged, slurmctld and slurmd on localhost with their own socket, ports and state in a temporary folder;
#   3. submits a tiny grid (2 methods, 8 points, 2 repetitions) as 3 shards with simulator/slurm/submit.sh, waits
#      for the array and the merge job, and checks the merged tables against an unsharded run (all but `seconds`);
#   4. stops every daemon it started (by PID) and removes the folder, also on failure.
# About a minute once `simulate` is built. Usage: scripts/slurm-test.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
missing=()
for tool in slurmctld slurmd sbatch squeue munged; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "slurm-test: installing slurm-wlm munge" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
  else
    echo "slurm-test: needs slurm-wlm and munge: sudo apt-get install -y slurm-wlm munge" >&2
    exit 2
  fi
fi
[[ $(id -u) -eq 0 ]] || { echo "slurm-test: run as root (the test cluster's daemons run as root)" >&2; exit 2; }
swift build -c release --product simulate >&2
simulate="$root/.build/release/simulate"

work=$(mktemp -d /tmp/mtlf-slurm.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work"/{munge,state,spool,log,run,out}
key="$work/munge/munge.key"
if [[ -r /etc/munge/munge.key ]]; then cp /etc/munge/munge.key "$key"; else mungekey --create --keyfile "$key"; fi
chmod 600 "$key"
munged --socket="$work/munge/munge.sock" --key-file="$key" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" --force
for _ in $(seq 50); do [[ -s "$work/munge/munged.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
cat > "$work/slurm.conf" <<CONF
ClusterName=mtlftest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
for _ in $(seq 50); do [[ -s "$work/run/slurmctld.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
for _ in $(seq 50); do [[ -s "$work/run/slurmd.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/run/slurmd.pid")")
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 0.2; done
sinfo -h -o %t | grep -q idle || { echo "slurm-test: the node did not come up" >&2; tail "$work/log/"*.log >&2; exit 1; }

cat > "$work/grid.json" <<'GRID'
{"name": "slurm-test", "seed": 5, "repetitions": 2, "methods": ["hard-sharing", "alphavil"],
 "grid": {"tasks": [1, 2], "tokens": [300, 600], "alpha": [0.9]},
 "training": {"model": "window-mlp", "epochs": 2, "patience": null, "dev_tokens": 300, "embedding_size": 8,
              "hidden_sizes": [16]}}
GRID
MTLF_SIMULATE="$simulate" simulator/slurm/submit.sh "$work/grid.json" "$work/out" 3
for _ in $(seq 600); do [[ -z "$(squeue -h)" ]] && break; sleep 0.5; done
[[ -z "$(squeue -h)" ]] || { echo "slurm-test: jobs still queued after 5 minutes" >&2; squeue >&2; exit 1; }
[[ -s "$work/out/results.csv" ]] || { echo "slurm-test: no merged results" >&2; cat "$work/out/"slurm-*.out >&2; exit 1; }

"$simulate" --config "$work/grid.json" --out "$work/whole.csv" --reps-out "$work/whole-reps.csv" --quiet
python3 - "$work" <<'PY'
import csv, sys
work = sys.argv[1]
def table(path):
    rows = list(csv.reader(open(path)))
    k = rows[0].index("seconds")
    return [r[:k] + r[k + 1:] for r in rows]
for merged, whole in [("out/results.csv", "whole.csv"), ("out/results-reps.csv", "whole-reps.csv")]:
    a, b = table(f"{work}/{merged}"), table(f"{work}/{whole}")
    if a != b:
        sys.exit(f"slurm-test: {merged} differs from the unsharded run")
    print(f"slurm-test: {merged}: {len(a) - 1} rows, equal to the unsharded run (all but seconds)")
PY
echo "slurm-test: passed"
