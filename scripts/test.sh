#!/usr/bin/env bash
# Builds dateline twice (optimised, and with AddressSanitizer + UBSan) and
# runs the whole test suite on each build (the Python tests on the optimised
# build only), then builds the libFuzzer targets (clang) and runs each for a
# minute (scripts/fuzz.sh; skipped with a message when clang or libFuzzer is
# missing). Dev-set regression tests run when
# ../shared/data is present and skip with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

if [ ! -d web/node_modules/vis-timeline ] || [ ! -d web/node_modules/puppeteer-core ]; then
  echo "test.sh: web/node_modules is missing: run scripts/install-deps.sh (npm ci in web/)" >&2
  exit 1
fi

# The optimised build also builds the Python module and runs its tests
# (python/tests, with pytest: ctest's python_tests); the sanitizer build
# leaves them out (an instrumented module cannot load in an uninstrumented
# interpreter).
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDATELINE_BUILD_PYTHON=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900
# The server in a real browser (headless Chromium) and under load (wrk),
# on loopback, on the optimised build.
# Each is bounded by itself (per-test timeouts, wrk -d); `timeout` is the
# backstop against a hung browser process.
DATELINE_BINARY=build/dateline DATELINE_TEST_OUT=build/web-test \
  timeout --kill-after=10 900 node --test web/test/
bash scripts/load_test.sh build

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDATELINE_SANITIZE=ON \
  -DDATELINE_BUILD_BENCH=OFF -DDATELINE_BUILD_PYTHON=OFF >/dev/null
cmake --build build-asan -j"$jobs" --target dateline_tests dateline_cli tag_page
ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 1800

# A finding fails the run; its input is kept under build-fuzz/findings/.
bash scripts/fuzz.sh 60
