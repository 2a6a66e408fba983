# SPDX-License-Identifier: Apache-2.0
# bench/run part "http": wrk against Podium and the three baselines, in one run.

# wrk's latency ("850.00us", "2.30ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
    else if (v ~ /m$/) printf "%.0f", v * 60000; else printf "%.2f", v * 1000 }'
}

# wrk_run KEY URL [VAR=VALUE...]: a warm-up, then the measured run, cycling through the query
# file (bench/wrk_queries.lua). Sets R[KEY.rps|p50|p99|errors] and prints a table row.
wrk_run() {
  local key=$1 url=$2
  shift 2
  local out=$work/wrk-$key.txt
  env QUERIES="$queries" "$@" wrk -t2 -c16 -d"${warmup}s" -s bench/wrk_queries.lua "$url" >/dev/null
  env QUERIES="$queries" "$@" wrk -t2 -c16 -d"${duration}s" --latency -s bench/wrk_queries.lua \
    "$url" >"$out"
  R[$key.rps]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out")
  R[$key.p50]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  R[$key.p99]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  local errors
  errors=$(awk '/Non-2xx/ {printf "%s non-2xx ", $NF} /Socket errors/ {print}' "$out")
  R[$key.errors]=${errors:-none}
  echo "| $key | ${R[$key.rps]} | ${R[$key.p50]} | ${R[$key.p99]} | ${R[$key.errors]} |"
}

part_http() {
  local base=http://127.0.0.1
  note "http: starting the servers"
  start_podium podium 18080 "$eval_dir/podium"
  start_server http-floor 18090 build/bin/podium-http-floor 18090 16
  start_server engine-floor 18100 build/bin/podium-floor-server --db "$eval_dir/floor" \
    --port 18100 --threads 16
  start_server minisearch 18110 node bench/minisearch/server.js "$eval_dir/docs.jsonl" 18110

  echo "## Over HTTP ($corpus, wrk 2 threads / 16 connections, ${duration} s)"
  echo
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| server | requests/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|"
  wrk_run http-floor "$base:18090"
  wrk_run engine-floor "$base:18100"
  wrk_run minisearch "$base:18110"
  wrk_run podium "$base:18080"
  wrk_run podium-diversity "$base:18080" PATH_PREFIX="/v1/search?k=10&diversity=on&q="
  wrk_run podium-post-diversity "$base:18080" PATH_PREFIX=/v1/search \
    BODY='{"q": "%s", "k": 10, "diversity": true}'
  # /v1/recommend: the held-out title as the event text, a lineup of 5. A body the route
  # rejects would only measure 400s, so the probe must answer 200 or the row says why not.
  local recommend_body=${PODIUM_RECOMMEND_BODY:-'{"event": "%s", "size": 5}'}
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data "${recommend_body//%s/python}" "$base:18080/v1/recommend" || true)
  if [ "$code" = 200 ]; then
    wrk_run podium-recommend "$base:18080" PATH_PREFIX=/v1/recommend BODY="$recommend_body"
  else
    echo "| podium-recommend | skipped: POST /v1/recommend answers $code to the probe | | | |"
  fi
  R[podium.rss]=$(peak_rss_mb "$pid_podium")
  R[engine-floor.rss]=$(peak_rss_mb "$pid_engine_floor")
  R[minisearch.rss]=$(peak_rss_mb "$pid_minisearch")
  echo
  echo "peak RSS: podium ${R[podium.rss]} MB, engine floor ${R[engine-floor.rss]} MB," \
    "minisearch ${R[minisearch.rss]} MB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  stop_servers
}
