#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan; see fuzz/) in
# build-fuzz/ and runs each for a bounded time, starting from its seed corpus
# in fuzz/corpus/<target>/. Inputs the fuzzer finds interesting are kept in
# build-fuzz/corpus/<target>/ (so a later run goes on from them); a crash or
# a broken invariant is saved as build-fuzz/findings/<target>-crash-* and
# makes the script fail.
#
#   bash scripts/fuzz.sh                 # every target, 60 s each
#   bash scripts/fuzz.sh 1800 reader     # one target, 30 minutes
#
# Without clang or libFuzzer (Debian: clang, libclang-rt-14-dev) it says so
# and exits 0, so that a machine without them still runs the other tests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(tagger reader warc timex jsonl); fi

cxx=${FUZZ_CXX:-clang++}
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: $cxx not found (install clang and libclang-rt-14-dev)"
  exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
  >"$probe/probe.cc"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/probe.cc" -o "$probe/probe" 2>/dev/null; then
  echo "fuzz: SKIPPED: $cxx cannot link libFuzzer with ASan and UBSan (install libclang-rt-14-dev)"
  exit 0
fi

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDATELINE_FUZZ=ON -DDATELINE_BUILD_TESTS=OFF -DDATELINE_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz

# Leaks are findings too; UBSan stops at the first report. fuzz/asan.supp
# names the one third-party bug the runs have found (in myhtml).
export ASAN_OPTIONS=detect_leaks=1:suppressions=$PWD/fuzz/asan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/findings
status=0
for target in "${targets[@]}"; do
  binary=build-fuzz/fuzz/fuzz_$target
  if [ ! -x "$binary" ]; then
    echo "fuzz: no target '$target' (fuzz/fuzz_$target.cc)" >&2
    exit 2
  fi
  work=build-fuzz/corpus/$target
  mkdir -p "$work"
  extra=()
  if [ -f "fuzz/dict/$target.dict" ]; then extra+=(-dict="fuzz/dict/$target.dict"); fi
  # The JSONL target keeps a store across inputs on purpose (see
  # fuzz_jsonl.cc): its heap grows by design, and libFuzzer would scan the
  # whole heap for leaks after nearly every input.
  if [ "$target" = jsonl ]; then extra+=(-detect_leaks=0); fi
  echo "fuzz: $target for ${seconds}s"
  # -timeout: an input that takes 30 s is a hang; -rss_limit_mb: a bomb.
  if ! "$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -max_len=262144 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/findings/$target-" "${extra[@]}" \
    "$work" "fuzz/corpus/$target" 2>"build-fuzz/$target.log"; then
    tail -n 60 "build-fuzz/$target.log" >&2
    echo "fuzz: $target: FINDING (input saved under build-fuzz/findings/)" >&2
    status=1
    continue
  fi
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
    "build-fuzz/$target.log" | sed "s/^/fuzz: $target: /"
done
exit $status
