#!/usr/bin/env bash
# Builds the scenario reader's fuzz target (clang, libFuzzer, ASan, UBSan) and runs it, seeded
# with the shipped scenarios and the bad-file fixtures. Usage: scripts/fuzz.sh [SECONDS] [RUNS]
# (default 60 seconds; RUNS, if given, stops it after that many executions instead).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
runs="${2:-}"
bash scripts/setup.sh clang libclang-rt-14-dev cmake ninja-build libboost-dev libtomlplusplus-dev
cmake -S tests/fuzz -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp scenarios/*.toml tests/io/bad/*.toml "$corpus"/
limits=(-max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/)
if [ -n "$runs" ]; then
  ./build/fuzz/fuzz_scenario "${limits[@]}" -runs="$runs" "$corpus"
else
  ./build/fuzz/fuzz_scenario "${limits[@]}" -max_total_time="$seconds" "$corpus"
fi
