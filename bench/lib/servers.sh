# SPDX-License-Identifier: Apache-2.0
# bench/run: starting the servers under test on loopback and stopping them again.

server_pids=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  server_pids=()
}
trap stop_servers EXIT

# start_server NAME PORT CMD... : starts CMD in the background, waits until GET /healthz
# answers (MiniSearch loads its index first: up to two minutes), sets pid_NAME.
start_server() {
  local name=$1 port=$2
  shift 2
  # cpp-httplib binds with SO_REUSEPORT: a leftover server on the port would silently share
  # the load (and its answers) with the one under test.
  if ss -ltn "sport = :$port" | grep -q LISTEN; then
    echo "bench/run: port $port is already in use; stop what listens there first" >&2
    exit 1
  fi
  "$@" >"$work/server-$name.log" 2>&1 &
  local pid=$!
  server_pids+=("$pid")
  printf -v "pid_${name//-/_}" '%s' "$pid"
  local _
  for _ in $(seq 1200); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench/run: server $name did not come up on port $port; its log:" >&2
  tail -5 "$work/server-$name.log" >&2
  exit 1
}

# Peak resident set of a running process, in MB.
peak_rss_mb() {
  awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

# Podium's server as a deployment runs it, minus what would measure the client instead of the
# server: no per-address rate limit (all load comes from one address) and no access log.
# 16 worker threads for wrk's 16 connections (a pool smaller than the connections would queue
# keep-alive connections behind each other).
start_podium() {  # NAME PORT DB
  start_server "$1" "$2" build/bin/podium-search serve --db "$3" --port "$2" --threads 16 \
    --max-connections 64 --rate-limit 0 --no-access-log
}
