#!/bin/bash
# A sweep, and a run's replications, spread over 2 MPI ranks must give the file of one process,
# byte for byte.
# Usage: ranks_equal_one_process.sh ALMPSIM_BINARY SOURCE_DIR
set -euo pipefail
almpsim=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(sweep "$source/scenarios/two_actors_shock.toml" --vary "inflow.cash_benefit=8.0,10.0,12.0"
      --vary "shocks.financial_crisis.job_finding=0.7,0.9" --replications 3 --quiet)
# The same output path both times: the command line is part of the file.
"$almpsim" "${args[@]}" -o "$work/sweep.h5"
mv "$work/sweep.h5" "$work/one.h5"
launcher=(mpirun -np 2 --oversubscribe)
if [ "$(id -u)" = 0 ]; then launcher+=(--allow-run-as-root); fi
"${launcher[@]}" "$almpsim" "${args[@]}" -o "$work/sweep.h5"
cmp "$work/one.h5" "$work/sweep.h5"
echo "sweep: 2 ranks and 1 process wrote identical files ($(stat -c %s "$work/one.h5") bytes)"

# Three replications on two ranks: the first runs two, the second one and hands it over, with
# its register spells.
args=(run "$source/scenarios/two_actors_shock.toml" --replications 3 --register --quiet)
"$almpsim" "${args[@]}" -o "$work/run.h5"
mv "$work/run.h5" "$work/one.h5"
"${launcher[@]}" "$almpsim" "${args[@]}" -o "$work/run.h5"
cmp "$work/one.h5" "$work/run.h5"
echo "run: 2 ranks and 1 process wrote identical files ($(stat -c %s "$work/one.h5") bytes)"

# One replication on two ranks: the second owns none and sends nothing.
args=(run "$source/scenarios/two_actors_shock.toml" --replications 1 --quiet)
"$almpsim" "${args[@]}" -o "$work/run.h5"
mv "$work/run.h5" "$work/one.h5"
"${launcher[@]}" "$almpsim" "${args[@]}" -o "$work/run.h5"
cmp "$work/one.h5" "$work/run.h5"
echo "run of one replication: 2 ranks and 1 process wrote identical files"

# The first rank's progress counts its own replications, and says it does.
"${launcher[@]}" "$almpsim" run "$source/scenarios/two_actors_shock.toml" --replications 3 -o "$work/run.h5" \
  2> "$work/progress.txt" > /dev/null
grep -q "replications 2/2 on rank 0 of 2 (3 replications in all)" "$work/progress.txt" ||
  { echo "progress under MPI does not say whose replications it counts:"; cat "$work/progress.txt"; exit 1; }
echo "progress under MPI names the rank it counts"
