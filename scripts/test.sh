#!/usr/bin/env bash
# Builds dateline twice (optimised, and with AddressSanitizer + UBSan) and
# runs the whole test suite on each build, then builds the libFuzzer targets
# (clang) and runs each for a minute (scripts/fuzz.sh; skipped with a message
# when clang or libFuzzer is missing). Dev-set regression tests run when
# ../shared/data is present and skip with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDATELINE_SANITIZE=ON \
  -DDATELINE_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" --target dateline_tests dateline_cli tag_page
ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 1800

# A finding fails the run; its input is kept under build-fuzz/findings/.
bash scripts/fuzz.sh 60
