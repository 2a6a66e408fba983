#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# /v1/search over a sharded index on loopback, for each number of shards N (default 1 2 4):
#   - "local N":  podium-search over the stub DIR/XAPIANDB (N local shards, one process);
#   - "remote N": the same shards each served by xapian-tcpsrv, podium-search over a stub of
#                 "remote 127.0.0.1:PORT" lines (--spelling-db on the local copy);
#   - "1 of N":   one remote shard alone (a 1/N slice of the data): the per-shard figure.
# wrk: 2 threads, 16 connections, 3 s warm-up, 10 s; the load average is printed with each row
# because the machine is shared.
#   bench/shards.sh [CORPUS.jsonl[.gz]] [N...]
# The default corpus is ../shared/corpora/pyvideo-5k.jsonl (next to the clone, not in it).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/pyvideo-5k.jsonl}
shift || true
counts=${*:-1 2 4}
if [ ! -f "$corpus" ]; then
  echo "corpus $corpus is missing (the default lives in ../shared/corpora/); pass one" >&2
  exit 1
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || { echo "xapian-tcpsrv is missing (xapian-tools)" >&2; exit 1; }
bin=${PODIUM_BIN:-build/bin}
work=$(mktemp -d /tmp/podium-shards.XXXXXX)
port_serve=18380
port_shard=18300
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

"$bin/podium-eval" build-heldout --out "$work/eval" "$corpus" >/dev/null
queries=$work/eval/queries.jsonl

wait_http() {
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$port_serve/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "podium-search did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

wait_port() {  # port
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "xapian-tcpsrv did not start on port $1" >&2
  exit 1
}

measure() {  # label db [extra serve options...]
  local label=$1 db=$2
  shift 2
  "$bin/podium-search" serve --db "$db" --port $port_serve --threads 16 --max-connections 64 \
    --rate-limit 0 --no-access-log "$@" >"$work/serve.log" 2>&1 &
  local serve_pid=$!
  wait_http
  local url="http://127.0.0.1:$port_serve"
  QUERIES=$queries wrk -t2 -c16 -d3s -s bench/wrk_queries.lua "$url" >/dev/null
  QUERIES=$queries wrk -t2 -c16 -d10s --latency -s bench/wrk_queries.lua "$url" >"$work/wrk.txt"
  kill $serve_pid
  wait $serve_pid 2>/dev/null || true
  local rps p50 p99 errors load
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.txt" | tr '\n' ' ')
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "| $label | $rps | $p50 | $p99 | ${errors:-none} | $load |"
}

echo "corpus: $corpus ($(wc -l <"$queries") queries); $(nproc) cores; uptime: $(uptime)"
echo
sizes=""
echo "| setup | requests/s | p50 | p99 | errors | load average (1 5 15 min) |"
echo "|---|---|---|---|---|---|"
for n in $counts; do
  db=$work/shards-$n
  "$bin/podium-index" --db "$db" --shards "$n" --no-progress "$corpus" >/dev/null 2>&1 || true
  sizes+="$n shards: $(du -sk "$db" | cut -f1) KiB in all, shard-00 $(du -sk "$db/shard-00" | cut -f1) KiB, $(xapian-delve "$db" | awk '/number of documents/ {print $NF}') documents; "
  measure "local $n" "$db"
  : >"$work/remote-$n.stub"
  for ((i = 0; i < n; i++)); do
    port=$((port_shard + i))
    shard=$(printf '%s/shard-%02d' "$db" "$i")
    # Its own session: on SIGTERM xapian-tcpsrv signals its whole process group (to end its
    # connection children), which would otherwise include this script.
    setsid xapian-tcpsrv --port $port --interface 127.0.0.1 --quiet "$shard" 2>/dev/null &
    pids+=($!)
    echo "remote 127.0.0.1:$port" >>"$work/remote-$n.stub"
  done
  for ((i = 0; i < n; i++)); do wait_port $((port_shard + i)); done
  measure "remote $n" "$work/remote-$n.stub" --spelling-db "$db"
  if [ "$n" -gt 1 ]; then
    echo "remote 127.0.0.1:$port_shard" >"$work/one-of-$n.stub"
    measure "1 of $n (remote)" "$work/one-of-$n.stub" --spelling-db "$db/shard-00"
  fi
  stop_all
done
echo
echo "index sizes: $sizes"
echo "uptime at the end: $(uptime)"
