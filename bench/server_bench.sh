#!/usr/bin/env bash
# Server benchmark: requests/s and p50/p99 latency from wrk on loopback for
# GET /healthz (the baseline of the same server in the same run), POST
# /v1/tag with one-sentence French texts (64 and 512 connections), and
# GET /v1/timeline on the 100,000-article store that corpus_bench builds
# (kept in BENCH_DIR between runs). Prints one line per run with its ratio to
# /healthz, the machine's load, and the server's memory.
#
#   bench/server_bench.sh [BUILD_DIR]      (BENCH_SECONDS, default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${BENCH_SECONDS:-20}
dir=${BENCH_DIR:-/tmp/dateline_server_bench}
mkdir -p "$dir"
ulimit -n 8192 2>/dev/null || true
if [ ! -s "$dir/large.db" ]; then
  echo "building the 100,000-article store (once) with corpus_bench..."
  "$build/corpus_bench" --articles 50 --keep "$dir" >/dev/null
fi

"$build/dateline" serve --listen 127.0.0.1:0 --db "$dir/large.db" 2>"$dir/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 600); do grep -q "/ (store" "$dir/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/serve.log" | head -1)
url="http://127.0.0.1:$port"

run() {
  local name=$1 conns=$2; shift 2
  wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s --latency "$@" >"$dir/wrk.txt"
  rps=$(awk '/^Requests\/sec/ {print $2}' "$dir/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$dir/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$dir/wrk.txt")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$dir/wrk.txt")
  ratio=$(awk -v a="$rps" -v b="${health:-$rps}" 'BEGIN {printf "%.3g", a / b}')
  printf '%-40s %4s conns %10s req/s  p50 %9s  p99 %9s  errors %-4s ratio %s\n' \
    "$name" "$conns" "$rps" "$p50" "$p99" "$errors" "$ratio"
}

wrk -t2 -c64 -d3s -s bench/wrk_tag.lua "$url/v1/tag" >/dev/null  # warm-up
curl -s "$url/v1/timeline?q=Loukachenko" >/dev/null
echo "load before: $(uptime)"
health=""
run "GET /healthz (baseline)" 64 "$url/healthz"
health=$rps
run "POST /v1/tag (one French sentence)" 64 -s bench/wrk_tag.lua "$url/v1/tag"
run "POST /v1/tag (one French sentence)" 512 -s bench/wrk_tag.lua "$url/v1/tag"
run "GET /v1/timeline?q=Loukachenko (100k)" 8 "$url/v1/timeline?q=Loukachenko"
run "GET /v1/timeline (100k, all articles)" 8 "$url/v1/timeline"
echo "load after: $(uptime)"
echo "server memory: $(awk '/^VmRSS/ {print $2, $3}' /proc/$pid/status)"
