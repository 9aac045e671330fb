#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (CTest over Catch2).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${ALMPSIM_PRESET:-release}"
bash scripts/setup.sh
bash scripts/build.sh "$preset"
ctest --preset "$preset"
