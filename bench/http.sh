#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Throughput and latency of /v1/search over HTTP with wrk (2 threads, 16 connections, 10 s after
# a 3 s warm-up), next to the HTTP floor (a fixed 2 KB JSON from cpp-httplib) in the same run.
#   bench/http.sh DB QUERIES.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/http.sh DB QUERIES.jsonl}
queries=${2:?usage: bench/http.sh DB QUERIES.jsonl}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
bin=${PODIUM_BIN:-build/bin}
port_podium=18080
port_floor=18090

# Load from one client address: no per-client rate limit, no access log (its cost is not
# what is measured; the floor has none either).
"$bin/podium-search" serve --db "$db" --port $port_podium --threads 16 --max-connections 64 \
  --rate-limit 0 --no-access-log >/tmp/podium-bench-serve.log 2>&1 &
podium_pid=$!
"$bin/podium-http-floor" $port_floor 16 >/dev/null 2>&1 &
floor_pid=$!
trap 'kill $podium_pid $floor_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port_podium/healthz" >/dev/null && break
  sleep 0.1
done

run() {  # name url
  QUERIES=$queries wrk -t2 -c16 -d3s -s bench/wrk_queries.lua "$2" >/dev/null
  QUERIES=$queries wrk -t2 -c16 -d10s --latency -s bench/wrk_queries.lua "$2" >/tmp/wrk-$1.txt
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/wrk-$1.txt)
  p50=$(awk '$1 == "50%" {print $2}' /tmp/wrk-$1.txt)
  p99=$(awk '$1 == "99%" {print $2}' /tmp/wrk-$1.txt)
  errors=$(awk '/Non-2xx|Socket errors/ {print}' /tmp/wrk-$1.txt | tr '\n' ' ')
  echo "| $1 | $rps | $p50 | $p99 | ${errors:-none} |"
}
echo "| target | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
run podium-search "http://127.0.0.1:$port_podium"
run http-floor "http://127.0.0.1:$port_floor"
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$podium_pid/status)"
