#!/usr/bin/env bash
# Sets up, builds and runs the main scenario (the Køge experiment), writing output/<scenario>.h5,
# then prints the published tables beside the simulated ones.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
scenario="${1:-scenarios/koege_2008.toml}"
shift || true
threads="$(nproc 2>/dev/null || echo 1)"
name="$(basename "$scenario" .toml)"
./build/release/almpsim run "$scenario" --threads "$threads" -o "output/$name.h5" "$@"
./build/release/almpsim report "output/$name.h5"
