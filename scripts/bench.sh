#!/usr/bin/env bash
# Sets up, builds (release preset, benchmark included) and runs the performance benchmark:
# the reference workload through the engine and through NumPy, the Køge model at 1,000,000
# citizens, a whole immediate-activation sweep, and the Denmark-scale projection (--workloads
# denmark runs it alone); median of 5 interleaved rounds.
# Extra arguments go to sim/bench/run_benchmark.py (e.g. --rounds 7 --json output/bench.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
/usr/bin/python3 sim/bench/run_benchmark.py --build-dir build/release "$@"
