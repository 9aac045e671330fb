#!/usr/bin/env bash
# Sets up, builds and runs the main scenario, writing output/<scenario>.h5 and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
scenario="${1:-scenarios/two_actors_shock.toml}"
shift || true
threads="$(nproc 2>/dev/null || echo 1)"
./build/release/almpsim run "$scenario" --threads "$threads" "$@"
