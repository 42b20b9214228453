#!/usr/bin/env bash
# Load test of `dateline serve` with wrk, on loopback, bounded in time:
# GET /healthz at 64 connections (the baseline), then POST /v1/tag with
# one-sentence French texts at 64 and at 512 connections, LOAD_SECONDS each
# (default 20). Fails when any answer is not 2xx, on any socket error
# (connect, read, write, timeout), or when the server's resident memory after
# the runs is more than 10% above its memory before them. Prints requests/s,
# p50/p99 latency and the ratio of each run to /healthz; throughput is
# reported, not asserted (a shared machine's load decides it; see
# bench/server_bench.sh for the figures).
#
#   scripts/load_test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${LOAD_SECONDS:-20}
command -v wrk >/dev/null || { echo "load test: wrk is not installed (scripts/install-deps.sh)"; exit 1; }
ulimit -n 8192 2>/dev/null || true

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$build/dateline" serve --listen 127.0.0.1:0 --db "$work/store.db" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 300); do
  grep -q "/ (store" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log" | head -1)
[ -n "$port" ] || { echo "load test: the server did not start"; cat "$work/serve.log"; exit 1; }
url="http://127.0.0.1:$port"

rss() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }
# The server's settled memory: the least of readings over 10 s. Connections
# just closed are freed as their handlers finish (right after 512 connections
# the RSS can read 52 MB and settle to 27 MB within seconds); a leak does not
# shrink, so the least reading is what the server keeps.
settled_rss() {
  local least now
  least=$(rss)
  for _ in $(seq 1 20); do
    sleep 0.5
    now=$(rss)
    [ "$now" -lt "$least" ] && least=$now
  done
  echo "$least"
}

# One wrk run; prints a summary line and sets rps, errors.
run() {
  local name=$1 conns=$2 secs=$3; shift 3
  local out="$work/wrk-$name.txt"
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "$@" >"$out"
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  local p50 p99 non2xx sock
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
  errors=$(( ${non2xx:-0} + ${sock:-0} ))
  printf '%-26s %5s conns %10s req/s  p50 %8s  p99 %8s  errors %s\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errors"
}

# Warm-up: the pages, allocator arenas and connections the runs will use, at
# both connection counts (the first 512-connection run allocates buffers the
# server keeps for reuse: several MB, not a leak, and above 10% of ~27 MB).
wrk -t2 -c64 -d3s -s bench/wrk_tag.lua "$url/v1/tag" >/dev/null
wrk -t2 -c512 -d3s -s bench/wrk_tag.lua "$url/v1/tag" >/dev/null
before=$(settled_rss)
echo "load: $(uptime)"
failed=0
run healthz 64 "$((seconds / 2))" "$url/healthz"
health=$rps
[ "$errors" -eq 0 ] || failed=1
for conns in 64 512; do
  run "tag" "$conns" "$seconds" -s bench/wrk_tag.lua "$url/v1/tag"
  [ "$errors" -eq 0 ] || failed=1
  awk -v a="$rps" -v b="$health" 'BEGIN {printf "  ratio to /healthz: %.2f\n", a / b}'
done
after=$(settled_rss)
echo "server memory: ${before} kB before, ${after} kB after"
if [ "$after" -gt $(( before + before / 10 )) ]; then
  echo "load test: memory grew by more than 10%"
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "load test: FAILED (errors or memory growth above)"
  exit 1
fi
echo "load test: passed (no errors, memory within 10%)"
